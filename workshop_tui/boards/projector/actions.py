"""Actions on the projector: each action's text, owner and due date, in full."""

from __future__ import annotations

from textual.app import ComposeResult

from workshop_tui.boards.projector.item_list import Item, ItemList
from workshop_tui.boards.projector.stage import Stage
from workshop_tui.domain.read_models.actions import ActionRow, ActionsView
from workshop_tui.domain.read_models.in_play import action_key
from workshop_tui.widgets.plain_text import plain


class ActionsStage(Stage):
    """Every action (and suggestion not added yet), wrapped, the one in play highlighted."""

    view: ActionsView

    def compose(self) -> ComposeResult:
        yield ItemList(id="room-actions", classes="stage-box", where="actions", gap=0)

    def draw(self) -> None:
        view = self.view
        items = self.query_one(ItemList)
        rows = [_item(row) for row in view.rows]
        if not rows:
            rows = [Item("", view.empty, mark="·", muted=True)]
        items.show(rows, self.in_play)
        title = f"Actions · {view.recorded} recorded · {view.done} done"
        items.border_title = plain(title)


def _item(row: ActionRow) -> Item:
    action = row.action
    if action is None:
        owner = f" · owner {row.owner}" if row.owner else ""
        return Item(action_key(row), row.text, mark="·", detail=f"suggested{owner}", muted=True)
    parts = [f"owner {action.owner}" if action.owner else "no owner yet"]
    if action.due:
        parts.append(f"due {row.due}")
    if action.carried_from is not None:
        parts.append("carried over from the last version")
    if action.dropped:
        parts.append(f"dropped: {action.reason}" if action.reason else "dropped")
    mark = "✓" if row.done else "✗" if action.dropped else "☐"
    return Item(action_key(row), action.text, mark=mark, detail=" · ".join(parts), muted=row.done)
