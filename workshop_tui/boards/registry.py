"""Which board draws which kind of activity, and the view it is drawn from.

For a reader of the store that has no engine (the room view): a snapshot, the
script as run, its part and today's date are enough to draw any part's board.
A board is drawn for an ``Audience``: the console's tells the facilitator which
key to press, the room's (``Audience.ROOM``) says the same calmly, with no key.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING, Any

from textual.widget import Widget

from workshop_tui.boards.actions import ActionsBoard
from workshop_tui.boards.cynefin import CynefinBoard
from workshop_tui.boards.decisions import DecisionsBoard
from workshop_tui.boards.notes import NotesBoard
from workshop_tui.boards.promises import PromisesBoard
from workshop_tui.boards.signoff import SignoffBoard
from workshop_tui.content.activities import DecisionQuestion
from workshop_tui.domain.kinds import ActivityKind
from workshop_tui.domain.read_models.actions import actions_view
from workshop_tui.domain.read_models.audience import Audience
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

BOARDS: dict[ActivityKind, Callable[[Any], Widget]] = {
    ActivityKind.CYNEFIN: CynefinBoard,
    ActivityKind.PROMISES: PromisesBoard,
    ActivityKind.SIGNOFF: SignoffBoard,
    ActivityKind.DECISIONS: DecisionsBoard,
    ActivityKind.ACTIONS: ActionsBoard,
}
"""The board of each kind of activity; any other part shows its notes (``NotesBoard``)."""


def board_for(
    script: Script,
    part: Part,
    session: SessionSnapshot,
    today: date,
    *,
    audience: Audience = Audience.CONSOLE,
) -> Widget:
    """A new board of ``script``'s ``part``, drawn from ``session`` for ``audience``."""
    board = BOARDS.get(ActivityKind(part.activity.kind), NotesBoard)
    return board(view_for(script, part, session, today, audience=audience))


def view_for(
    script: Script,
    part: Part,
    session: SessionSnapshot,
    today: date,
    *,
    audience: Audience = Audience.CONSOLE,
) -> object:
    """What ``part``'s board draws now: a new board's view, or a board's ``show(view)``."""
    kind = ActivityKind(part.activity.kind)
    if kind is ActivityKind.CYNEFIN:
        return cynefin_view(part, session, audience=audience)
    if kind is ActivityKind.PROMISES:
        return promises_view(part, session, audience=audience)
    if kind is ActivityKind.SIGNOFF:
        return signoff_view(script, part, session, audience=audience)
    if kind is ActivityKind.DECISIONS:
        return decisions_view(part, session, default_dots=DEFAULT_DOTS, audience=audience)
    if kind is ActivityKind.ACTIONS:
        return actions_view(part, session, today, audience=audience)
    return notes_view(part, session, audience=audience)
