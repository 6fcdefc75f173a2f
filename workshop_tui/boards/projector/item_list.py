"""A list of items for the projector: each wrapped in full, the item in play marked.

Every item is drawn whole (its text wrapped, never cut), with its detail under
it. When the list holds more than fits, the item in play and its neighbours are
shown, and a last line says how many more there are ("+4 more in Complex").
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from rich.cells import cell_len
from rich.style import Style
from rich.text import Text
from textual.widget import Widget

from workshop_tui.boards.projector.fitting import fit
from workshop_tui.widgets.plain_text import plain_rich

IN_PLAY = "▶"


@dataclass(frozen=True, slots=True)
class Item:
    """One item: its key (``read_models.in_play``), its text, a mark and a line under it."""

    key: str
    text: str
    mark: str = "•"
    detail: str = ""
    muted: bool = False
    """Drawn quieter: done, declined, a suggestion, an empty place."""


class ItemList(Widget):
    """Items wrapped to the width, the item in play highlighted and always in view."""

    COMPONENT_CLASSES = {
        "item-list--in-play",
        "item-list--detail",
        "item-list--muted",
        "item-list--more",
    }
    DEFAULT_CSS = """
    ItemList {
        height: 1fr;
        padding: 0 1;
    }
    ItemList > .item-list--in-play {
        background: $block-cursor-background;
        color: $block-cursor-foreground;
        text-style: bold;
    }
    ItemList > .item-list--detail {
        color: $text-muted;
    }
    ItemList > .item-list--muted {
        color: $text-muted;
    }
    ItemList > .item-list--more {
        color: $text-muted;
        text-style: italic;
    }
    """

    def __init__(
        self,
        items: Sequence[Item] = (),
        in_play: str | None = None,
        *,
        where: str = "",
        gap: int = 0,
        **kwargs: Any,
    ) -> None:
        """``where`` ends the "+N more" line ("in Complex"); ``gap``: rows between items."""
        super().__init__(**kwargs)
        self._items = tuple(items)
        self._in_play = in_play
        self.where = where
        self.gap = gap

    @property
    def items(self) -> tuple[Item, ...]:
        return self._items

    @property
    def in_play(self) -> str | None:
        return self._in_play

    def show(self, items: Sequence[Item], in_play: str | None = None) -> None:
        """Draw ``items``, ``in_play`` highlighted."""
        items = tuple(items)
        if items != self._items or in_play != self._in_play:
            self._items, self._in_play = items, in_play
            self.refresh()

    def point_at(self, in_play: str | None) -> None:
        """Highlight another item (the facilitator moved the selection)."""
        if in_play != self._in_play:
            self._in_play = in_play
            self.refresh()

    def focus_index(self) -> int | None:
        """The position of the item in play, if it is in this list."""
        return next((i for i, item in enumerate(self._items) if item.key == self._in_play), None)

    def render(self) -> Text:
        width, height = self.content_size
        if width <= 0 or height <= 0 or not self._items:
            return Text()
        blocks = [self._block(item, width) for item in self._items]
        window = fit([len(block) for block in blocks], self.focus_index(), height, self.gap)
        lines: list[Text] = []
        for index in window.shown:
            if lines and self.gap:
                lines.extend(Text() for _ in range(self.gap))
            lines.extend(blocks[index])
        if window.hidden:
            more = f"+{window.hidden} more{' ' + self.where if self.where else ''}"
            lines.append(Text(more, style=self._style("more"), overflow="fold"))
        return Text("\n").join(lines)

    def _style(self, name: str) -> Style:
        return self.get_component_rich_style(f"item-list--{name}", partial=True)

    def _block(self, item: Item, width: int) -> list[Text]:
        """The item's rows: its mark, its text wrapped under a hanging indent, its detail."""
        in_play = item.key == self._in_play
        mark = IN_PLAY if in_play else item.mark
        indent = cell_len(mark) + 1
        body_style = self._style("muted") if item.muted and not in_play else Style()
        rows = self._wrap(item.text, width - indent, body_style)
        if item.detail:
            rows += self._wrap(item.detail, width - indent, self._style("detail"))
        lines = []
        for row, line in enumerate(rows):
            prefix = Text(f"{mark} " if row == 0 else " " * indent)
            lines.append(prefix + line)
        if in_play:
            focus = self._style("in-play")
            for line in lines:
                line.pad_right(max(0, width - line.cell_len))
                line.stylize(focus)
        return lines

    def _wrap(self, text: str, width: int, style: Style) -> list[Text]:
        shown = plain_rich(text)
        shown.stylize(style)
        return list(shown.wrap(self.app.console, max(1, width), overflow="fold"))
