"""A keyboard list whose selected row carries a "▶" marker as well as the highlight.

Rows are (id, content) pairs; ``show`` replaces them and keeps the selection on
the same id. A row's first line (its title) wraps at word boundaries under its
first word, so a long question or section title is read in full (up to
``MAX_LINES`` lines, then "…"); the lines under it stay one line each. Only
arrows and home/end are bound, so the facilitation screen's keys (page up/down,
enter on the panel) are never swallowed.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.content import Content
from textual.widgets import OptionList
from textual.widgets.option_list import Option

MARKER = "▶ "
BLANK = "  "
MAX_LINES = 3
"""A row's first line wraps to at most this many lines."""
CHROME = len(MARKER) + 1 + 1
"""Cells a row's text cannot use: the marker, the option's right padding, the scroll bar."""


class MarkedList(OptionList, inherit_bindings=False):
    """Rows of content, one selected, shown reversed and marked with ▶."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("up", "cursor_up", "Up", show=False),
        Binding("down", "cursor_down", "Down", show=False),
        Binding("home", "first", "First", show=False),
        Binding("end", "last", "Last", show=False),
    ]

    DEFAULT_CSS = """
    MarkedList {
        height: 1fr;
        max-height: 100%;
        text-wrap: nowrap;
        text-overflow: ellipsis;
        padding: 0;
        scrollbar-size-vertical: 1;
        & > .option-list--option {
            padding: 0 1 0 0;
        }
        & > .option-list--option-highlighted {
            text-style: bold;
        }
    }
    """

    def __init__(self, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self._rows: list[tuple[str, Content]] = []
        self._wrap_width = 0

    @property
    def selected_id(self) -> str | None:
        """The id of the selected row, if any."""
        if self.highlighted is None or not self._rows:
            return None
        return self._rows[self.highlighted][0]

    @property
    def row_ids(self) -> list[str]:
        return [row_id for row_id, _ in self._rows]

    def show(self, rows: Sequence[tuple[str, Content]], select: str | None = None) -> None:
        """Replace the rows; select ``select``, else the row selected before, else the first."""
        keep = select or self.selected_id
        before = self.highlighted or 0
        self._rows = list(rows)
        self._redraw(keep, before)

    def _redraw(self, keep: str | None, before: int) -> None:
        """Rebuild every option at the current width, selecting ``keep`` (else row ``before``)."""
        self._wrap_width = self._text_width()
        ids = self.row_ids
        self.set_options(
            [Option(self._prompt(content, False), id=row_id) for row_id, content in self._rows]
        )
        if not ids:
            return
        self.highlighted = ids.index(keep) if keep in ids else min(before, len(ids) - 1)

    def _text_width(self) -> int:
        return max(0, self.size.width - CHROME)

    def on_resize(self) -> None:
        if self._rows and self._text_width() != self._wrap_width:
            self._redraw(self.selected_id, self.highlighted or 0)

    def select(self, row_id: str) -> None:
        """Move the selection to ``row_id`` if it is shown."""
        if row_id in self.row_ids:
            self.highlighted = self.row_ids.index(row_id)

    def watch_highlighted(self, old: int | None, new: int | None) -> None:  # type: ignore[override]
        for index, marked in ((old, False), (new, True)):
            if index is not None and index < min(len(self._rows), self.option_count):
                self.replace_option_prompt_at_index(
                    index, self._prompt(self._rows[index][1], marked)
                )
        super().watch_highlighted(new)

    def _prompt(self, content: Content, marked: bool) -> Content:
        lines = wrap_lines(content, self._wrap_width)
        head = Content.assemble((MARKER, "bold") if marked else BLANK, lines[0])
        rest = [Content.assemble(BLANK, line) for line in lines[1:]]
        return Content("\n").join([head, *rest])


def wrap_lines(content: Content, width: int, max_lines: int = MAX_LINES) -> list[Content]:
    """``content``'s lines, the first wrapped to ``width`` in at most ``max_lines`` lines.

    A first line longer than that ends in "…". With no width yet (before
    layout) the lines are returned as they are.
    """
    first, *rest = content.split("\n")
    if width <= 1:
        return [first, *rest]
    pieces = [piece.rstrip() for piece in first.wrap(width)] or [first]
    if len(pieces) > max_lines:
        last = pieces[max_lines - 1].truncate(width - 2).rstrip()
        pieces = [*pieces[: max_lines - 1], Content.assemble(last, " …")]
    return [*pieces, *rest]
