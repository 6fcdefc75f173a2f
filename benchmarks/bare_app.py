"""The yardstick for UI speed: a bare Textual app with a Header, a Digits and a Footer.

Press space and the number goes up by one, so the harness can compare this
app's keypress-to-screen latency with workshop-tui's.
Run it: ``.venv/bin/python benchmarks/bare_app.py``.
"""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.widgets import Digits, Footer, Header

TITLE = "Bare reference app"
"""Text the harness waits for to know the first frame is up."""


class BareApp(App[None]):
    """Header, Digits and Footer; space counts up."""

    TITLE = TITLE
    CSS = """
    Screen { align: center middle; }
    Digits { width: auto; }
    """
    BINDINGS = [
        Binding("space", "count", "Count", tooltip="Add one to the number", id="bare.count"),
        Binding("q", "quit", "Quit", tooltip="Leave the app", id="bare.quit"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.count = 0

    def compose(self) -> ComposeResult:
        yield Header()
        yield Digits("0")
        yield Footer()

    def action_count(self) -> None:
        """Show the next number."""
        self.count += 1
        self.query_one(Digits).update(str(self.count))


if __name__ == "__main__":
    BareApp().run()
