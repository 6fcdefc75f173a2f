"""A few short centred lines that change often: drawn line by line, never wrapped."""

from __future__ import annotations

from collections.abc import Sequence

from rich.cells import cell_len, set_cell_size
from rich.segment import Segment
from rich.style import Style
from textual.geometry import Region, Size
from textual.strip import Strip
from textual.widget import Widget

ELLIPSIS = "…"


Line = str | tuple[str, ...]
"""One line: its text, or several wordings from the longest to the shortest."""


def fit_centred(line: Line, width: int) -> tuple[int, str]:
    """The first wording of ``line`` that fits ``width`` cells, and its left margin.

    When none fits, the shortest is cut to ``width`` and ends in "…".
    """
    if width <= 0:
        return 0, ""
    wordings = (line,) if isinstance(line, str) else line
    text = next((wording for wording in wordings if cell_len(wording) <= width), wordings[-1])
    if cell_len(text) > width:
        text = set_cell_size(text, width - 1).rstrip() + ELLIPSIS
    return (width - cell_len(text)) // 2, text


def centred_strip(text: str, width: int, style: Style, text_style: Style | None = None) -> Strip:
    """One row of ``width`` cells with ``text`` in the middle (``text`` must fit)."""
    left = max((width - cell_len(text)) // 2, 0)
    segments = [
        Segment(" " * left, style),
        Segment(text, style if text_style is None else text_style),
    ]
    return Strip(segments).adjust_cell_length(width, style)


class StatusLines(Widget):
    """Fixed lines of plain text, each centred and cut with "…" rather than wrapped.

    A line may come in several wordings, longest first: the longest that fits
    the width is shown. Setting new lines repaints only the lines that changed
    and never asks for a new layout (unless the number of lines changes), so a
    status that moves on every key press costs one small redraw.
    A line is never wrapped: a fixed-height box keeps its last line in view.
    """

    DEFAULT_CSS = """
    StatusLines {
        width: 1fr;
        height: auto;
    }
    """

    def __init__(
        self, *, name: str | None = None, id: str | None = None, classes: str | None = None
    ) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self._lines: tuple[Line, ...] = ()
        self._strips_key: object = None
        self._strips: list[Strip] = []

    @property
    def lines(self) -> tuple[Line, ...]:
        """What was given to show, one entry per line."""
        return self._lines

    @property
    def shown(self) -> list[str]:
        """The text each line shows at the current width (the wording that fits, or cut)."""
        width = self.size.width
        return [fit_centred(line, width)[1] for line in self._lines]

    def show(self, lines: Sequence[Line]) -> None:
        """Show ``lines``; nothing is redrawn when they are what is shown already."""
        new = tuple(lines)
        if new == self._lines:
            return
        old = self._lines
        self._lines = new
        if len(new) != len(old):
            self.refresh(layout=True)
            return
        width = self.size.width
        self.refresh(  # only the lines that changed
            *(Region(0, y, width, 1) for y, line in enumerate(new) if line != old[y])
        )

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return len(self._lines)

    def render_line(self, y: int) -> Strip:
        width = self.size.width
        style = self.visual_style.rich_style
        key = (self._lines, width, style)
        if key != self._strips_key:
            self._strips_key = key
            self._strips = [
                centred_strip(fit_centred(line, width)[1], width, style) for line in self._lines
            ]
        if 0 <= y < len(self._strips):
            return self._strips[y]
        return Strip.blank(width, style)
