"""The room view's full-screen timer: the console's own board over the whole projector."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen

from workshop_tui.boards.full_timer import FullTimer
from workshop_tui.domain.read_models.timing import TimerView


class FullTimerScreen(Screen[None]):
    """The part's name small, and the countdown filling everything else."""

    AUTO_FOCUS = None
    BINDINGS = [Binding("escape", "app.toggle_full_timer", "Back", show=False)]

    def compose(self) -> ComposeResult:
        yield FullTimer()

    def show(self, view: TimerView, part_name: str) -> None:
        """Draw the countdown and the part it belongs to."""
        self.query_one(FullTimer).show(view, part_name)


def full_timer_screen() -> FullTimerScreen:
    """The full-screen timer the room view shows on ``f``."""
    return FullTimerScreen()
