"""The notes captured on a part, in the order they were captured."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from workshop_tui.domain.read_models.local_time import hhmm

if TYPE_CHECKING:
    from workshop_tui.content.model import Part
    from workshop_tui.domain.snapshot import SessionSnapshot


@dataclass(frozen=True, slots=True)
class NoteLine:
    time: str
    """The local time it was captured, "10:42"."""
    text: str


@dataclass(frozen=True, slots=True)
class NotesView:
    notes: tuple[NoteLine, ...]


def notes_view(part: Part, session: SessionSnapshot) -> NotesView:
    """This part's notes, oldest first."""
    return NotesView(
        tuple(
            NoteLine(hhmm(note.at), note.text) for note in session.notes if note.part_id == part.id
        )
    )
