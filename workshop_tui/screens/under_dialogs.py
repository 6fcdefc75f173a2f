"""Screens that dialogs open over keep their layout while a dialog opens.

A dialog gets a Resize when it opens, and Textual passes it to every screen
under it, which lays itself out again (on the facilitation screen of a
1,000-record session, 10-15 ms, and one more whole frame of the dialog).
Nothing under a dialog moves when it opens: only a real change of the
terminal's size lays this screen out again.
"""

from __future__ import annotations

from textual.geometry import Size
from textual.screen import Screen


class KeepsLayoutUnderDialogs(Screen[None]):
    """A screen laid out again under a dialog only when the terminal's size changed."""

    def _screen_resized(self, size: Size) -> None:
        if self.app.screen is not self and size == self.size:  # under a dialog: it stays
            return
        super()._screen_resized(size)
