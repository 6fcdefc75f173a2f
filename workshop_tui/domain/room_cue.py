"""What the console tells the room view beside the session: a signal, never a record.

The facilitator's selection (the item in play on the part's board, the prompt in
play), the break the room is on and the console's theme live beside the room
view's other signals (presence, blanking), not in the session's history: they
are neither exported nor kept in an agreement, and a new one simply replaces the
last. Every field is optional; the room view draws what it is told and falls
back calmly on what it is not.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True, slots=True)
class InPlay:
    """What the facilitator has selected on one part."""

    part: int
    """The part's index: a selection made on another part is not shown on this one."""
    item: str | None = None
    """The selected item's key on the part's board (``in_play_key`` of its read model)."""
    prompt: int | None = None
    """The index of the part's prompt in play, if the facilitator chose one."""


@dataclass(frozen=True, slots=True)
class RoomCue:
    """Everything the console tells the room view about one session, as of now."""

    in_play: InPlay | None = None
    back_at: datetime | None = None
    """During a break: when the room comes back; None when there is no break."""
    theme: str | None = None
    """The console's theme (its name), for the room view to follow."""
    closed: bool = False
    """After finish: the facilitator closed the closing screen."""

    def item_on(self, part: int) -> str | None:
        """The item in play on ``part``, if the selection was made there."""
        play = self.in_play
        return play.item if play is not None and play.part == part else None

    def prompt_on(self, part: int) -> int | None:
        """The prompt in play on ``part``, if one was chosen there."""
        play = self.in_play
        return play.prompt if play is not None and play.part == part else None


NO_CUE = RoomCue()
"""Nothing said yet."""
