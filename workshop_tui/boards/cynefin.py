"""The Cynefin board: the five domains around Confused, the tray of items still to place.

Drawn as the framework is: Complex top-left, Complicated top-right, Chaotic
bottom-left, Clear bottom-right and Confused in the centre, with the script's
items still to classify in a tray on the left. Under the board: the selected
item's rationale and history, the question to ask for its domain, and the
agility advice with the room's decision.
"""

from __future__ import annotations

from typing import Any

from textual import events
from textual.app import ComposeResult
from textual.containers import Center, Grid, Horizontal, Vertical, VerticalScroll
from textual.widget import Widget

from workshop_tui.boards.board import Board
from workshop_tui.boards.clamped_text import ClampedText
from workshop_tui.domain.kinds import CynefinDomain
from workshop_tui.domain.read_models.cynefin import READING_ORDER, TRAY, CynefinView, Stop
from workshop_tui.plain_text import plain

KEY_OF: dict[CynefinDomain, str] = {
    CynefinDomain.CLEAR: "1",
    CynefinDomain.COMPLICATED: "2",
    CynefinDomain.COMPLEX: "3",
    CynefinDomain.CHAOTIC: "4",
    CynefinDomain.CONFUSED: "5",
}
"""The number on each domain's box (the key that places the selected item there)."""
MARKER = "▶ "
MAX_ITEM_LINES = 3
"""An item wraps to at most this many lines, fewer when its box is crowded."""
MAX_CONFUSED_ROWS = 4
"""The Confused box's max-height, its border included."""


class ItemLine(ClampedText):
    """One item on the board, or the "nothing here yet" line of an empty domain."""

    DEFAULT_CSS = """
    ItemLine {
        padding: 0 0;
    }
    ItemLine.-empty {
        color: $text-muted;
        text-style: italic;
    }
    ItemLine.-selected {
        background: $accent;
        color: $text;
        text-style: bold;
    }
    """

    def __init__(self, stop: Stop, selected: bool) -> None:
        super().__init__(max_lines=2, indent="  ", classes="-empty" if stop.ident is None else "")
        self.stop = stop
        self.select(selected)

    def select(self, selected: bool) -> None:
        """Show or hide the selection (marker and highlight)."""
        self.set_class(selected, "-selected")
        self.lead = MARKER if selected else "  "
        self.text = self.stop.text
        self.refresh(layout=True)


class Region(VerticalScroll, can_focus=False):
    """The tray or a domain's box: its items get the lines it can spare, its title fits."""

    def __init__(
        self, *lines: ItemLine, title: str, count: int, max_rows: int | None = None, **kwargs: Any
    ) -> None:
        super().__init__(*lines, **kwargs)
        self.short_title = title
        self.full_title = f"{title} · {count}"
        self.max_rows = max_rows
        """The box's max-height when its height follows its items (Confused)."""
        self.border_title = plain(self.full_title)

    def on_resize(self) -> None:
        self.fit()

    def fit(self) -> None:
        """Items take 1 to ``MAX_ITEM_LINES`` lines each; the count goes when the title is cut."""
        lines = list(self.query(ItemLine))
        room = (self.max_rows or self.size.height) - 1  # the top border
        per_item = max(1, min(MAX_ITEM_LINES, room // max(1, len(lines))))
        for line in lines:
            line.max_lines = per_item
        fits = len(self.full_title) + 4 <= self.size.width
        self.border_title = plain(self.full_title if fits else self.short_title)


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

    def show(self, view: CynefinView) -> None:
        """Draw ``view``: the boxes again when an item moved, else only the selection."""
        moved = view.stops != self._view.stops
        self._view = view
        if not self.is_mounted:
            return  # composed from the newest view when it mounts
        if moved:
            self.refresh(recompose=True)
        else:
            self._show_selection()

    # -- drawing -------------------------------------------------------------------------------
    def compose(self) -> ComposeResult:
        view = self._view
        tray = view.in_region(TRAY)
        with Horizontal(id="cynefin-main"):
            yield Region(
                *self._lines(tray),
                title="To classify",
                count=len(tray),
                id="tray",
                classes="region" + ("" if tray else " -gone"),
            )
            with Grid(id="cynefin-grid"):
                for domain in READING_ORDER:
                    if domain is CynefinDomain.CONFUSED:
                        with Center(id="confused-row"):
                            yield self._box(domain)
                    else:
                        yield self._box(domain)
        with Vertical(id="cynefin-info"):
            yield ClampedText(id="cynefin-detail", max_lines=2)
            yield ClampedText(id="cynefin-ask", max_lines=2)
            yield ClampedText(id="cynefin-advice", max_lines=2)

    def _box(self, domain: CynefinDomain) -> Widget:
        return Region(
            *self._lines(self._view.in_region(domain.value)),
            title=f"{KEY_OF[domain]} {domain.label}",
            count=self._view.placed(domain),
            max_rows=MAX_CONFUSED_ROWS if domain is CynefinDomain.CONFUSED else None,
            id=f"box-{domain.value}",
            classes="region",
        )

    def _lines(self, stops: list[tuple[int, Stop]]) -> list[ItemLine]:
        return [ItemLine(stop, index == self._view.selected) for index, stop in stops]

    def on_mount(self) -> None:
        self._show_selection()

    async def recompose(self) -> None:
        await super().recompose()
        self._show_selection()

    def on_resize(self, event: events.Resize) -> None:
        self._fit_info()

    def _fit_info(self) -> None:
        """The lines under the board take more rows only when the board is tall."""
        height = self.size.height
        rows = {
            "cynefin-detail": 2 if height >= 12 else 1,
            "cynefin-ask": 2 if height >= 18 else 1,
            "cynefin-advice": 2 if height >= 18 else 1,
        }
        for widget in self.query(ClampedText).filter("#cynefin-info > *"):
            widget.max_lines = rows.get(widget.id or "", 1)
        self.query_one("#cynefin-ask").display = height >= 11

    def _show_selection(self) -> None:
        """Highlight the selected line, scroll it into view, and describe it under the board."""
        view = self._view
        selected = view.selected_stop
        for line in self.query(ItemLine):
            line.select(line.stop == selected)
            if line.stop == selected:
                line.scroll_visible(animate=False)
        self._fit_info()
        self.query_one("#cynefin-detail", ClampedText).text = view.detail
        self.query_one("#cynefin-ask", ClampedText).text = view.ask
        advice = self.query_one("#cynefin-advice", ClampedText)
        advice.text = view.advice
        advice.set_class(view.decided, "-decided")
