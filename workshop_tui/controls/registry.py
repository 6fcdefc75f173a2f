"""Which controls drive which kind of activity."""

from __future__ import annotations

from typing import TYPE_CHECKING

from workshop_tui.controls.actions import ActionsControls
from workshop_tui.controls.base import ActivityControls
from workshop_tui.controls.cynefin import CynefinControls
from workshop_tui.controls.decisions import DecisionsControls
from workshop_tui.controls.discussion import DiscussionControls
from workshop_tui.controls.promises import PromisesControls
from workshop_tui.controls.signoff import SignoffControls
from workshop_tui.domain.kinds import ActivityKind

if TYPE_CHECKING:
    from workshop_tui.content.model import Part
    from workshop_tui.domain.engine import SessionEngine

CONTROLS: dict[str, type[ActivityControls]] = {
    ActivityKind.DISCUSSION: DiscussionControls,
    ActivityKind.CYNEFIN: CynefinControls,
    ActivityKind.PROMISES: PromisesControls,
    ActivityKind.SIGNOFF: SignoffControls,
    ActivityKind.DECISIONS: DecisionsControls,
    ActivityKind.ACTIONS: ActionsControls,
}


def controls_for(engine: SessionEngine, part: Part) -> ActivityControls:
    """New controls (and board) for ``part``'s activity."""
    return CONTROLS[part.activity.kind](engine, part, classes="activity-panel")
