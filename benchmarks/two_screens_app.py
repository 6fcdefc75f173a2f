"""The yardstick for screen changes: a bare Textual app switching between two screens.

Each screen holds a Header, a paragraph, a 30-row DataTable and a Footer, as
the issue asks; PgDn and PgUp switch to the other screen (built anew each
time, as workshop-tui builds a new part's panel), ``d`` opens a small
dialog and Escape closes it. The harness waits for the marker each screen
shows (``Screen A ready``, ``Screen B ready``, ``Dialog ready``).
Run it: ``.venv/bin/python benchmarks/two_screens_app.py``.
"""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen, Screen
from textual.widgets import Button, DataTable, Footer, Header, Input, Static

TITLE = "Two screens reference app"
PARAGRAPH = (
    "A paragraph of prose the size of a part's goal and prompts, wrapped over a few lines, "
    "so that the yardstick lays out text as well as a table. " * 3
)


class TableScreen(Screen[None]):
    """Header, paragraph, 30-row table, footer; PgDn/PgUp go to the other screen."""

    BINDINGS = [
        Binding("pagedown", "app.other", "Other screen", priority=True),
        Binding("pageup", "app.other", "Other screen", priority=True),
        Binding("d", "app.dialog", "Dialog", priority=True),
    ]

    def __init__(self, name: str) -> None:
        super().__init__(name=name)

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(f"Screen {self.name} ready", markup=False)
        yield Static(PARAGRAPH, markup=False)
        table: DataTable[str] = DataTable()
        table.add_columns("#", "Item", "Owner", "Due", "State")
        for row in range(30):
            table.add_row(str(row), f"Item {row} of screen {self.name}", "Ana", "fri", "open")
        yield table
        yield Footer()


class SmallDialog(ModalScreen[None]):
    """A title, one input and two buttons."""

    BINDINGS = [Binding("escape", "dismiss", "Close")]
    CSS = "SmallDialog { align: center middle; } #box { width: 60; height: auto; }"

    def compose(self) -> ComposeResult:
        with Vertical(id="box"):
            yield Static("Dialog ready", markup=False)
            yield Input(placeholder="A note")
            yield Button("Save")
            yield Button("Cancel")


class TwoScreensApp(App[None]):
    """Switches between two table screens."""

    TITLE = TITLE
    CSS = "DataTable { height: 1fr; }"  # the screen fits the terminal, as ours does

    def on_mount(self) -> None:
        self.push_screen(TableScreen("A"))

    def action_other(self) -> None:
        """A new screen each time, as a new part builds a new panel."""
        self.switch_screen(TableScreen("B" if self.screen.name == "A" else "A"))

    def action_dialog(self) -> None:
        self.push_screen(SmallDialog())


if __name__ == "__main__":
    TwoScreensApp().run()
