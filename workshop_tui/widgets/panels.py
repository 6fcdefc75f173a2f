"""Which panel shows which kind of activity."""

from __future__ import annotations

from typing import TYPE_CHECKING

from workshop_tui.domain.kinds import ActivityKind
from workshop_tui.widgets.actions_panel import ActionsPanel
from workshop_tui.widgets.activity import ActivityPanel
from workshop_tui.widgets.cynefin_board import CynefinPanel
from workshop_tui.widgets.decision_panel import DecisionsPanel
from workshop_tui.widgets.discussion_panel import DiscussionPanel
from workshop_tui.widgets.promise_board import PromisesPanel
from workshop_tui.widgets.signoff_panel import SignoffPanel

if TYPE_CHECKING:
    from workshop_tui.content.model import Part
    from workshop_tui.domain.engine import SessionEngine

PANELS: dict[str, type[ActivityPanel]] = {
    ActivityKind.DISCUSSION: DiscussionPanel,
    ActivityKind.CYNEFIN: CynefinPanel,
    ActivityKind.PROMISES: PromisesPanel,
    ActivityKind.SIGNOFF: SignoffPanel,
    ActivityKind.DECISIONS: DecisionsPanel,
    ActivityKind.ACTIONS: ActionsPanel,
}


def panel_for(engine: SessionEngine, part: Part) -> ActivityPanel:
    """A new panel for ``part``'s activity."""
    return PANELS[part.activity.kind](engine, part, classes="activity-panel")
