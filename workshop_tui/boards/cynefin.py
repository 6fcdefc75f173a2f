"""The Cynefin board: the five domains around Confused, the tray of items still to place.

Drawn as the framework is: Complex top-left, Complicated top-right, Chaotic
bottom-left, Clear bottom-right and Confused in the centre, with the script's
items still to classify in a tray on the left. Each box is one widget that
draws its items as lines (``boards/cynefin_box.py``): a moved item rebuilds
only the boxes it left and entered, a moved selection only two lines. Under the
board: the selected item's rationale and history, the question to ask for its
domain, and the agility advice with the room's decision.
"""

from __future__ import annotations

from typing import Any

from textual import events
from textual.app import ComposeResult
from textual.containers import Center, Grid, Horizontal, Vertical
from textual.geometry import Size
from textual.widget import Widget

from workshop_tui.boards.board import Board
from workshop_tui.boards.cynefin_box import CynefinBox
from workshop_tui.domain.kinds import CynefinDomain
from workshop_tui.domain.read_models.audience import Audience
from workshop_tui.domain.read_models.cynefin import READING_ORDER, TRAY, CynefinView, Stop
from workshop_tui.widgets.clamped_text import ClampedText

KEY_OF: dict[CynefinDomain, str] = {
    CynefinDomain.CLEAR: "1",
    CynefinDomain.COMPLICATED: "2",
    CynefinDomain.COMPLEX: "3",
    CynefinDomain.CHAOTIC: "4",
    CynefinDomain.CONFUSED: "5",
}
"""The number on each domain's box (the key that places the selected item there)."""
MAX_CONFUSED_ROWS = 4
"""The Confused box's max-height, its border included."""
REGIONS: tuple[str, ...] = (TRAY, *(domain.value for domain in READING_ORDER))
"""The tray and the domains, each drawn as one box."""


def box_id(region: str) -> str:
    """The id of the box that draws ``region`` (``tray``, ``box-complex``, ...)."""
    return "tray" if region == TRAY else f"box-{region}"


