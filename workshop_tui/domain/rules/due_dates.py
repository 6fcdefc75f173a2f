"""Due dates typed the way people write them: "1 Dec", "fri", "+7d", "in 2 weeks".

Everything is relative to a ``today`` handed in, so the rules are pure and
testable. A date without a year is the next one on or after today; a weekday
("fri", "friday", "this friday") is the first one after today, and "next friday" is the
Friday of next week, as people mean it (said on a Monday: eleven days on, not four).
"""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta

MONTH_NAMES = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip
DAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
"""English names, whatever the process locale (``calendar``'s names follow it)."""

_MONTHS: dict[str, int] = {"sept": 9}
for _number, _name in enumerate(MONTH_NAMES, start=1):
    _MONTHS[_name.lower()] = _number
    _MONTHS[_name[:3].lower()] = _number

_WEEKDAYS: dict[str, int] = {"tues": 1, "wednes": 2, "thur": 3, "thurs": 3}
for _number, _name in enumerate(DAY_NAMES):
    for _length in (2, 3, len(_name)):
        _WEEKDAYS[_name[:_length].lower()] = _number

_UNITS = {"d": "day", "day": "day", "w": "week", "wk": "week", "week": "week"}
_UNITS.update({"m": "month", "mo": "month", "month": "month", "y": "year", "yr": "year"})
_UNITS["year"] = "year"

_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_MONTH_DAY = re.compile(r"^(\d{1,2})-(\d{1,2})$")
_DAY_MONTH = re.compile(r"^(\d{1,2})(?:st|nd|rd|th)? (?:of )?([a-z]+)\.?(?: (\d{4}))?$")
_MONTH_FIRST = re.compile(r"^([a-z]+)\.? (\d{1,2})(?:st|nd|rd|th)?(?: (\d{4}))?$")
_OFFSET = re.compile(r"^(?:\+ ?|in )?(\d{1,3}|a|an|one) ?([a-z]*)$")
_WEEKDAY = re.compile(r"^(?:(next|this|on) )?([a-z]+)$")


class _Impossible(ValueError):
    """Day and month read, but no such day exists."""


HINT = "try 2026-12-01, 12-01, 1 Dec, fri, +7d, in 2 weeks or tomorrow"


def parse_due(text: str, today: date) -> date | None:
    """The date ``text`` means, seen from ``today``; None when it is blank.

    Raises ValueError with one readable sentence when the text is not a date.
    """
    cleaned = " ".join(text.strip().lower().replace(",", " ").split())
    if not cleaned:
        return None
    for reader in (_named, _iso, _month_day, _day_month, _month_first, _offset, _weekday):
        try:
            found = reader(cleaned, today)
        except _Impossible as problem:
            raise ValueError(f'"{text.strip()}" is not a real date: {problem}.') from None
        if found is not None:
            return found
    raise ValueError(f'"{text.strip()}" is not a date I can read: {HINT}.')


def describe_due(due: date | None, today: date) -> str:
    """A short, readable form of a due date: "Fri 4 Dec", with the year when not this one."""
    if due is None:
        return ""
    shown = f"{DAY_NAMES[due.weekday()][:3]} {due.day} {MONTH_NAMES[due.month - 1][:3]}"
    return shown if due.year == today.year else f"{shown} {due.year}"


def is_overdue(due: date | None, today: date, *, done: bool = False) -> bool:
    """An open action whose due date has passed."""
    return due is not None and not done and due < today


def _named(text: str, today: date) -> date | None:
    named = {
        "today": today,
        "now": today,
        "tomorrow": today + timedelta(days=1),
        "tmrw": today + timedelta(days=1),
        "next week": today + timedelta(weeks=1),
        "next month": _add_months(today, 1),
        "end of month": date(today.year, today.month, _days_in(today.year, today.month)),
        "end of week": today + timedelta(days=(4 - today.weekday()) % 7),
    }
    return named.get(text)


