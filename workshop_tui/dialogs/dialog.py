"""The base of every dialog: fits the terminal, opens laid out once, over a dimmed screen
(``textual_fixes.OpensLaidOut``), and lets go of Textual's caches when it closes."""

from __future__ import annotations

from textual import events
from textual.screen import ScreenResultType
from textual.widget import Widget

from workshop_tui.textual_fixes import OpensLaidOut, release_removed_widgets


class Dialog(OpensLaidOut[ScreenResultType]):
    """A modal screen over a dimmed copy of the screen under it, let go of when it closes.

    When its ``#dialog-box`` is taller than the terminal, the ``#dialog-fields`` in it
    scroll and its buttons stay in view (the ``-scrolls`` class, in app.tcss).
    """

    _resumed_before = False

    def on_mount(self) -> None:  # Textual calls each class's handler: subclasses add theirs
        self.call_after_refresh(self._open)

    def _open(self) -> None:
        """Fit, then show the top: its question and its first field's label, not only the field
        (focusing the first field had scrolled them out of a box laid out before it fitted)."""
        self._fit()
        for fields in self.query("#dialog-fields").results(Widget):
            fields.call_after_refresh(fields.scroll_home, animate=False, immediate=True)

    def on_screen_resume(self, event: events.ScreenResume) -> None:
        """Runs before Textual's own handler: a dialog just mounted was styled as it mounted,
        and restyling it all again cost one more frame as it opened."""
        if not self._resumed_before:
            self._resumed_before = True
            event.refresh_styles = False

    def on_resize(self) -> None:
        self.remove_class("-scrolls")
        self.call_after_refresh(self._fit)

    def _fit(self) -> None:
        for box in self.query("#dialog-box").results(Widget):
            needed = sum(child.outer_size.height for child in box.children)
            self.set_class(needed > box.content_size.height, "-scrolls")

    def on_unmount(self) -> None:
        release_removed_widgets()
