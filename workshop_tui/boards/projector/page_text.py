"""A page of text for the projector that flows into columns rather than run off the screen."""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual.geometry import Size
from textual.widget import Widget

from workshop_tui.widgets.plain_text import plain_rich

MIN_COLUMN = 28
"""A column narrower than this reads worse than a page that runs on."""
GUTTER = 3


class PageText(Widget):
    """Text wrapped to the width; where it is taller than the page, set in as many columns as
    it takes (each at least ``MIN_COLUMN`` wide), as a newspaper sets a long article."""

    DEFAULT_CSS = """
    PageText { height: 1fr; }
    """

    def __init__(self, text: str = "", **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._text = text

    @property
    def text(self) -> str:
        return self._text

    @text.setter
    def text(self, text: str) -> None:
        if text != self._text:
            self._text = text
            self.refresh(layout=True)

    def columns(self, width: int, height: int) -> list[list[Text]]:
        """The text's lines, set in the fewest columns that fit ``height`` (if any do)."""
        most = max(1, (width + GUTTER) // (MIN_COLUMN + GUTTER))
        for count in range(1, most + 1):
            column_width = (width - GUTTER * (count - 1)) // count
            lines = self._wrap(column_width)
            per_column = -(-len(lines) // count)
            if per_column <= height or count == most:
                return [lines[i : i + per_column] for i in range(0, len(lines), per_column)]
        return []

    def _wrap(self, width: int) -> list[Text]:
        lines: list[Text] = []
        for paragraph in self._text.split("\n"):
            wrapped = plain_rich(paragraph).wrap(self.app.console, max(1, width), overflow="fold")
            lines.extend(wrapped or [Text()])
        return lines

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return max((len(column) for column in self.columns(width, container.height)), default=0)

    def render(self) -> Text:
        width, height = self.content_size
        columns = self.columns(width, height)
        longest = max((len(column) for column in columns), default=0)
        if longest > height > 1:  # too long even in columns: say how much is not shown
            hidden = sum(max(0, len(column) - (height - 1)) for column in columns)
            columns = [column[: height - 1] for column in columns]
            columns[-1] = [*columns[-1], Text(f"+{hidden} more lines", style="italic")]
        if len(columns) <= 1:
            return Text("\n").join(columns[0] if columns else [])
        column_width = (width - GUTTER * (len(columns) - 1)) // len(columns)
        rows = []
        for y in range(max(len(column) for column in columns)):
            row = Text()
            for number, column in enumerate(columns):
                if number:
                    row.append(" " * GUTTER)
                cell = column[y].copy() if y < len(column) else Text()
                cell.pad_right(max(0, column_width - cell.cell_len))
                row.append_text(cell)
            rows.append(row)
        return Text("\n").join(rows)
