"""Promises on the projector: one column per party, each promise in its current wording."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal

from workshop_tui.boards.projector.item_list import Item, ItemList
from workshop_tui.boards.projector.stage import Stage
from workshop_tui.domain.read_models.in_play import entry_key
from workshop_tui.domain.read_models.promises import Entry, PromisesView
from workshop_tui.widgets.plain_text import plain

MARKS = {
    "agreed": "✓",
    "declined": "✗",
    "parked": "⏸",
    "proposed": "○",
    "amended": "○",
    "dropped": "✗",
}
"""The mark before a promise, by its status; one still to table has "·"."""


class PromisesStage(Stage):
    """A column per party (``ItemList``), titled with how many of its promises are agreed."""

    DEFAULT_CSS = """
    PromisesStage #promise-columns { height: 1fr; }
    PromisesStage .promise-column { width: 1fr; }
    """

    view: PromisesView

    def compose(self) -> ComposeResult:
        with Horizontal(id="promise-columns"):
            for index, column in enumerate(self.view.columns):
                yield ItemList(
                    id=f"party-{index}",
                    classes="stage-box promise-column",
                    where=f"for {column.party}",
                )

    def draw(self) -> None:
        lists = list(self.query(ItemList))
        for column, items in zip(self.view.columns, lists, strict=False):
            items.show([_item(entry) for entry in column.entries], self.in_play)
            items.border_title = plain(f"{column.party} · {column.agreed} agreed")


def _item(entry: Entry) -> Item:
    if entry.thread is None and entry.template is None:
        return Item(entry_key(entry), entry.wording, mark="·", muted=True)
    badge = entry.badge
    owner = (
        f"owner {entry.thread.current.owner}" if entry.thread and entry.thread.current.owner else ""
    )
    detail = " · ".join(part for part in (badge, owner, entry.reason) if part)
    return Item(
        entry_key(entry),
        entry.wording,
        mark=MARKS.get(badge, "·"),
        detail=detail,
        muted=badge in ("declined", "to table"),
    )
