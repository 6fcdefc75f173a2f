"""The notes rendered as Markdown, drawn line by line: usable at once at any session size.

Textual's MarkdownViewer builds a widget per block up front (a 1,000-record
session took 13-19 s and 280 MB to show, and every toast laid them all out
again). Here the document is rendered to lines by Rich, in a thread, and only
the rows in view are drawn. The first screenful is rendered before the screen
shows, so the panel is never empty while the rest renders.
"""

from __future__ import annotations

from rich.console import Console
from rich.markdown import Markdown
from rich.segment import Segment
from rich.theme import Theme
from textual import work
from textual.geometry import Size
from textual.scroll_view import ScrollView
from textual.strip import Strip

HEAD_LINES = 80
"""Source lines rendered before the screen shows (more than a screenful)."""

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


def head(markdown: str, lines: int = HEAD_LINES) -> str:
    """The first ``lines`` lines of ``markdown``, ending at a blank line (a whole block)."""
    source = markdown.splitlines()
    if len(source) <= lines:
        return markdown
    end = next((i for i in range(lines, 0, -1) if not source[i].strip()), lines)
    return "\n".join(source[:end])


class NotesPreview(ScrollView, can_focus=True):
    """A Markdown document, rendered in a thread and drawn only where it is in view."""

    DEFAULT_CSS = """
    NotesPreview { height: 1fr; padding: 0 1; overflow-x: hidden; overflow-y: scroll; }
    """

    def __init__(self, markdown: str, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._markdown = markdown
        self._rows: list[Strip] = []
        self._width = 0
        self.complete = False
        """Whether the whole document is drawn (the head only, until the thread is done)."""

    @property
    def markdown(self) -> str:
        return self._markdown

    def on_resize(self) -> None:
        width = self.scrollable_content_region.width
        if width > 0 and width != self._width:
            self._width = width
            self.complete = False
            self._show(render_lines(head(self._markdown), width), width, whole=False)
            self._render_all(width)

    @work(thread=True, exclusive=True, group="notes-preview")
    def _render_all(self, width: int) -> None:
        rows = render_lines(self._markdown, width)
        self.app.call_from_thread(self._show, rows, width, whole=True)

    def _show(self, rows: list[list[Segment]], width: int, *, whole: bool) -> None:
        if width != self._width:  # resized since: a newer rendering is on its way
            return
        self._rows = [Strip(row).simplify() for row in rows]
        self.complete = whole
        self.virtual_size = Size(width, len(self._rows))
        self.refresh()

    def render_line(self, y: int) -> Strip:
        scroll_x, scroll_y = self.scroll_offset
        index = scroll_y + y
        width = self.scrollable_content_region.width
        style = self.rich_style
        if 0 <= index < len(self._rows):
            row = self._rows[index].crop(scroll_x, scroll_x + width)
            return row.apply_style(style).extend_cell_length(width, style)
        return Strip.blank(width, style)
