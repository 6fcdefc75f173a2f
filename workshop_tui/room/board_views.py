"""The view a part's board draws, for redrawing a board already on screen (``board.show``)."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from workshop_tui.boards.registry import DEFAULT_DOTS
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


def view_for(script: Script, part: Part, session: SessionSnapshot, today: date) -> object:
    """What ``boards.registry.board_for`` would draw ``part``'s board from, now."""
    kind = ActivityKind(part.activity.kind)
    if kind is ActivityKind.CYNEFIN:
        return cynefin_view(part, session)
    if kind is ActivityKind.PROMISES:
        return promises_view(part, session)
    if kind is ActivityKind.SIGNOFF:
        return signoff_view(script, part, session)
    if kind is ActivityKind.DECISIONS:
        return decisions_view(part, session, default_dots=DEFAULT_DOTS)
    if kind is ActivityKind.ACTIONS:
        return actions_view(part, session, today)
    return notes_view(part, session)