def _iso(text: str, today: date) -> date | None:
    match = _ISO.match(text)
    if match is None:
        return None
    year, month, day = (int(group) for group in match.groups())
    return _real_date(year, month, day)


def _month_day(text: str, today: date) -> date | None:
    match = _MONTH_DAY.match(text)
    if match is None:
        return None
    month, day = int(match.group(1)), int(match.group(2))
    return _next_occurrence(month, day, today)


def _day_month(text: str, today: date) -> date | None:
    match = _DAY_MONTH.match(text)
    if match is None:
        return None
    day, month_name, year = match.groups()
    return _dated(int(day), month_name, year, today)


def _month_first(text: str, today: date) -> date | None:
    match = _MONTH_FIRST.match(text)
    if match is None:
        return None
    month_name, day, year = match.groups()
    return _dated(int(day), month_name, year, today)


def _dated(day: int, month_name: str, year: str | None, today: date) -> date | None:
    month = _MONTHS.get(month_name)
    if month is None:
        return None
    if year is not None:
        return _real_date(int(year), month, day)
    return _next_occurrence(month, day, today)


def _offset(text: str, today: date) -> date | None:
    match = _OFFSET.match(text)
    if match is None or (match.group(2) == "" and not text.startswith("+")):
        return None
    count_text, unit_text = match.groups()
    count = 1 if count_text in ("a", "an", "one") else int(count_text)
    unit = _UNITS.get(unit_text or "d") or _UNITS.get(unit_text.removesuffix("s"))
    if unit is None:
        return None
    if unit == "day":
        return today + timedelta(days=count)
    if unit == "week":
        return today + timedelta(weeks=count)
    if unit == "month":
        return _add_months(today, count)
    return _add_months(today, 12 * count)


def _weekday(text: str, today: date) -> date | None:
    match = _WEEKDAY.match(text)
    if match is None:
        return None
    weekday = _WEEKDAYS.get(match.group(2))
    if weekday is None:
        return None
    if match.group(1) == "next":  # the day of next week, as people mean it
        next_monday = today + timedelta(days=7 - today.weekday())
        return next_monday + timedelta(days=weekday)
    ahead = (weekday - today.weekday()) % 7 or 7
    return today + timedelta(days=ahead)


def _next_occurrence(month: int, day: int, today: date) -> date:
    """``day``/``month`` this year, or next year when that has passed."""
    this_year = _real_date(today.year, month, day, leap_ok=True)
    if this_year is not None and this_year >= today:
        return this_year
    following = _real_date(today.year + 1, month, day, leap_ok=True)
    if following is None:  # 29 Feb, seen from a year whose next one is not a leap year
        year = today.year + 1
        while not calendar.isleap(year):
            year += 1
        return date(year, month, day)
    return following


def _real_date(year: int, month: int, day: int, *, leap_ok: bool = False) -> date | None:
    if not 1 <= month <= 12:
        raise _Impossible(f"there is no month {month}")
    if not 1 <= day <= _days_in(year, month):
        if leap_ok and month == 2 and day == 29:
            return None
        raise _Impossible(f"{MONTH_NAMES[month - 1]} has no day {day}")
    return date(year, month, day)


def _days_in(year: int, month: int) -> int:
    return calendar.monthrange(year, month)[1]


def _add_months(start: date, months: int) -> date:
    """The same day ``months`` later, or the month's last day when it is shorter."""
    index = start.month - 1 + months
    year, month = start.year + index // 12, index % 12 + 1
    return date(year, month, min(start.day, _days_in(year, month)))


def understood(text: str, today: date) -> str:
    """What a typed due date is taken to mean, for the form to show as it is typed."""
    if not text.strip():
        return "No due date."
    try:
        due = parse_due(text, today)
    except ValueError:
        return "Not a date yet."
    return f"Understood: {describe_due(due, today)} ({due.isoformat()})." if due else ""
