"""Reading the room view as the room does: which item is in play, and whether it reads in full."""

from __future__ import annotations

from textual.app import App
from textual.widget import Widget

from tests.ui.room_harness import screen_text
from workshop_tui.boards.projector.item_list import ItemList


def words(text: str) -> str:
    """``text`` with its spacing made plain (wrapped lines read as one)."""
    return " ".join(text.split())


def region_text(app: App[None], widget: Widget) -> str:
    """What the screen shows inside ``widget``, its lines joined as one text."""
    lines = screen_text(app).split("\n")
    region = widget.content_region
    cut = [line[region.x : region.right] for line in lines[region.y : region.bottom]]
    return words(" ".join(cut))


def in_play_list(app: App[None]) -> ItemList | None:
    """The list on screen that holds the item in play, if one does."""
    for items in app.screen.query(ItemList):
        if items.display and items.focus_index() is not None:
            return items
    return None


def reads_in_full(app: App[None], text: str) -> bool:
    """Whether the item in play shows ``text`` whole, on screen, uncut (no "…" in it)."""
    items = in_play_list(app)
    if items is None:
        return False
    shown = region_text(app, items)
    screen = app.screen.region
    inside = screen.contains_region(items.content_region)
    return inside and words(text) in shown and "…" not in shown


def page_text(app: App[None], selector: str) -> str:
    """What the screen shows inside the widget ``selector`` picks (a page of a board)."""
    return region_text(app, app.screen.query_one(selector))
