"""The room view's full-screen timer: the countdown over the whole projector, on a key.

A small wrapper, so the room view can point at the console's own full-screen
timer once there is one: ``full_timer_screen`` is the one place that builds it.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Static

from workshop_tui.boards.timer import TimerBoard
from workshop_tui.domain.read_models.timing import TimerView
from workshop_tui.plain_text import plain


class FullTimerScreen(Screen[None]):
    """The part's name small, and the countdown filling everything else."""

    AUTO_FOCUS = None
    BINDINGS = [Binding("escape", "app.toggle_full_timer", "Back", show=False)]
    DEFAULT_CSS = """
    FullTimerScreen #full-part { height: 1; padding: 0 2; color: $text-muted; }
    FullTimerScreen #full-timer { height: 1fr; }
    FullTimerScreen #full-timer #countdown { height: 1fr; }
    FullTimerScreen #full-timer #workshop-line { height: 3; text-align: center; }
    """

    def compose(self) -> ComposeResult:
        yield Static(id="full-part")
        yield TimerBoard(id="full-timer")

    def show(self, view: TimerView, part_name: str) -> None:
        """Draw the countdown and the part it belongs to."""
        self.query_one("#full-part", Static).update(plain(part_name))
        self.query_one(TimerBoard).show(view)


def full_timer_screen() -> FullTimerScreen:
    """The full-screen timer the room view shows on ``f``."""
    return FullTimerScreen()
