"""The promises board: one column per party, each promise with its status, owner and note.

The parties' preloaded promises from the script wait, dimmed, as "to table"
until the room puts them on the table; the line under the columns tells the
selected promise's history.
"""

from __future__ import annotations

from typing import Any

from textual import events
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Label

from workshop_tui.boards.board import Board
from workshop_tui.boards.clamped_text import ClampedText
from workshop_tui.domain.read_models.promises import Entry, PromisesView
from workshop_tui.plain_text import plain

MARKER = "▶ "


class PromiseCard(Vertical):
    """A promise as the room reads it: wording, status word, owner, note, amendments."""

    DEFAULT_CSS = """
    PromiseCard {
        height: auto;
        margin-bottom: 1;
    }
    PromiseCard.-template {
        color: $text-muted;
    }
    PromiseCard.-empty {
        color: $text-muted;
        text-style: italic;
    }
    PromiseCard.-selected {
        background: $accent 30%;
    }
    PromiseCard.-selected > .wording {
        background: $accent;
        color: $text;
        text-style: bold;
    }
    PromiseCard > .meta-row {
        height: auto;
        padding-left: 2;
    }
    PromiseCard .badge {
        padding: 0 1;
        margin-right: 1;
        text-style: bold;
        background: $panel;
        color: $foreground;
    }
    PromiseCard .badge.-proposed { background: $primary; color: auto; }
    PromiseCard .badge.-agreed { background: $success; color: auto; }
    PromiseCard .badge.-amended { background: $accent; color: auto; }
    PromiseCard .badge.-declined { background: $error; color: auto; }
    PromiseCard .badge.-parked { background: $warning; color: auto; }
    PromiseCard .badge.-to-table {
        background: $surface;
        color: $text-muted;
        text-style: italic;
    }
    PromiseCard .meta {
        width: 1fr;
    }
    PromiseCard > .note {
        padding-left: 2;
        color: $text-muted;
        text-style: italic;
    }
    """

    def __init__(self, entry: Entry, selected: bool) -> None:
        kind = "-template" if entry.template else "-empty" if entry.ident is None else ""
        super().__init__(classes=kind)
        self.entry = entry
        self._selected = selected

    def compose(self) -> ComposeResult:
        entry = self.entry
        yield ClampedText(entry.wording, max_lines=3, indent="  ", classes="wording")
        if entry.ident is None:
            return
        with Horizontal(classes="meta-row"):
            badge = entry.badge
            yield Label(plain(badge.upper()), classes=f"badge -{badge.replace(' ', '-')}")
            lines = 1 if entry.template is not None else 2
            yield ClampedText(entry.meta, max_lines=lines, classes="meta")
        if entry.note:
            yield ClampedText(entry.note, max_lines=1, classes="note")

    def on_mount(self) -> None:
        self.select(self._selected)

    def select(self, selected: bool) -> None:
        """Show or hide the selection (marker and highlight)."""
        self._selected = selected
        self.set_class(selected, "-selected")
        wording = self.query_one(".wording", ClampedText)
        wording.lead = MARKER if selected else "  "
        wording.refresh(layout=True)


class PromisesBoard(Board):
    """One column per party, the selected promise highlighted, its history underneath."""

    DEFAULT_CSS = """
    PromisesBoard #promise-columns {
        height: 1fr;
        min-height: 4;
    }
    PromisesBoard .party {
        width: 1fr;
        height: 1fr;
        margin-right: 1;
        border-top: solid $primary;
        border-title-color: $text;
        border-title-style: bold;
        background: $boost;
        scrollbar-size-vertical: 1;
    }
    PromisesBoard .party:last-of-type {
        margin-right: 0;
    }
    PromisesBoard #promise-detail {
        height: auto;
        padding: 0 1;
        background: $panel;
    }
    """

    def __init__(self, view: PromisesView, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._view = view

    def show(self, view: PromisesView) -> None:
        """Draw ``view``: the columns again when a promise changed, else only the selection."""
        changed = view.columns != self._view.columns
        self._view = view
        if not self.is_mounted:
            return  # composed from the newest view when it mounts
        if changed:
            self.refresh(recompose=True)
        else:
            self._show_selection()

    def compose(self) -> ComposeResult:
        view = self._view
        with Horizontal(id="promise-columns"):
            for col, column in enumerate(view.columns):
                cards = [
                    PromiseCard(entry, (col, row) == (view.col, view.row))
                    for row, entry in enumerate(column.entries)
                ]
                scroll = VerticalScroll(
                    *cards,
                    classes="party" + (" -current" if col == view.col else ""),
                    can_focus=False,
                )
                scroll.border_title = plain(f"{column.party} · {column.agreed} agreed")
                yield scroll
        yield ClampedText(id="promise-detail", max_lines=2)

    def on_mount(self) -> None:
        self._show_selection()

    async def recompose(self) -> None:
        await super().recompose()
        self._show_selection()

    def on_resize(self, event: events.Resize) -> None:
        self._fit()

    def _fit(self) -> None:
        """The history line takes two rows only when the board has them to spare."""
        lines = 2 if self.size.height >= 12 else 1
        self.query_one("#promise-detail", ClampedText).max_lines = lines

    def _show_selection(self) -> None:
        """Highlight the selected promise, scroll it into view, and show its history."""
        view = self._view
        for index, column in enumerate(self.query(".party")):
            column.set_class(index == view.col, "-current")
        if not view.columns:
            return
        entry = view.selected
        for card in self.query(PromiseCard):
            chosen = (card.entry.party, card.entry.ident) == (entry.party, entry.ident)
            if card.is_mounted and card.query(".wording"):
                card.select(chosen)
            if chosen:
                card.scroll_visible(animate=False)
        self.query_one("#promise-detail", ClampedText).text = view.detail
        self._fit()
