"""Column types that keep values exactly as the domain gave them."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import String
from sqlalchemy.types import TypeDecorator

MIN_YEAR, MAX_YEAR = 1900, 8999
"""The years a stored time may have: far enough from the ends that date arithmetic works."""


class UTCDateTime(TypeDecorator[datetime]):
    """A timezone-aware datetime stored as fixed-width ISO text in UTC.

    SQLite has no datetime type and SQLAlchemy's own drops the zone, so this
    writes "2026-11-21T09:00:00.000000+00:00" and reads back the same aware
    UTC datetime, microseconds included. Text of one width sorts by time.
    A naive datetime is refused: its moment is unknown; so is stored text
    that does not read back as an aware time of a sane year.
    """

    impl = String(32)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Any) -> str | None:
        if value is None:
            return None
        if value.tzinfo is None or value.utcoffset() is None:
            raise ValueError(f"{value!r} has no time zone; the store keeps UTC times only")
        return value.astimezone(UTC).isoformat(timespec="microseconds")

    def process_result_value(self, value: str | None, dialect: Any) -> datetime | None:
        """The stored moment; ``ValueError`` for text that is not one (a tampered file)."""
        if value is None:
            return None
        moment = datetime.fromisoformat(value)
        if moment.tzinfo is None or not MIN_YEAR <= moment.year <= MAX_YEAR:
            raise ValueError(f"{value!r} is not a UTC time workshop-tui wrote")
        return moment
