"""One box of the Cynefin board (the tray or a domain): its items as lines of one widget.

A box is an OptionList, which renders only the lines in view, so a domain
holding a hundred items costs one widget to lay out, not a hundred. Each item
wraps to the lines its box can spare (one to ``MAX_ITEM_LINES``, fewer when the
box is crowded) and ends in "…" when cut; the selected item is bold on the
accent colour with "▶ " in front. The board's controls move the selection: a
box has no keys of its own, takes no focus and ignores the mouse.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, ClassVar

from textual import events
from textual.binding import BindingType
from textual.content import Content
from textual.geometry import Region, Size
from textual.strip import Strip
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from workshop_tui.boards.board_lines import BoardLines
from workshop_tui.domain.read_models.cynefin import Stop
from workshop_tui.widgets.clamped_text import clamp
from workshop_tui.widgets.plain_text import plain, visible

MARKER = "▶ "
INDENT = "  "
assert len(MARKER) == len(INDENT)
MAX_ITEM_LINES = 3
"""An item wraps to at most this many lines, fewer when its box is crowded."""


def wrapped(stop: Stop, width: int, max_lines: int) -> list[str]:
    """``stop``'s text wrapped to ``width`` in at most ``max_lines`` lines, indented.

    The marker is as wide as the indent, so a selected item wraps the same:
    each item is wrapped once, whether or not it is selected."""
    return clamp(visible(stop.text), width, max_lines, lead=INDENT, indent=INDENT)


def item_lines(stop: Stop, width: int, max_lines: int, selected: bool) -> Content:
    """``stop`` as its box shows it: wrapped to ``width`` in at most ``max_lines`` lines."""
    lines = wrapped(stop, width, max_lines) or [INDENT]
    if selected and lines[0].startswith(INDENT):
        lines[0] = MARKER + lines[0][len(INDENT) :]
    return plain("\n".join(lines).rstrip())


def fitted_title(title: str, count: int, width: int) -> str:
    """``title`` and its ``count`` in a top border ``width`` wide (a corner each side).

    "2 Complicated · 2", closer "2 Complicated·2", else the name is cut, never the count."""
    room = width - 2
    for candidate in (f"{title} · {count}", f"{title}·{count}"):
        if len(candidate) <= room:
            return candidate
    tail = f"…·{count}"
    return title[: max(0, room - len(tail))] + tail if room > len(tail) else str(count)


class CynefinBox(BoardLines, inherit_bindings=False, can_focus=False):
    """The tray or a domain's box: its items get the lines it can spare, its title fits."""

    BINDINGS: ClassVar[list[BindingType]] = []

    DEFAULT_CSS = """
    CynefinBox {
        border: none;
        padding: 0;
        color: $foreground;
        text-wrap: nowrap;
        text-overflow: clip;  /* the lines come wrapped: one never folds in two */
        & > .option-list--option { padding: 0; }
        & > .option-list--option-highlighted {
            background: $accent;
            color: $text;
            text-style: bold;
        }
        & > .option-list--option-disabled {
            color: $text-muted;
            text-style: italic;
        }
    }
    """

    def __init__(
        self,
        stops: Sequence[Stop],
        selected: int | None,
        *,
        title: str,
        count: int,
        max_rows: int | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(markup=False, **kwargs)
        self._stops = tuple(stops)
        self._selected = selected
        self.short_title = title
        self.count = count
        self.full_title = f"{title} · {count}"
        self.max_rows = max_rows
        """The box's max-height when its height follows its items (Confused)."""
        self._drawn: tuple[int, int] = (0, 0)
        """The text width and lines per item the options were last built for."""
        self._fitted = Size(0, 0)
        """The size the box last fitted its lines and title to."""
        self.border_title = plain(self.full_title)

    @property
    def stops(self) -> tuple[Stop, ...]:
        """What the box holds, top to bottom."""
        return self._stops

    def show(self, stops: Sequence[Stop], selected: int | None, count: int) -> None:
        """Draw ``stops`` (built again only when they changed), row ``selected`` marked."""
        self.count = count
        self.full_title = f"{self.short_title} · {count}"
        self._fit_title()
        if tuple(stops) != self._stops:
            self._stops = tuple(stops)
            self._rebuild(selected)
        else:
            self.select(selected)

    def select(self, selected: int | None) -> None:
        """Move the highlight (and the ▶) to row ``selected``; None: no row here."""
        before, self._selected = self._selected, selected
        self.highlighted = selected
        if before != selected:
            for row, marked in ((before, False), (selected, True)):
                if row is not None and row < min(len(self._stops), self.option_count):
                    self.replace_option_prompt_at_index(row, self._prompt(row, marked))
                    muted = self._muted(row, marked)
                    if muted != self.get_option_at_index(row).disabled:
                        toggle = (
                            self.disable_option_at_index if muted else self.enable_option_at_index
                        )
                        toggle(row)
        self.scroll_to_highlight()
        if selected is None:
            self.refresh()

    def on_resize(self, event: events.Resize) -> None:
        self._fit()

    def render_lines(self, crop: Region) -> list[Strip]:
        if self.size != self._fitted:  # the first paint at a new size: its lines, not the old
            self._fit()
        return super().render_lines(crop)

    def _fit(self) -> None:
        """Items take 1 to ``MAX_ITEM_LINES`` lines each; the title keeps its count."""
        self._fitted = self.size
        self._fit_title()
        if self.size.width and self._layout() != self._drawn:
            self._rebuild(self._selected)

    def _fit_title(self) -> None:
        self.border_title = plain(fitted_title(self.short_title, self.count, self.size.width))

    def _per_item(self) -> int:
        room = (self.max_rows or self.size.height) - 1  # the top border
        return max(1, min(MAX_ITEM_LINES, room // max(1, len(self._stops))))

    def _layout(self) -> tuple[int, int]:
        """The text width and lines per item: a column less when the items need a scroll bar."""
        width, per_item = self.size.width, self._per_item()
        rows = (self.max_rows - 1) if self.max_rows else self.size.height
        crowded = len(self._stops) > rows  # a line each is too many already: no need to count
        if rows > 0 and (crowded or self._lines_needed(width, per_item) > rows):
            width -= self.styles.scrollbar_size_vertical
        return max(0, width), per_item

    def _lines_needed(self, width: int, per_item: int) -> int:
        return sum(len(wrapped(stop, width, per_item)) or 1 for stop in self._stops)

    def _rebuild(self, selected: int | None) -> None:
        self._drawn = self._layout()
        self._selected = selected
        self.set_options(
            Option(self._prompt(row, row == selected), disabled=self._muted(row, row == selected))
            for row in range(len(self._stops))
        )
        self.highlighted = selected
        self.scroll_to_highlight()
        self.refresh(layout=True)

    def _prompt(self, row: int, selected: bool) -> Content:
        width, per_item = self._drawn
        return item_lines(self._stops[row], width or 40, per_item, selected)

    def _muted(self, row: int, selected: bool) -> bool:
        """An empty domain's line is drawn muted (as a disabled option), unless selected."""
        return self._stops[row].ident is None and not selected

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()
