"""The actions board: the follow-ups recorded, then the script's suggestions not added yet."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from workshop_tui.domain.read_models import standing
from workshop_tui.domain.read_models.audience import Audience, Wording
from workshop_tui.domain.records import ActionItem
from workshop_tui.domain.rules.due_dates import describe_due, is_overdue

if TYPE_CHECKING:
    from workshop_tui.content.activities import ActionTemplate
    from workshop_tui.content.model import Part
    from workshop_tui.domain.snapshot import SessionSnapshot

NO_ACTIONS = Wording("No actions yet: press a to add one.", "No actions yet.")
ADDS_IT = Wording(" (enter adds it)", "")
"""After a suggestion's text: how the facilitator adds it."""
CARRIED_KEYS = Wording(" (d done, k keep, Del drop)", "")
"""After "carried over from session N": what the facilitator can make of it."""


@dataclass(frozen=True, slots=True)
class ActionRow:
    """One line of the table: a recorded action, or a suggestion not added yet."""

    key: str
    action: ActionItem | None = None
    suggestion: ActionTemplate | None = None
    due: str = ""
    """The due date as the room says it ("fri 4 Dec"), or "suggested"."""
    overdue: bool = False
    detail: str = ""
    """The row in full, for when the table cuts it short."""

    @property
    def text(self) -> str:
        if self.action is not None:
            return self.action.text
        return self.suggestion.text if self.suggestion else ""

    @property
    def owner(self) -> str:
        if self.action is not None:
            return self.action.owner
        return self.suggestion.owner if self.suggestion else ""

    @property
    def done(self) -> bool:
        return self.action is not None and self.action.done


@dataclass(frozen=True, slots=True)
class ActionsView:
    rows: tuple[ActionRow, ...]
    today: date
    audience: Audience = Audience.CONSOLE

    @property
    def empty(self) -> str:
        """What the board says while there is no action and no suggestion."""
        return NO_ACTIONS.to(self.audience)

    @property
    def recorded(self) -> int:
        return sum(1 for row in self.rows if row.action is not None)

    @property
    def done(self) -> int:
        return sum(1 for row in self.rows if row.done)

    @property
    def suggested(self) -> int:
        return len(self.rows) - self.recorded

    def find(self, key: str | None) -> ActionRow | None:
        return next((row for row in self.rows if row.key == key), None)


def actions_view(
    part: Part,
    session: SessionSnapshot,
    today: date,
    *,
    audience: Audience = Audience.CONSOLE,
) -> ActionsView:
    """Recorded actions in the order first written, then suggestions not yet added."""
    actions = standing.current_actions(session.actions)
    written = {action.text.casefold() for action in actions}
    rows = [_action_row(action, today, audience) for action in actions]
    activity = part.activity
    suggested = list(activity.suggested) if activity.kind == "actions" else []
    rows += [
        ActionRow(
            f"suggested:{index}",
            suggestion=template,
            due="suggested",
            detail=f"Suggested: {template.text}{ADDS_IT.to(audience)}",
        )
        for index, template in enumerate(suggested)
        if template.text.casefold() not in written
    ]
    return ActionsView(tuple(rows), today, audience)


def _action_row(action: ActionItem, today: date, audience: Audience) -> ActionRow:
    due = describe_due(action.due, today)
    overdue = is_overdue(action.due, today, done=action.done)
    parts = [action.text]
    if action.owner:
        parts.append(f"owner {action.owner}")
    if action.due:
        parts.append(f"due {due}")
    if action.carried_from is not None:
        keys = CARRIED_KEYS.to(audience)
        parts.append(f"carried over from session {action.carried_from}{keys}")
    if action.dropped:
        parts.append(f"dropped: {action.reason}" if action.reason else "dropped")
    return ActionRow(
        f"action:{action.key}",
        action=action,
        due=f"⚠ {due}" if overdue else due,
        overdue=overdue,
        detail=" · ".join(parts),
    )
