"""Which board draws which kind of activity, and the view it is drawn from.

For a reader of the store that has no engine (the room view): a snapshot, the
script as run, its part and today's date are enough to draw any part's board.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from textual.widget import Widget

from workshop_tui.boards.actions import ActionsBoard
from workshop_tui.boards.cynefin import CynefinBoard
from workshop_tui.boards.decisions import DecisionsBoard
from workshop_tui.boards.notes import NotesBoard
from workshop_tui.boards.promises import PromisesBoard
from workshop_tui.boards.signoff import SignoffBoard
from workshop_tui.content.model import DecisionQuestion
from workshop_tui.domain.kinds import ActivityKind
from workshop_tui.domain.read_models.actions import actions_view
from workshop_tui.domain.read_models.cynefin import cynefin_view
from workshop_tui.domain.read_models.decisions import decisions_view
from workshop_tui.domain.read_models.notes import notes_view
from workshop_tui.domain.read_models.promises import promises_view
from workshop_tui.domain.read_models.signoff import signoff_view

if TYPE_CHECKING:
    from workshop_tui.content.model import Part, Script
    from workshop_tui.domain.snapshot import SessionSnapshot

DEFAULT_DOTS: int = DecisionQuestion.model_fields["dots_per_person"].default
"""Dots per person on a question the room raised (the script schema's default)."""


def board_for(script: Script, part: Part, session: SessionSnapshot, today: date) -> Widget:
    """A new board of ``script``'s ``part``, drawn from ``session``."""
    kind = ActivityKind(part.activity.kind)
    if kind is ActivityKind.CYNEFIN:
        return CynefinBoard(cynefin_view(part, session))
    if kind is ActivityKind.PROMISES:
        return PromisesBoard(promises_view(part, session))
    if kind is ActivityKind.SIGNOFF:
        return SignoffBoard(signoff_view(script, part, session))
    if kind is ActivityKind.DECISIONS:
        return DecisionsBoard(decisions_view(part, session, default_dots=DEFAULT_DOTS))
    if kind is ActivityKind.ACTIONS:
        return ActionsBoard(actions_view(part, session, today))
    return NotesBoard(notes_view(part, session))
