"""The action list as it stands, and in the notes every change made to an action."""

from __future__ import annotations

from workshop_tui.domain.kinds import ActionState
from workshop_tui.domain.read_models import standing
from workshop_tui.domain.records import ActionItem
from workshop_tui.export import escape
from workshop_tui.export.blocks import Lines, heading, item, table
from workshop_tui.export.timefmt import clock, day

HEADERS = ["#", "Action", "Owner", "Due", "Status"]


def actions(rows: list[ActionItem], *, full: bool = False) -> Lines:
    """One row per action (its latest revision); with ``full``, the changes to each after."""
    current = standing.current_actions(rows)
    if not current:
        return []
    table_rows = [
        [
            str(number),
            escape.cell(action.text),
            escape.cell(action.owner),
            day(action.due) if action.due else "",
            action.state.label,
        ]
        for number, action in enumerate(current, start=1)
    ]
    out = [heading(2, "Action items"), "", *table(HEADERS, table_rows, right=(0,))]
    if full:
        out += _changes(rows, current)
    return out


def _changes(rows: list[ActionItem], current: list[ActionItem]) -> Lines:
    numbers = {action.key: number for number, action in enumerate(current, start=1)}
    changed = [(key, h) for key, h in standing.action_history(rows).items() if len(h) > 1]
    if not changed:
        return []
    out = ["", "Changes:", ""]
    for key, history in changed:
        for before, after in zip(history, history[1:], strict=False):
            out += item(f"{clock(after.at)} action {numbers[key]}: {_change(before, after)}")
    return out


def _change(before: ActionItem, after: ActionItem) -> str:
    parts = []
    if after.text != before.text:
        parts.append(f"text was {escape.inline(before.text) or escape.EMPTY}")
    if after.owner != before.owner:
        parts.append(f"owner was {escape.inline(before.owner) or 'nobody'}")
    if after.due != before.due:
        parts.append(f"due date was {day(before.due) if before.due else 'none'}")
    if after.state is not before.state:
        parts.append(_moved(before.state, after.state))
    elif not parts and after.state is ActionState.OPEN:
        parts.append("kept open")
    text = "; ".join(parts) or "saved again"
    if reason := escape.inline(after.reason):
        text = f"{text} ({reason})"
    return text


def _moved(before: ActionState, after: ActionState) -> str:
    """How a change of an action's state reads in the changes."""
    if after is ActionState.OPEN:
        return "back on the list" if before is ActionState.DROPPED else "opened again"
    return "marked done" if after is ActionState.DONE else "dropped"
