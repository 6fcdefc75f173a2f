"""Dates, times and durations as the export writes them: "2026-11-21", "09:05", "1h05m"."""

from __future__ import annotations

from datetime import UTC, date, datetime


def utc(moment: datetime) -> datetime:
    """``moment`` in UTC; a naive datetime is taken to be UTC already (as SQLite returns it)."""
    if moment.tzinfo is None:
        return moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC)


def day(moment: datetime | date) -> str:
    """The ISO date: "2026-11-21" (the UTC date of a datetime)."""
    if isinstance(moment, datetime):
        moment = utc(moment).date()
    return moment.isoformat()


def clock(moment: datetime) -> str:
    """The UTC time of day as "HH:MM"."""
    moment = utc(moment)
    return f"{moment.hour:02d}:{moment.minute:02d}"


def duration(seconds: int) -> str:
    """A duration to the minute: "12m", "1h05m"; under a minute in seconds: "45s"."""
    seconds = max(0, seconds)
    if 0 < seconds < 60:
        return f"{seconds}s"
    hours, minutes = divmod((seconds + 30) // 60, 60)
    return f"{hours}h{minutes:02d}m" if hours else f"{minutes}m"


def overrun(seconds: int) -> str:
    """An overrun or extension as "+3m"; nothing when there is none."""
    return f"+{duration(seconds)}" if seconds > 0 else ""


def signed(seconds: int) -> str:
    """Time added as "+3m", time taken away as "-5m"; nothing when there is none."""
    if seconds > 0:
        return f"+{duration(seconds)}"
    return f"-{duration(-seconds)}" if seconds < 0 else ""
