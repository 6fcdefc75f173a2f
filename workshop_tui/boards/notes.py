"""The notes board: the notes captured on this part, newest at the bottom and in view."""

from __future__ import annotations

from typing import Any, ClassVar

from rich.cells import cell_len
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.strip import Strip
from textual.style import Style
from textual.visual import Visual
from textual.widgets import Static

from workshop_tui.boards.board import Board
from workshop_tui.domain.read_models.audience import Wording
from workshop_tui.domain.read_models.notes import NoteLine, NotesView
from workshop_tui.widgets.piecewise_scroll import PiecewiseScroll
from workshop_tui.widgets.plain_text import plain

NO_NOTES = Wording(
    "No notes on this part yet. Press n to capture a note.", "No notes on this part yet."
)
NOTE_KEY = Wording("  ·  n: capture a note", "")
"""After the count of notes: the key that captures one (the room is not told it)."""


class NotesScroll(PiecewiseScroll, inherit_bindings=False, can_focus=True):
    """The notes, a blank row above each, rendered only as they come into view.

    A part's notes were one text, wrapped whole (about 0.26 ms a note) every
    time a note was added. Here a note is wrapped when it comes into view and
    kept, so capturing one costs what a screenful costs at any count. Scrolls
    with the arrows and home/end only, leaving page keys to the screen.
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("up", "scroll_up", "Scroll up", show=False),
        Binding("down", "scroll_down", "Scroll down", show=False),
        Binding("home", "scroll_home", "First note", show=False),
        Binding("end", "scroll_end", "Last note", show=False),
    ]

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._notes: tuple[NoteLine, ...] = ()
        self._hint = ""
        self._wrapped: dict[tuple[NoteLine, int], list[Strip]] = {}

    def on_mount(self) -> None:
        self.watch(self.app, "theme", self._theme_changed, init=False)

    @property
    def text(self) -> str:
        """All it shows, as plain text: the notes, or the hint when there are none."""
        return "\n\n".join(_note_text(note).plain for note in self._notes) or self._hint

    def show(self, notes: tuple[NoteLine, ...], hint: str) -> None:
        """Show ``notes`` (or ``hint`` when there are none) with the newest in view."""
        kept = set(notes)
        self._wrapped = {key: rows for key, rows in self._wrapped.items() if key[0] in kept}
        self._notes = notes
        self._hint = hint
        self.set_class(not notes, "-empty")
        self.pieces_changed(to_end=True)

    def piece_count(self) -> int:
        return len(self._notes) or 1

    def estimate_piece(self, index: int, width: int) -> int:
        if not self._notes:
            return 1 + _rows_of(self._hint, width)
        note = self._notes[index]
        wrapped = self._wrapped.get((note, width))
        return len(wrapped) if wrapped else 1 + _rows_of(f"{note.time}  {note.text}", width)

    def render_piece(self, index: int, width: int) -> list[Strip]:
        if not self._notes:
            return [Strip.blank(0), *self._strips(Content(self._hint), width)]
        key = (self._notes[index], width)
        if self._wrapped and next(iter(self._wrapped))[1] != width:
            self._wrapped.clear()  # a new width: the rows at the old one are no use
        if key not in self._wrapped:
            self._wrapped[key] = [Strip.blank(0), *self._strips(_note_text(key[0]), width)]
        return self._wrapped[key]

    def _strips(self, text: Content, width: int) -> list[Strip]:
        return Visual.to_strips(self, text, width, None, Style())

    def _theme_changed(self) -> None:
        self._wrapped.clear()  # the time's accent colour is in the rows
        self.forget_rendering()


def _rows_of(text: str, width: int) -> int:
    """About how many rows ``text`` wraps to at ``width`` cells."""
    return sum(max(1, -(-cell_len(line) // width)) for line in text.split("\n"))


def _note_text(note: NoteLine) -> Content:
    if note.private:  # only the console's view holds one
        mark = ("private", "italic $text-warning")
        return Content.assemble((note.time, "bold $accent"), "  ", mark, "  ", plain(note.text))
    return Content.assemble((note.time, "bold $accent"), "  ", plain(note.text))


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
            overflow-x: hidden;
            scrollbar-size-vertical: 1;
        }
        #notes.-empty { color: $text-muted; text-style: italic; }
    }
    """

    def __init__(self, view: NotesView, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._view = view

    def compose(self) -> ComposeResult:
        yield Static(id="notes-count")
        yield NotesScroll(id="notes")

    def on_mount(self) -> None:
        self.show(self._view)

    def show(self, view: NotesView) -> None:
        """Show the notes with the newest in view."""
        self._view = view
        count = len(view.notes)
        self.query_one("#notes-count", Static).update(
            Content(f"{count} note{'s' if count != 1 else ''} on this part")
            + NOTE_KEY.to(view.audience)
        )
        self.query_one(NotesScroll).show(view.notes, NO_NOTES.to(view.audience))
