"""Column types that keep values exactly as the domain gave them."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import String
from sqlalchemy.types import TypeDecorator


class UTCDateTime(TypeDecorator[datetime]):
    """A timezone-aware datetime stored as fixed-width ISO text in UTC.

    SQLite has no datetime type and SQLAlchemy's own drops the zone, so this
    writes "2026-11-21T09:00:00.000000+00:00" and reads back the same aware
    UTC datetime, microseconds included. Text of one width sorts by time.
    A naive datetime is refused: its moment is unknown.
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
        return None if value is None else datetime.fromisoformat(value)
