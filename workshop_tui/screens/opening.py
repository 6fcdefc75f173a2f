"""The first frame, shown while the database and the script open in the background."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Center, Middle
from textual.screen import Screen
from textual.widgets import Static

from workshop_tui.widgets.plain_text import plain


class OpeningScreen(Screen[None]):
    """Shown while scripts and the database open in the background."""

    def __init__(self, message: str) -> None:
        super().__init__()
        self._message = message

    def compose(self) -> ComposeResult:
        with Middle(), Center():
            yield Static("workshop-tui", id="opening-title")
            yield Static(plain(self._message), id="opening-message")
