"""What the team store has of this laptop's sessions: the console's small mark."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True, slots=True)
class SyncState:
    """What the console's mark says of the team store."""

    waiting: int = 0
    """Changes the team store does not have yet."""
    since: datetime | None = None
    """When the oldest of them was made."""
    offline_since: datetime | None = None
    """When the team store stopped answering (None: it answers)."""
    refused: str = ""
    """Why the team store refused a session, in one sentence (its records stay here)."""

    @property
    def mark(self) -> str:
        """ "team store: up to date", "offline · 42 changes waiting since 10:41" ..."""
        if self.refused:
            return "team store: a session was refused"
        changes = f"{self.waiting} change{'s' * (self.waiting != 1)}"
        if self.offline_since is not None:
            since = (self.since or self.offline_since).astimezone().strftime("%H:%M")
            return f"offline · {changes} waiting since {since}"
        if self.waiting:
            return f"team store: pushing {changes}"
        return "team store: up to date"
