"""Durations as people write them: "60m", "1h30m", "90s", "1h 5m" or plain minutes."""

from __future__ import annotations

import re

_PART = re.compile(
    r"(\d+(?:\.\d+)?)\s*(hours?|hrs?|h|minutes?|mins?|m|seconds?|secs?|s)(?![a-z])", re.I
)
_UNIT_SECONDS = {"h": 3600, "m": 60, "s": 1}


class DurationError(ValueError):
    """A text that is not a duration."""


def parse_duration(value: object) -> int:
    """Return the number of seconds in ``value``; plain numbers are minutes."""
    if isinstance(value, bool):
        raise DurationError(f"{value!r} is not a duration (write 10m)")
    if isinstance(value, int | float):
        seconds = round(float(value) * 60)
    elif isinstance(value, str):
        seconds = _parse_text(value)
    else:
        raise DurationError(f"{value!r} is not a duration (write 10m)")
    if seconds <= 0:
        raise DurationError(f"{value!r} must be longer than zero (write 10m)")
    return seconds


def _parse_text(text: str) -> int:
    compact = text.strip()
    if re.fullmatch(r"\d+(?:\.\d+)?", compact):
        return round(float(compact) * 60)
    position = 0
    total = 0.0
    matched = False
    for match in _PART.finditer(compact):
        if compact[position : match.start()].strip():
            break
        total += float(match.group(1)) * _UNIT_SECONDS[match.group(2)[0].lower()]
        position = match.end()
        matched = True
    if not matched or compact[position:].strip():
        raise DurationError(f'"{text}" is not a duration (write 10m)')
    return round(total)


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
    whole = int(abs(seconds) + (0.999 if seconds > 0 else 0))  # a countdown shows 0:01 until it is 0
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    body = f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes:02d}:{secs:02d}"
    return ("-" if seconds < 0 and whole else "") + body
