"""The base of every dialog: fits the terminal, and dims the screen under it cheaply.

Textual dims the screen under a dialog by blending every segment of it with
the dialog's translucent background, on every frame the dialog draws: over
the facilitation screen that was about 20 ms a frame, and a dialog draws
four or five frames as it opens. The screen under a dialog has a few dozen
distinct styles, so each is blended once and remembered.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

from rich.console import RenderableType
from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.color import Color
from textual.geometry import Size
from textual.renderables.background_screen import BackgroundScreen
from textual.screen import ModalScreen, ScreenResultType
from textual.widget import Widget

from workshop_tui.textual_fixes import release_removed_widgets

NO_STYLE = Style()


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


class Dialog(ModalScreen[ScreenResultType]):
    """A modal screen over a dimmed copy of the screen under it, let go of when it closes.

    When its ``#dialog-box`` is taller than the terminal, the ``#dialog-fields`` in it
    scroll and its buttons stay in view (the ``-scrolls`` class, in app.tcss).
    """

    _resumed_before = False

    def on_mount(self) -> None:  # Textual calls each class's handler: subclasses add theirs
        self.call_after_refresh(self._fit)

    def on_screen_resume(self, event: events.ScreenResume) -> None:
        """Runs before Textual's own handler: a dialog just mounted was styled as it mounted,
        and restyling it all again cost one more frame as it opened."""
        if not self._resumed_before:
            self._resumed_before = True
            event.refresh_styles = False

    def _screen_resized(self, size: Size) -> None:
        """The Resize a dialog gets as it opens finds it laid out at that size already
        (when it resumed): laying it out again drew one more whole frame."""
        if size != self._size:
            super()._screen_resized(size)

    def on_resize(self) -> None:
        self.remove_class("-scrolls")
        self.call_after_refresh(self._fit)

    def _fit(self) -> None:
        for box in self.query("#dialog-box").results(Widget):
            needed = sum(child.outer_size.height for child in box.children)
            self.set_class(needed > box.content_size.height, "-scrolls")

    def on_unmount(self) -> None:
        release_removed_widgets()

    def render(self) -> RenderableType:
        shown = super().render()
        if type(shown) is BackgroundScreen:
            return DimmedScreen(shown.screen, shown.color)
        return shown
