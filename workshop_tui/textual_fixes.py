"""Every override of Textual's internals, in one place, each with what it works around.

Written against Textual 8.2 (constraints.txt). When Textual changes one of these
internals, the tests that measure or picture these screens fail first: look here.

- ``release_removed_widgets``: ``StylesCache.get_inner_outer`` is an ``lru_cache`` on a
  method, so it keeps the style caches (and every line drawn) of the last 1,024 widgets
  alive after they are removed. Upstream: Textualize/textual#6665.
- ``KeepsLayoutUnderDialogs`` and ``OpensLaidOut``: when a dialog opens, Textual's
  ``Screen._on_resize`` passes the new screen's Resize to every screen under it
  (``_screen_resized``), and each lays itself out again though the terminal kept its size
  (10-15 ms and one more whole frame on a 1,000-record facilitation screen); the dialog
  itself, laid out as it resumed, is laid out once more. No upstream issue yet.
- ``DimmedBackground``: ``BackgroundScreen`` blends every segment of the screen under a
  dialog with the dialog's translucent background on every frame the dialog draws (about
  20 ms a frame over the facilitation screen, four or five frames as a dialog opens); the
  screen under a dialog has a few dozen distinct styles, so each is blended once and
  remembered. No upstream issue yet.
- ``WidthsFollowNewRows``: ``DataTable`` renders a row added to an empty table before its
  idle handler widens the columns for it (``_update_dimensions``), caches those cells at
  the columns' old width and keys the cache on a count the widening does not move: the
  first row of the set-up's participants read ``Priy  Cust`` until a second was added.
  No upstream issue yet.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache
from typing import Any

from rich.console import RenderableType
from rich.segment import Segment
from rich.style import Style
from textual._styles_cache import StylesCache
from textual.color import Color
from textual.geometry import Size
from textual.renderables.background_screen import BackgroundScreen
from textual.screen import ModalScreen, Screen, ScreenResultType
from textual.widgets import DataTable
from textual.widgets.data_table import RowKey

NO_STYLE = Style()


def release_removed_widgets() -> None:
    """Drop Textual's hold on the style caches of widgets no longer shown (#6665)."""
    StylesCache.get_inner_outer.cache_clear()


class KeepsLayoutUnderDialogs(Screen[None]):
    """A screen laid out again under a dialog only when the terminal's size changed."""

    def _screen_resized(self, size: Size) -> None:
        if self.app.screen is not self and size == self.size:  # under a dialog: it stays
            return
        super()._screen_resized(size)


@lru_cache(maxsize=4096)
def dimmed(style: Style | None, tint: Color) -> Style:
    """``style`` seen through ``tint``, without its links and meta (as Textual dims it)."""
    style = NO_STYLE if style is None else style.clear_meta_and_links()
    if tint.a == 0:
        return style
    color = (Color.from_rich_color(style.color) + tint).rich_color if style.color else None
    back = (Color.from_rich_color(style.bgcolor) + tint).rich_color if style.bgcolor else None
    return style + Style.from_color(color, back)


class DimmedScreen(BackgroundScreen):
    """Textual's dimmed background screen, each distinct style blended once."""

    @classmethod
    def process_segments(cls, segments: Iterable[Segment], color: Color) -> Iterable[Segment]:
        for segment in segments:
            text, style, control = segment
            yield segment if control else Segment(text, dimmed(style, color), control)


class OpensLaidOut(ModalScreen[ScreenResultType]):
    """A modal screen laid out once as it opens, over a cheaply dimmed screen."""

    def _screen_resized(self, size: Size) -> None:
        """The Resize a dialog gets as it opens finds it laid out at that size already
        (when it resumed): laying it out again drew one more whole frame."""
        if size != self._size:
            super()._screen_resized(size)

    def render(self) -> RenderableType:
        shown = super().render()
        if type(shown) is BackgroundScreen:
            return DimmedScreen(shown.screen, shown.color)
        return shown


class WidthsFollowNewRows(DataTable[Any]):
    """A table whose cells are drawn again when a new row widens a column."""

    def _update_dimensions(self, new_rows: Iterable[RowKey]) -> None:
        widths = [column.content_width for column in self.ordered_columns]
        super()._update_dimensions(new_rows)
        if widths != [column.content_width for column in self.ordered_columns]:
            self._clear_caches()  # cells drawn at the old widths are of no use
            self.refresh()
