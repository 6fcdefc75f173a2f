"""When the room comes back from a break, as the facilitator says it: "11:08" or "10m"."""

from __future__ import annotations

import re
from datetime import datetime, timedelta

from workshop_tui.content.durations import DurationError, parse_duration

LONGEST = timedelta(hours=12)
"""A break longer than this is a typo (or the end of the day)."""
_TIME_OF_DAY = re.compile(r"^(\d{1,2})[:.h](\d{2})$")


class BreakError(ValueError):
    """The time said cannot be when the room comes back; the message says why."""


def back_at(text: str, now: datetime) -> datetime:
    """The moment the room comes back: a time of day today ("11:08", local time), or a
    length from ``now`` ("10m", "15", "1h"; a bare number is minutes)."""
    said = text.strip().lower()
    found = _TIME_OF_DAY.match(said)
    if found:
        hours, minutes = int(found[1]), int(found[2])
        if hours > 23 or minutes > 59:
            raise BreakError(f"{text.strip()} is not a time of day")
        local = now.astimezone()
        moment = local.replace(hour=hours, minute=minutes, second=0, microsecond=0)
        if moment <= local:
            raise BreakError(f"{moment:%H:%M} has passed; say a later time, or a length (10m)")
    else:
        try:
            seconds = parse_duration(said)
        except DurationError as error:
            raise BreakError(f"say a time of day (11:08) or a length (10m): {error}") from None
        if seconds <= 0:
            raise BreakError("a break takes some time")
        moment = now + timedelta(seconds=seconds)
    if moment - now > LONGEST:
        raise BreakError("a break of more than 12 hours is the end of the day")
    return moment
