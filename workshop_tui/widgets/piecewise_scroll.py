"""A scrolling column of pieces rendered only as they come into view.

Rendering every piece of a long column up front costs what the whole column
costs, at every change and every resize. Here a piece is rendered when it
comes into view (with a margin), and until then it counts with an estimate
of its height. When a piece above the view turns out taller or shorter than
its estimate, the view keeps its place; a view at the end stays at the end.
Subclasses say how many pieces there are, estimate one and render one.
"""

from __future__ import annotations

from bisect import bisect_right
from itertools import accumulate

from textual.geometry import Region, Size
from textual.scroll_view import ScrollView
from textual.strip import Strip

MARGIN = 10
"""Rows rendered beyond the view, so a scroll of a few lines finds them ready."""


class PiecewiseScroll(ScrollView):
    """Pieces of rows, rendered lazily; ``render_line`` draws the rows in view."""

    ALLOW_SELECT = False
    """Mouse selection reads a widget's whole text at once, which this never has."""

    def __init__(
        self, *, name: str | None = None, id: str | None = None, classes: str | None = None
    ) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self._rows: list[list[Strip] | None] = []
        self._heights: list[int] = []
        self._starts: list[int] = []
        self._width = 0
        self._height = 0
        """The view's height when it last changed size."""
        self._placing = False
        self._refill = False
        self._to_end = False
        """Whether the view is to go to the end once it has a width."""

    # What a subclass provides.

    def piece_count(self) -> int:
        raise NotImplementedError

    def estimate_piece(self, index: int, width: int) -> int:
        """About how many rows piece ``index`` takes at ``width`` cells."""
        raise NotImplementedError

    def render_piece(self, index: int, width: int) -> list[Strip]:
        """The rows of piece ``index`` at ``width`` cells."""
        raise NotImplementedError

    # What it can ask.

    @property
    def rendered(self) -> int:
        """How many pieces are rendered (the rest wait for the view)."""
        return sum(rows is not None for rows in self._rows)

    @property
    def complete(self) -> bool:
        """Whether every piece is rendered."""
        return self.rendered == len(self._rows)

    def pieces_changed(self, *, to_end: bool = False) -> None:
        """The pieces are new: estimate them all again (``to_end``: and show the last)."""
        at_end = to_end or self.scroll_y >= self.max_scroll_y
        self._rows = [None] * self.piece_count()
        if not self._width:
            self._to_end = to_end
            return
        self._heights = [self.estimate_piece(i, self._width) for i in range(len(self._rows))]
        self._place()
        if at_end:
            self._scroll_to_row(self.max_scroll_y)
        self._fill_view(to_end=at_end)

    def forget_rendering(self) -> None:
        """Render the pieces in view again now (their look changed, not their size)."""
        self._rows = [None] * len(self._rows)
        self._fill_view()
        self.refresh()

    # The machinery.

    def on_resize(self) -> None:
        self._fit()

    def render_lines(self, crop: Region) -> list[Strip]:
        """Fit the pieces first if the room for them changed since (the first frame comes
        before any Resize; a scrollbar that appears narrows the rows without one)."""
        if self.scrollable_content_region.size != (self._width, self._height):
            self._fit()
        return super().render_lines(crop)

    def _fit(self) -> None:
        """Fit the pieces to the room for them, keeping the text at the top in view (or the
        end, if the view was there)."""
        width, height = self.scrollable_content_region.size
        was_at_end = self._width > 0 and self.scroll_y + self._height >= self.virtual_size.height
        self._height = height
        if width <= 0 or width == self._width:
            if was_at_end:
                self._scroll_to_row(self.max_scroll_y)
            self._fill_view(to_end=was_at_end)
            return
        count = self.piece_count()
        top = round(self.scroll_y)
        at_end = self._to_end or was_at_end
        self._to_end = False
        known = self._width > 0 and len(self._heights) == count > 0
        anchor = self._piece_at(top) if known else 0
        into = (top - self._starts[anchor]) / max(1, self._heights[anchor]) if known else 0
        self._width = width
        self._rows = [None] * count
        self._heights = [self.estimate_piece(i, width) for i in range(count)]
        if count and not at_end:
            self._render_at(anchor)
        self._place()
        if at_end:
            self._scroll_to_row(self.max_scroll_y)
        elif count:
            self._scroll_to_row(self._starts[anchor] + into * self._heights[anchor])
        self._fill_view(to_end=at_end)

    # Keys move at once: an animated scroll would undo each correction of an estimate.

    def action_scroll_up(self) -> None:
        self.scroll_up(animate=False)

    def action_scroll_down(self) -> None:
        self.scroll_down(animate=False)

    def action_page_up(self) -> None:
        self.scroll_page_up(animate=False)

    def action_page_down(self) -> None:
        self.scroll_page_down(animate=False)

    def action_scroll_home(self) -> None:
        self.scroll_home(animate=False)  # a jump: the pieces on the way are not rendered

    def action_scroll_end(self) -> None:
        self.scroll_end(animate=False)

    def watch_scroll_y(self, old_value: float, new_value: float) -> None:
        super().watch_scroll_y(old_value, new_value)
        upward = 0 < new_value < old_value
        self._fill_view(keep=round(old_value) if upward else None)

    def _fill_view(self, *, to_end: bool = False, keep: int | None = None) -> None:
        """Render the pieces in view (and a margin), keeping the view where it was.

        A piece above the view that comes out taller than its estimate moves the view
        down by as much, so the same text stays at the top. Going up, the text that was
        at the top before (row ``keep``) stays where it is, so a page up reads on.
        """
        self._refill = False
        if self._placing or not self._width or not self._rows:
            return
        self._placing = True
        try:
            while True:
                top = round(self.scroll_y)
                at_end = to_end or top >= self.max_scroll_y > 0
                if at_end:
                    top = max(0, self.virtual_size.height - self.size.height)
                bottom = top + self.size.height + MARGIN
                first, last = self._piece_at(top), self._piece_at(bottom)
                waiting = [i for i in range(first, last + 1) if self._rows[i] is None]
                if not waiting:
                    return
                held = top if keep is None else max(top, keep)
                shift = 0
                for index in waiting:
                    grown = self._render_at(index)
                    if self._starts[index] < held:
                        shift += grown
                self._place()
                if keep is not None:
                    keep += shift
                if at_end or shift:
                    self._scroll_to_row(self.max_scroll_y if at_end else top + shift)
        finally:
            self._placing = False

    def _render_at(self, index: int) -> int:
        """Render piece ``index``; return how much taller than its estimate it came out."""
        rows = self.render_piece(index, self._width)
        self._rows[index] = rows
        grown = len(rows) - self._heights[index]
        self._heights[index] = len(rows)
        return grown

    def _place(self) -> None:
        self._starts = list(accumulate(self._heights, initial=0))[:-1]
        self.virtual_size = Size(self._width, sum(self._heights))
        self.refresh()

    def _scroll_to_row(self, row: float) -> None:
        """Keep the view on the same text (without stopping a scroll on its way)."""
        row = max(0, min(round(row), self.max_scroll_y))
        self.scroll_target_y = row  # a scroll by keys or the wheel goes on from here
        self.set_scroll(None, row)
        if self.show_vertical_scrollbar:
            self.vertical_scrollbar.position = row

    def _piece_at(self, row: int) -> int:
        return max(0, min(len(self._rows) - 1, bisect_right(self._starts, row) - 1))

    def render_line(self, y: int) -> Strip:
        scroll_x, scroll_y = self.scroll_offset
        index = scroll_y + y
        width = self.scrollable_content_region.width
        style = self.rich_style
        if self._rows and 0 <= index < self.virtual_size.height:
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
