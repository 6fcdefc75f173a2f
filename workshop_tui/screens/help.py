"""Every key of the screen the facilitator came from, with what it does, once each.

The help screen and the command palette read the same list: this app's own
keys (the screen's, its panels' and the app's), one row per action with all
of its keys, in the words of the bindings' tooltips. Keys that Textual's
widgets bring along (scrolling, copying, an input's cursor) are not listed:
they do what they always do.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache, partial

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult, SystemCommand
from textual.binding import ActiveBinding, Binding
from textual.containers import Vertical, VerticalScroll
from textual.dom import DOMNode
from textual.screen import Screen
from textual.widgets import Static

from workshop_tui.dialogs.dialog import Dialog
from workshop_tui.widgets.plain_text import visible

OWN_PACKAGE = "workshop_tui"


@dataclass(frozen=True)
class KeyRow:
    """One action of the screen: its keys, its name and what it does."""

    keys: str
    name: str
    does: str
    action: str
    node: DOMNode


def key_rows(screen: Screen) -> list[KeyRow]:
    """The app's own actions active on ``screen``: the focused panel's first (the board's
    keys, the ones looked for), then the screen's and the app's."""
    app = screen.app
    by_action: dict[str, tuple[list[str], Binding, DOMNode]] = {}
    for key, active in screen.active_bindings.items():
        binding = active.binding
        if not _ours(active) or not binding.description or not active.enabled:
            continue
        action = binding.action.removeprefix("app.")
        label = app.get_key_display(Binding(key, binding.action))
        if action not in by_action:
            first = binding.key_display or label
            by_action[action] = ([first], binding, active.node)
        labels = by_action[action][0]
        if label.lower() not in (shown.lower() for shown in labels):
            labels.append(label)
    rows = [
        KeyRow(" ".join(labels), binding.description, binding.tooltip or "", binding.action, node)
        for labels, binding, node in by_action.values()
    ]
    return sorted(rows, key=lambda row: row.node in (screen, app))  # stable: panel's first


def _ours(active: ActiveBinding) -> bool:
    """Whether a binding is this app's (not one a Textual class brings along)."""
    return not active.binding.system and active.binding.action in _own_actions(type(active.node))


@cache
def _own_actions(node_type: type[DOMNode]) -> frozenset[str]:
    """The actions bound by ``node_type`` and its bases of this package."""
    actions: set[str] = set()
    for cls in node_type.__mro__:
        if cls.__module__.startswith(OWN_PACKAGE):
            for binding in cls.__dict__.get("BINDINGS", ()):
                actions.add(binding.action if isinstance(binding, Binding) else binding[1])
    return frozenset(actions)


class HelpScreen(Dialog[None]):
    """The keys of a screen: the screen's and the app's first, then the focused panel's."""

    BINDINGS = [
        Binding("escape,question_mark,q", "dismiss", "Close", tooltip="Back to the workshop"),
    ]

    def __init__(self, origin: Screen) -> None:
        super().__init__(classes="dialog")
        self._rows = key_rows(origin)

    def compose(self) -> ComposeResult:
        table = Table(box=None, expand=True, show_edge=False, pad_edge=False)
        table.add_column(Text("Key"), no_wrap=True, style="bold")
        table.add_column(Text("Action"), no_wrap=True)
        table.add_column(Text("What it does"), ratio=1)
        for row in self._rows:
            table.add_row(*(Text(visible(cell)) for cell in (row.keys, row.name, row.does)))
        with Vertical(id="help-box"):
            yield Static("Keys", id="dialog-title")
            with VerticalScroll(id="help-table"):
                yield Static(table)
            yield Static(
                "Ctrl+P opens the command palette: every action is there too. Esc closes.",
                id="help-hint",
            )

    def on_mount(self) -> None:
        self.query_one("#help-table").focus()


def key_commands(screen: Screen) -> Iterator[SystemCommand]:
    """Every action of ``screen`` as a command of the palette, once each."""
    app = screen.app
    for row in key_rows(screen):
        yield SystemCommand(
            f"{row.name} ({row.keys})",
            row.does or row.name,
            partial(app.call_later, app.run_action, row.action, row.node),
        )
