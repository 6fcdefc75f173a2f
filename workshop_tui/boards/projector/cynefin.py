"""The Cynefin board on the projector: the domains in their usual places around Confused.

Complex top-left, Complicated top-right, Chaotic bottom-left, Clear bottom-right
and Confused in the middle, the items still to place on the left; each domain's
title keeps its count, and every item reads in full.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Center, Grid, Horizontal
from textual.widgets import Static

from workshop_tui.boards.projector.item_list import Item, ItemList
from workshop_tui.boards.projector.stage import Stage
from workshop_tui.domain.kinds import CynefinDomain
from workshop_tui.domain.read_models.cynefin import READING_ORDER, TRAY, CynefinView
from workshop_tui.domain.read_models.in_play import stop_key
from workshop_tui.widgets.plain_text import plain

TO_CLASSIFY = "To classify"


class CynefinStage(Stage):
    """Five domains and the tray, each an ``ItemList`` titled with its count."""

    DEFAULT_CSS = """
    CynefinStage #cynefin-room { height: 1fr; }
    CynefinStage #room-tray { width: 1fr; max-width: 40; border: round $warning; }
    CynefinStage #room-tray.-gone { display: none; }
    CynefinStage #room-domains {
        width: 2fr; grid-size: 2 3; grid-rows: 1fr auto 1fr; grid-gutter: 0 1;
    }
    CynefinStage #room-confused-row { column-span: 2; height: auto; }
    CynefinStage #room-confused { width: 60%; height: auto; min-height: 3; max-height: 7; }
    CynefinStage #room-advice { height: auto; padding: 0 1; color: $text-muted; }
    CynefinStage #room-advice.-decided { color: $success; text-style: bold; }
    """

    view: CynefinView

    def compose(self) -> ComposeResult:
        with Horizontal(id="cynefin-room"):
            yield ItemList(id="room-tray", classes="stage-box", where="to classify")
            with Grid(id="room-domains"):
                for domain in READING_ORDER:
                    box = ItemList(
                        id=f"room-{domain.value}", classes="stage-box", where=f"in {domain.label}"
                    )
                    if domain is CynefinDomain.CONFUSED:
                        with Center(id="room-confused-row"):
                            yield box
                    else:
                        yield box
        yield Static(id="room-advice")

    def draw(self) -> None:
        view = self.view
        tray = self.query_one("#room-tray", ItemList)
        tray_items = _items(view, TRAY)
        tray.show(tray_items, self.in_play)
        tray.border_title = plain(f"{TO_CLASSIFY} · {len(tray_items)}")
        tray.set_class(not tray_items, "-gone")
        for domain in READING_ORDER:
            box = self.query_one(f"#room-{domain.value}", ItemList)
            box.show(_items(view, domain.value), self.in_play)
            box.border_title = plain(f"{domain.label} · {view.placed(domain)}")
        advice = self.query_one("#room-advice", Static)
        advice.update(plain(view.advice))
        advice.set_class(view.decided, "-decided")


def _items(view: CynefinView, region: str) -> list[Item]:
    return [
        Item(stop_key(stop), stop.text, muted=stop.ident is None)
        for _, stop in view.in_region(region)
    ]
