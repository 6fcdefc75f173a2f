"""The closing screen: what the room agreed, in three columns, until the facilitator closes it."""

from __future__ import annotations

from collections.abc import Sequence

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Static

from workshop_tui.boards.projector.item_list import Item, ItemList
from workshop_tui.domain.read_models.closing import Agreed, ClosingView
from workshop_tui.widgets.plain_text import plain

COLUMNS = (
    ("closing-sections", "Sections", "sections"),
    ("closing-promises", "Promises", "promises"),
    ("closing-actions", "Actions", "actions"),
)


class ClosingBoard(Vertical):
    """The workshop's title, the review date, and sections, promises and actions."""

    DEFAULT_CSS = """
    ClosingBoard { height: 1fr; }
    ClosingBoard #closing-title { text-style: bold; color: $accent; padding: 0 1; }
    ClosingBoard #closing-review { color: $foreground; padding: 0 1; }
    ClosingBoard #closing-columns { height: 1fr; }
    ClosingBoard ItemList {
        width: 1fr; border: round $text-muted 50%;
        border-title-color: $foreground; border-title-style: bold;
    }
    """

    def compose(self) -> ComposeResult:
        yield Static(id="closing-title")
        yield Static(id="closing-review")
        with Horizontal(id="closing-columns"):
            for name, _, where in COLUMNS:
                yield ItemList(id=name, where=where)

    def show(self, view: ClosingView) -> None:
        """Draw what ``view`` says was agreed."""
        self.query_one("#closing-title", Static).update(
            plain(f"What we agreed · {view.customer} · {view.title}")
        )
        review = (
            f"We review this agreement on {view.review_on:%a %-d %b %Y}."
            if view.review_on
            else "No review date set yet."
        )
        self.query_one("#closing-review", Static).update(plain(review))
        for (name, title, _), rows in zip(
            COLUMNS, (view.sections, view.promises, view.actions), strict=True
        ):
            column = self.query_one(f"#{name}", ItemList)
            column.show(_items(rows))
            settled = sum(1 for row in rows if row.settled)
            column.border_title = plain(f"{title} · {settled} of {len(rows)}")


def _items(rows: Sequence[Agreed]) -> list[Item]:
    if not rows:
        return [Item("", "none", mark="·", muted=True)]
    return [
        Item(str(n), row.text, mark="✓" if row.settled else "○", detail=row.detail)
        for n, row in enumerate(rows)
    ]
