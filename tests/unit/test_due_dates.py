"""Due dates as people type them, read relative to a given day."""

from __future__ import annotations

from datetime import date

import pytest

from workshop_tui.domain.rules.due_dates import describe_due, is_overdue, parse_due

SATURDAY = date(2026, 11, 21)  # the FakeClock's first day
FRIDAY = date(2026, 11, 27)


@pytest.mark.parametrize("text", ["", "   ", "\t"])
def test_blank_means_no_due_date(text: str) -> None:
    assert parse_due(text, SATURDAY) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2026-12-01", date(2026, 12, 1)),
        ("2027-1-5", date(2027, 1, 5)),
        (" 2026-12-01 ", date(2026, 12, 1)),
        ("2025-03-01", date(2025, 3, 1)),  # a past date is kept: an old action may be overdue
        ("2028-02-29", date(2028, 2, 29)),
    ],
)
def test_iso_dates(text: str, expected: date) -> None:
    assert parse_due(text, SATURDAY) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("12-01", date(2026, 12, 1)),
        ("11-21", date(2026, 11, 21)),  # today is still this year's
        ("11-20", date(2027, 11, 20)),  # yesterday: next year's
        ("1-15", date(2027, 1, 15)),
    ],
)
def test_month_and_day_is_the_next_such_day(text: str, expected: date) -> None:
    assert parse_due(text, SATURDAY) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1 Dec", date(2026, 12, 1)),
        ("1 dec", date(2026, 12, 1)),
        ("1st December", date(2026, 12, 1)),
        ("3rd of January", date(2027, 1, 3)),
        ("15 Sept", date(2027, 9, 15)),
        ("1 Dec 2027", date(2027, 12, 1)),
        ("1 Dec, 2027", date(2027, 12, 1)),
        ("Dec 1", date(2026, 12, 1)),
        ("December 1st", date(2026, 12, 1)),
        ("dec. 24", date(2026, 12, 24)),
        ("Jan 3, 2028", date(2028, 1, 3)),
        ("29 Feb", date(2028, 2, 29)),  # the next 29 February
    ],
)
def test_day_and_month_names(text: str, expected: date) -> None:
    assert parse_due(text, SATURDAY) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("fri", FRIDAY),
        ("Friday", FRIDAY),
        ("next friday", FRIDAY),
        ("this fri", FRIDAY),
        ("on Friday", FRIDAY),
        ("mon", date(2026, 11, 23)),
        ("tues", date(2026, 11, 24)),
        ("thurs", date(2026, 11, 26)),
        ("sat", date(2026, 11, 28)),  # today is Saturday: the one a week ahead
    ],
)
def test_weekdays_are_the_first_one_after_today(text: str, expected: date) -> None:
    assert parse_due(text, SATURDAY) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("+7d", date(2026, 11, 28)),
        ("+7", date(2026, 11, 28)),
        ("+ 10 days", date(2026, 12, 1)),
        ("+2w", date(2026, 12, 5)),
        ("in 2 weeks", date(2026, 12, 5)),
        ("in a week", date(2026, 11, 28)),
        ("2 weeks", date(2026, 12, 5)),
        ("in 3 days", date(2026, 11, 24)),
        ("in 1 day", date(2026, 11, 22)),
        ("+1m", date(2026, 12, 21)),
        ("in 3 months", date(2027, 2, 21)),
        ("in a year", date(2027, 11, 21)),
    ],
)
def test_offsets(text: str, expected: date) -> None:
    assert parse_due(text, SATURDAY) == expected


def test_a_month_later_keeps_to_the_end_of_a_shorter_month() -> None:
    assert parse_due("+1m", date(2027, 1, 31)) == date(2027, 2, 28)
    assert parse_due("in 1 month", date(2028, 1, 31)) == date(2028, 2, 29)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("today", SATURDAY),
        ("Tomorrow", date(2026, 11, 22)),
        ("next week", date(2026, 11, 28)),
        ("next month", date(2026, 12, 21)),
        ("end of month", date(2026, 11, 30)),
        ("end of week", FRIDAY),
    ],
)
def test_named_days(text: str, expected: date) -> None:
    assert parse_due(text, SATURDAY) == expected


@pytest.mark.parametrize(
    "text",
    [
        "soon",
        "asap",
        "blah blah",
        "7",
        "in 2",
        "in 2 fortnights",
        "1/12",
        "32 Dec",
        "13-01",
        "2026-13-01",
        "2026-02-30",
        "31 Smarch",
        "next blursday",
    ],
)
def test_nonsense_is_refused_with_one_sentence(text: str) -> None:
    with pytest.raises(ValueError) as caught:
        parse_due(text, SATURDAY)
    message = str(caught.value)
    assert text.strip() in message
    assert message.endswith(".")
    assert "\n" not in message


def test_an_impossible_day_says_what_is_wrong() -> None:
    with pytest.raises(ValueError, match="February has no day 30"):
        parse_due("2026-02-30", SATURDAY)
    with pytest.raises(ValueError, match="there is no month 13"):
        parse_due("13-01", SATURDAY)


def test_describe_due() -> None:
    assert describe_due(None, SATURDAY) == ""
    assert describe_due(FRIDAY, SATURDAY) == "Fri 27 Nov"
    assert describe_due(date(2027, 1, 4), SATURDAY) == "Mon 4 Jan 2027"


def test_overdue_only_when_open_and_past() -> None:
    assert is_overdue(date(2026, 11, 20), SATURDAY)
    assert not is_overdue(SATURDAY, SATURDAY)
    assert not is_overdue(date(2026, 11, 20), SATURDAY, done=True)
    assert not is_overdue(None, SATURDAY)
