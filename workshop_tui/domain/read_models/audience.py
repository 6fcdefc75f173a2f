"""Who a board is drawn for: the facilitator at the keyboard, or the room on the projector.

The console tells the facilitator which key moves things on ("press a to add
one"); the room does not hold the keyboard, so its boards say the same thing
calmly, without the key. Every sentence that names a key is a ``Wording``.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum


class Audience(Enum):
    """Who reads the board."""

    CONSOLE = "console"
    """The facilitator, at the keyboard: told which key to press."""
    ROOM = "room"
    """The room, on the projector: never shown a key."""


@dataclass(frozen=True, slots=True)
class Wording:
    """One sentence as the console says it (with its key) and as the room reads it."""

    console: str
    room: str

    def to(self, audience: Audience) -> str:
        """The wording for ``audience``."""
        return self.console if audience is Audience.CONSOLE else self.room
