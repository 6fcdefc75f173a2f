"""The notes of the current part, over any part: seen without leaving it (N, or Esc, closes)."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.widgets import Static

from workshop_tui.boards.notes import NotesBoard
from workshop_tui.dialogs.dialog import Dialog
from workshop_tui.domain.read_models.notes import NotesView
from workshop_tui.widgets.plain_text import plain


class PartNotesScreen(Dialog[bool]):
    """This part's notes, newest at the bottom and in view; True when one is to be corrected."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,N,q", "dismiss(False)", "Close", tooltip="Back to the part"),
        Binding("c", "dismiss(True)", "Correct", tooltip="Correct or retract a note"),
    ]

    DEFAULT_CSS = """
    PartNotesScreen #dialog-box { height: 80%; }
    PartNotesScreen NotesBoard { height: 1fr; }
    """

    def __init__(self, part_name: str, view: NotesView) -> None:
        super().__init__(classes="dialog")
        self._part_name = part_name
        self._view = view

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog-box"):
            yield Static(plain(f"Notes on “{self._part_name}”"), id="dialog-title")
            yield NotesBoard(self._view)
            yield Static(
                "Esc closes · c corrects or retracts a note · n on the part captures another",
                id="dialog-keys",
            )
