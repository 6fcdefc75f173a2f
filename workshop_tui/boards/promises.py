"""The promises board: one column per party, each promise with its status, reason, owner and note.

Each column is one widget that draws its promises as lines (an OptionList,
which renders only the lines in view), so a party with a thousand promises
costs one widget to lay out, not a thousand. A promise reads in full in its
current wording, wrapped; the parties' preloaded promises from the script
wait, dimmed, as "to table". The line under the columns tells the selected
promise's status and since when; ``h`` shows its history there instead.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, ClassVar

from textual import events
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal
from textual.content import Content
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from workshop_tui.boards.board import Board
from workshop_tui.boards.board_lines import BoardLines
from workshop_tui.domain.read_models.promises import Entry, PartyColumn, PromisesView
from workshop_tui.widgets.clamped_text import ClampedText
from workshop_tui.widgets.plain_text import plain

MARKER = "▶ "
INDENT = "  "
CHROME = 2
"""Cells of a column a card's text cannot use: the option's padding and the scroll bar."""

BADGE_STYLE = {
    "proposed": "bold $text-primary",
    "agreed": "bold $text-success",
    "amended": "bold $text-accent",
    "declined": "bold $text-error",
    "parked": "bold $text-warning",
    "to table": "italic $text-muted",
}


def card_lines(entry: Entry, width: int, selected: bool) -> Content:
    """A promise as the room reads it: wording (wrapped, never cut), status, reason, note."""
    lead = MARKER if selected else INDENT
    wording_style = "bold" if selected else ""
    lines = _wrapped(plain(entry.wording, wording_style), width, lead)
    if entry.ident is not None:
        badge = entry.badge
        status = Content.assemble((badge.upper(), BADGE_STYLE.get(badge, "bold")))
        if entry.reason:
            status = Content.assemble(status, ": ", plain(entry.reason))
        if entry.meta:
            status = Content.assemble(status, (" · ", "dim"), plain(entry.meta))
        lines += _wrapped(status, width, INDENT)
        if entry.note:
            lines += _wrapped(plain(f"Note: {entry.note}", "italic $text-muted"), width, INDENT)
    card = Content("\n").join(lines)
    return card.stylize("$text-muted") if entry.template is not None else card


def _wrapped(content: Content, width: int, lead: str) -> list[Content]:
    """``content`` wrapped to ``width``, every line after ``lead`` (or an indent as wide)."""
    room = width - len(lead)
    pieces = content.wrap(room) if room > 1 else [content]
    indent = " " * len(lead)
    return [Content.assemble(lead if n == 0 else indent, p.rstrip()) for n, p in enumerate(pieces)]


class PromiseColumn(BoardLines, inherit_bindings=False, can_focus=False):
    """One party's promises as lines of one widget; the board's controls move the selection."""

    BINDINGS: ClassVar[list[BindingType]] = []

    DEFAULT_CSS = """
    PromiseColumn {
        width: 1fr;
        height: 1fr;
        margin-right: 1;
        border: none;
        border-top: solid $primary;
        border-title-color: $text;
        border-title-style: bold;
        background: $boost;
        padding: 0;
        text-wrap: nowrap;
        scrollbar-size-vertical: 1;
        &:last-of-type { margin-right: 0; }
        & > .option-list--option { padding: 0 1 0 0; }
        & > .option-list--option-highlighted { background: $accent 30%; }
        &:focus > .option-list--option-highlighted { background: $accent 30%; }
        & > .option-list--separator { color: $boost; }
    }
    """

    def __init__(self, column: PartyColumn, selected: int | None, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._column = column
        self._selected = selected
        self._width = 0

    @property
    def entries(self) -> tuple[Entry, ...]:
        return self._column.entries

    def show(self, column: PartyColumn, selected: int | None) -> None:
        """Draw ``column``, ``selected`` (a row, or None) highlighted."""
        self._title(column)
        if column != self._column or self._width != self._text_width():
            self._column = column
            self._rebuild(selected)
        else:
            self.select(selected)

    def on_mount(self) -> None:
        self._title(self._column)

    def on_resize(self, event: events.Resize) -> None:
        self._title(self._column)
        if self._text_width() != self._width:
            self._rebuild(self._selected)

    def _title(self, column: PartyColumn) -> None:
        """``Party · 2 agreed``, or ``Party · 2 ✔`` where the column is too narrow for it."""
        title = f"{column.party} · {column.agreed} agreed"
        if self.size.width and len(title) > self.size.width - 4:
            title = f"{column.party} · {column.agreed} ✔"
        self.border_title = plain(title)

    def select(self, selected: int | None) -> None:
        """Move the highlight (and the ▶) to row ``selected``; None: no row here."""
        before, self._selected = self._selected, selected
        for row, marked in ((before, False), (selected, True)):
            if row is not None and row < min(len(self.entries), self.option_count):
                self.replace_option_prompt_at_index(row, self._prompt(row, marked))
        self.highlighted = selected
        if selected is None:
            self.refresh()

    def _text_width(self) -> int:
        return max(0, self.scrollable_content_region.width - CHROME)

    def _rebuild(self, selected: int | None) -> None:
        self._width = self._text_width()
        self._selected = selected
        options: list[Option | None] = []
        for row in range(len(self.entries)):
            options += [Option(self._prompt(row, row == selected)), None]
        self.set_options(options[:-1])
        self.highlighted = selected

    def overflows(self, row: int | None) -> bool:
        """Whether the card at ``row`` is taller than the column shows at once."""
        if row is None or row >= self.option_count:
            return False
        lines = str(self.get_option_at_index(row).prompt).count("\n") + 1
        return lines > self.scrollable_content_region.height > 0

    def _prompt(self, row: int, selected: bool) -> Content:
        return card_lines(self.entries[row], self._width or 40, selected)

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()


class PromisesBoard(Board):
    """One column per party, the selected promise highlighted, its status or history under."""

    DEFAULT_CSS = """
    PromisesBoard #promise-columns {
        height: 1fr;
        min-height: 4;
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
        self._history = False
        self._long = False
        """Whether the selected card is taller than its column (the detail shows it whole)."""

    @property
    def columns(self) -> Sequence[PromiseColumn]:
        return list(self.query(PromiseColumn))

    @property
    def showing_history(self) -> bool:
        return self._history

    def show(self, view: PromisesView, *, history: bool | None = None) -> None:
        """Draw ``view``: a column again only where it changed, else only the selection."""
        if history is not None:
            self._history = history
        reshaped = len(view.columns) != len(self._view.columns)
        self._view = view
        if not self.is_mounted:
            return  # composed from the newest view when it mounts
        if reshaped:
            self.refresh(recompose=True)
            return
        self._draw()

    def compose(self) -> ComposeResult:
        view = self._view
        with Horizontal(id="promise-columns"):
            for col, column in enumerate(view.columns):
                yield PromiseColumn(column, view.row if col == view.col else None)
        yield ClampedText(id="promise-detail", max_lines=2)

    def on_mount(self) -> None:
        self._draw()

    async def recompose(self) -> None:
        await super().recompose()
        self._draw()

    def on_resize(self, event: events.Resize) -> None:
        self.call_after_refresh(self._draw)

    def _fit(self) -> None:
        """The detail takes two rows when the board has them to spare (history: up to 6)."""
        height = self.size.height
        lines = 2 if height >= 12 else 1
        if self._history or self._long:
            lines = max(lines, min(8, height // 2))
        self.query_one("#promise-detail", ClampedText).max_lines = lines

    def _draw(self) -> None:
        """Each column, the selection, and the selected promise's status or history."""
        view = self._view
        for col, (widget, column) in enumerate(zip(self.columns, view.columns, strict=False)):
            widget.show(column, view.row if col == view.col else None)
            widget.set_class(col == view.col, "-current")
        detail = view.detail
        self._long = bool(view.columns) and self.columns[view.col].overflows(view.row)
        if self._history and view.columns and view.selected.history:
            detail = "History, newest first: " + " · ".join(reversed(view.selected.history))
        elif self._long:  # the card is taller than its column: its wording in full here
            detail = f"“{view.selected.wording}” · {detail}"
        self.query_one("#promise-detail", ClampedText).text = detail
        self._fit()
