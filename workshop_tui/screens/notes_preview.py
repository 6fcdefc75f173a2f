"""The notes rendered as Markdown, drawn piece by piece as they come into view.

Textual's MarkdownViewer builds a widget per block up front (a 1,000-record
session took 13-19 s and 280 MB to show, and every toast laid them all out
again); rendering the whole document with Rich takes 0.9 s there. Here the
document is cut into pieces (``markdown_pieces``) and Rich renders only the
pieces in view, when they come into view, so showing it costs a screenful
at any session size. Pieces not yet rendered count with an estimate of
their height; when one is rendered above the view, the view keeps its place.
"""

from __future__ import annotations

from bisect import bisect_right
from itertools import accumulate

from rich.console import Console
from rich.markdown import Markdown
from rich.segment import Segment
from rich.theme import Theme
from textual.geometry import Size
from textual.scroll_view import ScrollView
from textual.strip import Strip

from workshop_tui.screens.markdown_pieces import joined_rows, pieces

MARGIN = 10
"""Rows rendered beyond the view, so a scroll of a few lines finds them ready."""

PLAIN_MARKDOWN = Theme(
    {
        "markdown.h1": "bold underline",
        "markdown.h1.border": "none",
        "markdown.h2": "bold underline",
        "markdown.h3": "bold",
        "markdown.h4": "bold italic",
        "markdown.h5": "italic",
        "markdown.h6": "italic",
        "markdown.code": "bold",
        "markdown.code_block": "none",
        "markdown.block_quote": "italic",
        "markdown.link": "underline",
        "markdown.link_url": "underline",
        "markdown.item.bullet": "bold",
        "markdown.item.number": "bold",
        "markdown.hr": "none",
        "markdown.table.border": "none",
        "markdown.table.header": "bold",
    },
    inherit=True,
)
"""Markdown's emphasis without colours of its own: the text takes the theme's colours."""


def render_lines(markdown: str, width: int) -> list[list[Segment]]:
    """``markdown`` rendered by Rich at ``width`` cells, one list of segments per row."""
    console = Console(
        width=width,
        theme=PLAIN_MARKDOWN,
        color_system="truecolor",
        force_terminal=True,
        file=None,
        legacy_windows=False,
    )
    options = console.options.update(width=width)
    return console.render_lines(Markdown(markdown, hyperlinks=False), options, pad=False)


def is_blank(row: Strip) -> bool:
    return not row.text.strip()


def estimate(source: str, width: int) -> int:
    """About how many rows ``source`` takes at ``width`` (each line wrapped, plus one);
    characters stand for cells, which is near enough for a height not yet rendered."""
    room = max(1, width - 2)
    return 1 + sum(max(1, -(-len(line) // room)) for line in source.split("\n"))


class NotesPreview(ScrollView, can_focus=True):
    """A Markdown document, rendered piece by piece as it comes into view."""

    DEFAULT_CSS = """
    NotesPreview { height: 1fr; padding: 0 1; overflow-x: hidden; overflow-y: scroll; }
    """

    def __init__(self, markdown: str, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._markdown = markdown
        self._pieces = pieces(markdown)
        self._rows: list[list[Strip] | None] = [None] * len(self._pieces)
        self._heights = [0] * len(self._pieces)
        self._starts = [0] * len(self._pieces)
        self._width = 0
        self._placing = False
        self._refill = False

    @property
    def markdown(self) -> str:
        return self._markdown

    @property
    def rendered(self) -> int:
        """How many of the document's pieces are rendered (the rest wait for the view)."""
        return sum(rows is not None for rows in self._rows)

    @property
    def complete(self) -> bool:
        """Whether every piece is rendered."""
        return self.rendered == len(self._pieces)

    def on_resize(self) -> None:
        width = self.scrollable_content_region.width
        if width <= 0 or width == self._width:
            self._fill_view()
            return
        top = round(self.scroll_y)
        anchor = self._piece_at(top) if self._width else 0
        into = (top - self._starts[anchor]) / max(1, self._heights[anchor]) if self._width else 0
        self._width = width
        self._rows = [None] * len(self._pieces)
        self._heights = [estimate(piece.source, width) for piece in self._pieces]
        if self._pieces:
            self._render_piece(anchor)
        self._place()
        self._scroll_to_row(self._starts[anchor] + into * self._heights[anchor])
        self._fill_view()

    def action_scroll_home(self) -> None:
        self.scroll_home(animate=False)  # a jump: the pieces on the way are not rendered

    def action_scroll_end(self) -> None:
        self.scroll_end(animate=False)

    def watch_scroll_y(self, old_value: float, new_value: float) -> None:
        super().watch_scroll_y(old_value, new_value)
        self._fill_view()

    def _fill_view(self) -> None:
        """Render the pieces in view (and a margin), keeping the view where it was."""
        self._refill = False
        if self._placing or not self._width:
            return
        self._placing = True
        try:
            while True:
                top = round(self.scroll_y)
                at_end = top >= self.max_scroll_y > 0
                bottom = top + self.size.height + MARGIN
                first, last = self._piece_at(top), self._piece_at(bottom)
                waiting = [i for i in range(first, last + 1) if self._rows[i] is None]
                if not waiting:
                    return
                grown = {i: self._render_piece(i) for i in waiting}
                shift = sum(rows for i, rows in grown.items() if self._starts[i] < top)
                self._place()
                if at_end or shift:
                    self._scroll_to_row(self.max_scroll_y if at_end else top + shift)
        finally:
            self._placing = False

    def _render_piece(self, index: int) -> int:
        """Render piece ``index``; return how much taller than its estimate it came out."""
        piece = self._pieces[index]
        rows = [Strip(row).simplify() for row in render_lines(piece.source, self._width)]
        joined = joined_rows(rows, piece.gap, index, Strip.blank(0), is_blank)
        self._rows[index] = joined
        grown = len(joined) - self._heights[index]
        self._heights[index] = len(joined)
        return grown

    def _place(self) -> None:
        self._starts = list(accumulate(self._heights, initial=0))[:-1]
        total = sum(self._heights)
        self.virtual_size = Size(self._width, total)
        self.refresh()

    def _scroll_to_row(self, row: float) -> None:
        """Keep the view on the same text (without stopping a scroll on its way)."""
        row = max(0, min(round(row), self.max_scroll_y))
        self.set_scroll(None, row)
        if self.show_vertical_scrollbar:
            self.vertical_scrollbar.position = row

    def _piece_at(self, row: int) -> int:
        return max(0, min(len(self._pieces) - 1, bisect_right(self._starts, row) - 1))

    def render_line(self, y: int) -> Strip:
        scroll_x, scroll_y = self.scroll_offset
        index = scroll_y + y
        width = self.scrollable_content_region.width
        style = self.rich_style
        if self._pieces and 0 <= index < self.virtual_size.height:
            piece = self._piece_at(index)
            rows = self._rows[piece]
            offset = index - self._starts[piece]
            if rows is not None and offset < len(rows):
                row = rows[offset].crop(scroll_x, scroll_x + width)
                return row.apply_style(style).extend_cell_length(width, style)
            if not self._refill:  # not rendered yet: it is on its way
                self._refill = True
                self.call_after_refresh(self._fill_view)
        return Strip.blank(width, style)
