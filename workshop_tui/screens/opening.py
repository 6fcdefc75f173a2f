"""The first frame, and the screen for a problem the app cannot get past."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Center, Middle
from textual.screen import Screen
from textual.widgets import Footer, Static


class OpeningScreen(Screen[None]):
    """Shown while scripts and the database open in the background."""

    def __init__(self, message: str) -> None:
        super().__init__()
        self._message = message

    def compose(self) -> ComposeResult:
        with Middle(), Center():
            yield Static("workshop-tui", id="opening-title")
            yield Static(self._message, id="opening-message", markup=False)


class ErrorScreen(Screen[None]):
    """One clear sentence about what went wrong and where; q quits with status 2."""

    BINDINGS = [Binding("escape", "app.request_quit", "Quit", show=False)]

    def __init__(self, message: str) -> None:
        super().__init__()
        self._message = message

    def compose(self) -> ComposeResult:
        with Middle(), Center(id="error-box"):
            yield Static("workshop-tui cannot continue", id="error-title")
            yield Static(self._message, id="error-message", markup=False)
            yield Static("Press q to quit.", id="error-hint")
        yield Footer()