class CynefinBoard(Board):
    """The five Cynefin domains, a tray of items to classify, and the lines under them."""

    DEFAULT_CSS = """
    CynefinBoard #cynefin-main {
        height: 1fr;
        min-height: 5;
    }
    CynefinBoard .region {
        height: 1fr;
        min-height: 2;
        border-top: solid $primary;
        border-title-color: $text;
        border-title-style: bold;
        background: $boost;
        scrollbar-size-vertical: 1;
    }
    CynefinBoard #tray {
        width: 1fr;
        max-width: 30;
        margin-right: 1;
        border-top: solid $warning;
    }
    CynefinBoard #tray.-gone {
        display: none;
    }
    CynefinBoard #cynefin-grid {
        width: 2fr;
        grid-size: 2 3;
        grid-rows: 1fr auto 1fr;
        grid-gutter: 0 1;
    }
    CynefinBoard #confused-row {
        column-span: 2;
        height: auto;
    }
    CynefinBoard #box-confused {
        width: 60%;
        height: auto;
        max-height: 4;  /* MAX_CONFUSED_ROWS */
        border-top: solid $secondary;
    }
    CynefinBoard #cynefin-info {
        height: auto;
        padding: 0 1;
        background: $panel;
    }
    CynefinBoard #cynefin-ask {
        text-style: italic;
    }
    CynefinBoard #cynefin-advice.-decided {
        color: $success;
        text-style: bold;
    }
    """

    def __init__(self, view: CynefinView, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._view = view

    @property
    def view(self) -> CynefinView:
        """What the board shows (or is about to)."""
        return self._view

    @property
    def boxes(self) -> dict[str, CynefinBox]:
        """The tray's and each domain's box, by region."""
        return {region: self.query_one(f"#{box_id(region)}", CynefinBox) for region in REGIONS}

    def show(self, view: CynefinView) -> None:
        """Draw ``view``: a box again only where its items changed, else only the selection."""
        self._view = view
        if self.is_mounted:
            self._draw()

    # -- drawing -------------------------------------------------------------------------------
    def compose(self) -> ComposeResult:
        tray = self._view.in_region(TRAY)
        with Horizontal(id="cynefin-main"):
            yield self._box(TRAY, "To classify", classes="region" + ("" if tray else " -gone"))
            with Grid(id="cynefin-grid"):
                for domain in READING_ORDER:
                    title = self._title(domain)
                    if domain is CynefinDomain.CONFUSED:
                        with Center(id="confused-row"):
                            yield self._box(domain.value, title, max_rows=MAX_CONFUSED_ROWS)
                    else:
                        yield self._box(domain.value, title)
        with Vertical(id="cynefin-info"):
            yield ClampedText(id="cynefin-detail", max_lines=2)
            yield ClampedText(id="cynefin-ask", max_lines=2)
            yield ClampedText(id="cynefin-advice", max_lines=5)

    def _title(self, domain: CynefinDomain) -> str:
        """The domain's name; on the console after the key that places an item in it."""
        if self._view.audience is Audience.ROOM:
            return domain.label
        return f"{KEY_OF[domain]} {domain.label}"

    def _box(
        self, region: str, title: str, classes: str = "region", max_rows: int | None = None
    ) -> CynefinBox:
        stops, selected = self._region(region)
        return CynefinBox(
            stops,
            selected,
            title=title,
            count=self._count(region),
            max_rows=max_rows,
            id=box_id(region),
            classes=classes,
        )

    def _region(self, region: str) -> tuple[list[Stop], int | None]:
        """The stops ``region`` holds, and the row of the selected one if it is there."""
        placed = self._view.in_region(region)
        rows = [row for row, (index, _) in enumerate(placed) if index == self._view.selected]
        return [stop for _, stop in placed], rows[0] if rows else None

    def _count(self, region: str) -> int:
        view = self._view
        return len(view.in_region(TRAY)) if region == TRAY else view.placed(CynefinDomain(region))

    def on_mount(self) -> None:
        self._show_selection()
        if not self.size.height:  # mounted out of sight: fitted to where it will show
            self._fit_confused(self._grid_rows_once_fitted())

    def _size_to_fit(self) -> Size:
        """The board's size; before it is laid out (mounted out of sight as a neighbour),
        the size of the first laid-out container around it, which it fills when shown.
        Fitted to that, it shows in one frame instead of three (fit, lay out, fit again)."""
        if self.size.height:
            return self.size
        for node in self.ancestors:
            if isinstance(node, Widget) and node.size.height:
                return node.content_size
        return self.size

    def _draw(self) -> None:
        """Each box (rebuilt only where its items changed), then the lines under the board."""
        for region, box in self.boxes.items():
            stops, selected = self._region(region)
            box.show(stops, selected, self._count(region))
        self.query_one("#tray").set_class(not self._view.in_region(TRAY), "-gone")
        self._show_selection()

    def on_resize(self, event: events.Resize) -> None:
        self._fit_info()
        self._fit_confused(self._grid_rows_once_fitted())  # the same layout as the info
        self.call_after_refresh(self._fit_confused)  # and, if that was off, the next

    def _grid_rows_once_fitted(self) -> int:
        """The grid's rows once the lines under it take the rows just fitted."""
        size = self._size_to_fit()
        info = self.query_one("#cynefin-info")
        width = info.content_size.width or size.width - info.styles.gutter.width
        taken = sum(
            text.get_content_height(size, size, width)
            for text in info.query_children(ClampedText)
            if text.display
        )
        return max(5, size.height - taken)  # #cynefin-main's min-height

    def _fit_confused(self, grid_rows: int | None = None) -> None:
        """Confused, in the middle, takes at most a quarter of the grid's rows (up to
        ``MAX_CONFUSED_ROWS``): on a short, crowded board the four corners keep room for
        their items."""
        if grid_rows is None:
            grid_rows = self.query_one("#cynefin-grid").size.height
        rows = max(2, min(MAX_CONFUSED_ROWS, grid_rows // 4))
        box = self.query_one(f"#{box_id(CynefinDomain.CONFUSED.value)}", CynefinBox)
        if box.max_rows != rows:
            box.max_rows = rows
            box.styles.max_height = rows

    def _fit_info(self) -> None:
        """The lines under the board take more rows only when the board is tall; the advice,
        the board's recommendation, comes first (whole up to five lines)."""
        height = self._size_to_fit().height
        rows = {
            "cynefin-detail": 2 if height >= 12 else 1,
            "cynefin-ask": 2 if height >= 20 else 1,
            "cynefin-advice": 5 if height >= 14 else 3 if height >= 11 else 2,
        }
        for widget in self.query(ClampedText).filter("#cynefin-info > *"):
            widget.max_lines = rows.get(widget.id or "", 1)
        self.query_one("#cynefin-ask").display = height >= 11

    def _show_selection(self) -> None:
        """Describe the selected stop under the board."""
        view = self._view
        self._fit_info()
        self.query_one("#cynefin-detail", ClampedText).text = view.detail
        self.query_one("#cynefin-ask", ClampedText).text = view.ask
        advice = self.query_one("#cynefin-advice", ClampedText)
        advice.text = view.advice
        advice.set_class(view.decided, "-decided")
