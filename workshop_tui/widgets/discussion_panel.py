"""The discussion panel: the notes captured on this part, newest at the bottom.

Notes are append-only records added with the screen's ``n`` key; this panel
only shows them. The screen calls ``sync()`` after a note is added.
"""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import Static

from workshop_tui.domain.records import Note
from workshop_tui.widgets.activity import ActivityPanel
from workshop_tui.widgets.signoff_panel import local_time

EMPTY_HINT = "No notes on this part yet. Press n to capture a note."


class NotesScroll(VerticalScroll, inherit_bindings=False):
    """Scrolls with the arrows and home/end only, leaving page keys to the screen."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("up", "scroll_up", "Scroll up", show=False),
        Binding("down", "scroll_down", "Scroll down", show=False),
        Binding("home", "scroll_home", "First note", show=False),
        Binding("end", "scroll_end", "Last note", show=False),
    ]


class DiscussionPanel(ActivityPanel):
    """Read-only list of this part's notes, each with its time."""

    DEFAULT_CSS = """
    DiscussionPanel {
        height: 1fr;
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

    def compose(self) -> ComposeResult:
        yield Static("", id="notes-count", markup=False)
        with NotesScroll(id="notes"):
            yield Static("", id="notes-text")

    def notes(self) -> list[Note]:
        """This part's notes, in the order they were captured."""
        return [note for note in self.engine.session.notes if note.part_id == self.part.id]

    def sync(self) -> None:
        """Redraw the notes and bring the newest into view."""
        notes = self.notes()
        count = len(notes)
        self.query_one("#notes-count", Static).update(
            f"{count} note{'s' if count != 1 else ''} on this part  ·  n: capture a note"
        )
        text = self.query_one("#notes-text", Static)
        text.set_class(not notes, "-empty")
        if not notes:
            text.update(Content(EMPTY_HINT))
            return
        text.update(
            Content("\n\n").join(
                Content.assemble((local_time(note.at), "bold $accent"), "  ", note.text)
                for note in notes
            )
        )
        holder = self.query_one("#notes", NotesScroll)
        holder.call_after_refresh(holder.scroll_end, animate=False)
