"""Times of day as the facilitator's own clock shows them."""

from __future__ import annotations

from datetime import UTC, datetime


def hhmm(moment: datetime) -> str:
    """The local time of day, "10:42"; a naive datetime is taken to be UTC (as stored)."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone().strftime("%H:%M")
