"""The notes captured on a part as they stand now (corrected, retracted ones left out)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from workshop_tui.domain.read_models.audience import Audience
from workshop_tui.domain.read_models.local_time import hhmm
from workshop_tui.domain.read_models.standing import note_threads

if TYPE_CHECKING:
    from workshop_tui.content.model import Part
    from workshop_tui.domain.snapshot import SessionSnapshot


@dataclass(frozen=True, slots=True)
class NoteLine:
    time: str
    """The local time it was captured, "10:42"."""
    text: str
    private: bool = False
    """The facilitator's own note (only the console's view holds one)."""


@dataclass(frozen=True, slots=True)
class NotesView:
    notes: tuple[NoteLine, ...]
    audience: Audience = Audience.CONSOLE


def notes_view(
    part: Part, session: SessionSnapshot, *, audience: Audience = Audience.CONSOLE
) -> NotesView:
    """This part's notes in their current wording, oldest first, at the time first captured.

    The room's view never holds a private note: it is left out here, where the room view
    reads the session, not hidden by the board."""
    rows = [
        note
        for note in session.notes
        if note.part_id == part.id and (audience is Audience.CONSOLE or not note.private)
    ]
    return NotesView(
        tuple(
            NoteLine(hhmm(thread.history[0].at), thread.current.text, thread.current.private)
            for thread in note_threads(rows)
            if not thread.retracted
        ),
        audience,
    )
