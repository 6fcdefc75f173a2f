"""Lines of a board drawn by one OptionList, and driven only by the board's controls."""

from __future__ import annotations

from textual import events
from textual.widgets import OptionList


class BoardLines(OptionList):
    """An OptionList that ignores the mouse: the board's controls hold the selection.

    OptionList highlights (and selects) a clicked line, and every MRO handler of
    an event runs unless one prevents the default: a click on another column
    left two lines highlighted, and only one of them selected.
    """

    async def on_click(self, event: events.Click) -> None:
        event.prevent_default()

    def on_mouse_move(self, event: events.MouseMove) -> None:
        event.prevent_default()  # no hover highlight either
