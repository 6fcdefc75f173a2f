"""A discussion part has no keys of its own: the screen's ``n`` captures notes, shown here."""

from __future__ import annotations

from textual.app import ComposeResult

from workshop_tui.boards.notes import NotesBoard
from workshop_tui.controls.base import ActivityControls
from workshop_tui.domain.read_models.notes import notes_view


class DiscussionControls(ActivityControls):
    """The part's notes, newest at the bottom; the screen redraws them after each note."""

    def compose(self) -> ComposeResult:
        yield NotesBoard(notes_view(self.part, self.engine.session))

    def redraw(self) -> None:
        if self.is_mounted:
            self.query_one(NotesBoard).show(notes_view(self.part, self.engine.session))
