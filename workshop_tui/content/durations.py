"""Durations as people write them: "60m", "1h30m", "90s", "1h 5m" or plain minutes."""

from __future__ import annotations

import math
import re

_NUMBER = r"[0-9]+(?:\.[0-9]+)?"
_PART = re.compile(
    rf"({_NUMBER})\s*(hours?|hrs?|h|minutes?|mins?|m|seconds?|secs?|s)(?![a-z])", re.I | re.ASCII
)
_UNIT_SECONDS = {"h": 3600, "m": 60, "s": 1}
HINT = "(write 10m)"
"""How every message about a duration ends."""
_SHOWN = 40  # characters of a wrong value repeated in a message
MAX_SECONDS = 7 * 24 * 3600
"""Nothing in a workshop lasts longer than a week; larger values are typos."""


class DurationError(ValueError):
    """A text that is not a duration."""


def parse_duration(value: object) -> int:
    """Return the number of seconds in ``value``; plain numbers are minutes.

    Raises DurationError, with a message for the user, for anything else,
    for zero or negative durations and for values that are not finite.
    """
    if isinstance(value, bool) or not isinstance(value, int | float | str):
        raise DurationError(f"{_show(value)} is not a duration {HINT}")
    if isinstance(value, float) and not math.isfinite(value):
        raise DurationError(f"{_show(value)} is not a duration {HINT}")
    seconds = value * 60 if isinstance(value, int | float) else _parse_text(value)
    if seconds > MAX_SECONDS:
        raise DurationError(f"{_show(value)} is longer than a week {HINT}")
    if round(seconds) <= 0:
        raise DurationError(f"{_show(value)} must be longer than zero {HINT}")
    return round(seconds)


def _parse_text(text: str) -> float:
    compact = text.strip()
    if compact.startswith("-") and not compact.startswith("--") and _is_duration(compact[1:]):
        return 0.0  # "-5m": reported as not longer than zero
    if re.fullmatch(_NUMBER, compact):
        return float(compact) * 60
    position = 0
    total = 0.0
    units_seen = ""
    for match in _PART.finditer(compact):
        unit = match.group(2)[0].lower()
        if compact[position : match.start()].strip() or not _in_order(units_seen, unit):
            break
        total += float(match.group(1)) * _UNIT_SECONDS[unit]
        units_seen += unit
        position = match.end()
    if not units_seen or compact[position:].strip():
        raise DurationError(f"{_show(text)} is not a duration {HINT}")
    return total


def _in_order(units_seen: str, unit: str) -> bool:
    """Hours, then minutes, then seconds, each at most once."""
    return not units_seen or "hms".index(unit) > "hms".index(units_seen[-1])


def _is_duration(text: str) -> bool:
    try:
        _parse_text(text)
    except DurationError:
        return False
    return True


def _show(value: object) -> str:
    """The value as the user wrote it: texts in double quotes."""
    if value is None:
        return "an empty value"
    shown = str(value) if isinstance(value, str) else repr(value)
    if len(shown) > _SHOWN:
        shown = shown[: _SHOWN - 3] + "..."
    return f'"{shown}"' if isinstance(value, str) else shown


def format_duration(seconds: float) -> str:
    """Write seconds back the way a script would: "1h30m", "10m", "90s"."""
    whole = round(abs(seconds))
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    text = "".join(
        f"{amount}{unit}" for amount, unit in ((hours, "h"), (minutes, "m"), (secs, "s")) if amount
    )
    return ("-" if seconds < 0 else "") + (text or "0m")


def format_clock(seconds: float) -> str:
    """A countdown reading: "12:05", "1:02:03", with a leading minus when over time."""
    # a countdown shows 00:01 until it is 0; over time, whole seconds past count
    whole = math.ceil(seconds) if seconds > 0 else math.floor(-seconds)
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    body = f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes:02d}:{secs:02d}"
    return ("-" if seconds < 0 and whole else "") + body
