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

from rich.console import Console
from rich.markdown import Markdown
from rich.segment import Segment
from rich.theme import Theme
from textual.strip import Strip

from workshop_tui.screens.markdown_pieces import joined_rows, pieces
from workshop_tui.widgets.narrow_tables import fitted, table_fits
from workshop_tui.widgets.piecewise_scroll import PiecewiseScroll

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
    """``markdown`` rendered by Rich at ``width`` cells, one list of segments per row; a
    table that would not fit whole is shown as a list of its rows (``narrow_tables``)."""
    console = Console(
        width=width,
        theme=PLAIN_MARKDOWN,
        color_system="truecolor",
        force_terminal=True,
        file=None,
        legacy_windows=False,
    )
    options = console.options.update(width=width)
    shown = markdown
    if "\n|" in "\n" + markdown:
        shown = fitted(markdown, lambda table: table_fits(table, console, width))
    return console.render_lines(Markdown(shown, hyperlinks=False), options, pad=False)


def is_blank(row: Strip) -> bool:
    return not row.text.strip()


def estimate(source: str, width: int) -> int:
    """About how many rows ``source`` takes at ``width`` (each line wrapped, plus one);
    characters stand for cells, which is near enough for a height not yet rendered."""
    room = max(1, width - 2)
    return 1 + sum(max(1, -(-len(line) // room)) for line in source.split("\n"))


class NotesPreview(PiecewiseScroll, can_focus=True):
    """A Markdown document, rendered piece by piece as it comes into view."""

    DEFAULT_CSS = """
    NotesPreview { height: 1fr; padding: 0 1; overflow-x: hidden; overflow-y: scroll; }
    """

    def __init__(self, markdown: str, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._markdown = markdown
        self._pieces = pieces(markdown)
        self.pieces_changed()

    @property
    def markdown(self) -> str:
        return self._markdown

    def piece_count(self) -> int:
        return len(self._pieces)

    def estimate_piece(self, index: int, width: int) -> int:
        return estimate(self._pieces[index].source, width)

    def render_piece(self, index: int, width: int) -> list[Strip]:
        piece = self._pieces[index]
        rows = [Strip(row).simplify() for row in render_lines(piece.source, width)]
        return joined_rows(rows, piece.gap, index, Strip.blank(0), is_blank)
