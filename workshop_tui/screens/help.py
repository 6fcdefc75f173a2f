"""Every key of the screen the facilitator came from, with what it does."""

from __future__ import annotations

from collections.abc import Iterator
from functools import partial

from textual.app import ComposeResult, SystemCommand
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen, Screen
from textual.widgets import DataTable, Static

from workshop_tui.plain_text import plain_rich


class HelpScreen(ModalScreen[None]):
    """The keys of a screen: those of the focused panel first, then the screen's and the app's."""

    BINDINGS = [
        Binding("escape,question_mark,q", "dismiss", "Close", tooltip="Back to the workshop"),
    ]

    def __init__(self, origin: Screen) -> None:
        super().__init__(classes="dialog")
        self._rows = _binding_rows(origin)

    def compose(self) -> ComposeResult:
        with Vertical(id="help-box"):
            yield Static("Keys", id="dialog-title")
            table: DataTable[object] = DataTable(
                cursor_type="row", zebra_stripes=True, id="help-table"
            )
            table.add_columns("Key", "Action", "What it does")
            for row in self._rows:
                table.add_row(*(plain_rich(cell) for cell in row))
            yield table
            yield Static(
                "Ctrl+P opens the command palette: every action is there too. Esc closes.",
                id="help-hint",
            )

    def on_mount(self) -> None:
        self.query_one(DataTable).focus()


def key_commands(screen: Screen) -> Iterator[SystemCommand]:
    """Every key of ``screen`` as a command of the palette (each action once)."""
    app = screen.app
    seen: set[str] = set()
    for active in screen.active_bindings.values():
        binding = active.binding
        if not active.enabled or not binding.description or binding.action in seen:
            continue
        seen.add(binding.action)
        label = binding.key_display or app.get_key_display(binding)
        yield SystemCommand(
            f"{binding.description} ({label})",
            binding.tooltip or binding.description,
            partial(app.call_later, app.run_action, binding.action, active.node),
        )


def _binding_rows(origin: Screen) -> list[tuple[str, str, str]]:
    rows: list[tuple[str, str, str]] = []
    seen: set[tuple[str, str]] = set()
    app = origin.app
    for key, active in origin.active_bindings.items():
        binding = active.binding
        if not binding.description or (binding.action, key) in seen:
            continue
        seen.add((binding.action, key))
        label = binding.key_display or app.get_key_display(binding)
        rows.append((label, binding.description, binding.tooltip or ""))
    return rows
