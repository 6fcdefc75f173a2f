"""The notes board: the notes captured on this part, newest at the bottom and in view."""

from __future__ import annotations

from typing import Any, ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import Static

from workshop_tui.boards.board import Board
from workshop_tui.domain.read_models.audience import Wording
from workshop_tui.domain.read_models.notes import NotesView
from workshop_tui.plain_text import plain

NO_NOTES = Wording(
    "No notes on this part yet. Press n to capture a note.", "No notes on this part yet."
)
NOTE_KEY = Wording("  ·  n: capture a note", "")
"""After the count of notes: the key that captures one (the room is not told it)."""


class NotesScroll(VerticalScroll, inherit_bindings=False):
    """Scrolls with the arrows and home/end only, leaving page keys to the screen."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("up", "scroll_up", "Scroll up", show=False),
        Binding("down", "scroll_down", "Scroll down", show=False),
        Binding("home", "scroll_home", "First note", show=False),
        Binding("end", "scroll_end", "Last note", show=False),
    ]


class NotesBoard(Board):
    """This part's notes, each with its time."""

    DEFAULT_CSS = """
    NotesBoard {
        #notes-count {
            height: 1;
            padding: 0 1;
            background: $boost;
            text-style: bold;
        }
        #notes {
            height: 1fr;
            padding: 0 1;
            scrollbar-size-vertical: 1;
        }
        #notes-text { padding: 1 0 0 0; }
        #notes-text.-empty { color: $text-muted; text-style: italic; }
    }
    """

    def __init__(self, view: NotesView, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._view = view

    def compose(self) -> ComposeResult:
        yield Static(id="notes-count")
        with NotesScroll(id="notes"):
            yield Static(id="notes-text")

    def on_mount(self) -> None:
        self.show(self._view)

    def show(self, view: NotesView) -> None:
        """Draw the notes and bring the newest into view."""
        self._view = view
        count = len(view.notes)
        self.query_one("#notes-count", Static).update(
            Content(f"{count} note{'s' if count != 1 else ''} on this part")
            + NOTE_KEY.to(view.audience)
        )
        text = self.query_one("#notes-text", Static)
        text.set_class(not view.notes, "-empty")
        if not view.notes:
            text.update(Content(NO_NOTES.to(view.audience)))
            return
        text.update(
            Content("\n\n").join(
                Content.assemble((note.time, "bold $accent"), "  ", plain(note.text))
                for note in view.notes
            )
        )
        holder = self.query_one("#notes", NotesScroll)
        holder.call_after_refresh(holder.scroll_end, animate=False)
