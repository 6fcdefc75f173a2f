"""The full-screen timer: the countdown fills the terminal; every timing key still works.

Pushed over the facilitation screen (its key, or Escape, comes back); the
timing keys are handed to that screen, so starting, pausing, extending and
moving between parts behave exactly as they do there.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar, Protocol

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import Screen

from workshop_tui.boards.full_timer import FullTimer
from workshop_tui.domain.read_models.timing import timer_view
from workshop_tui.screens.facilitate_keys import EXTEND, MOVE
from workshop_tui.widgets.footer import Footer

if TYPE_CHECKING:
    from workshop_tui.domain.engine import SessionEngine


class Console(Protocol):
    """The facilitation screen the full timer stands in for: its session, its bell, and its
    timing actions (``action_toggle_timer``, ``action_next_part`` ...)."""

    engine: SessionEngine
    bell_on: bool


TICK_SECONDS = 0.2


class FullTimerScreen(Screen[None]):
    """The countdown of the console's session, across the whole terminal."""

    PAUSE_GC_ON_KEYS: ClassVar[bool] = True

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("space", "console('toggle_timer')", "Timer", tooltip="Start or pause the timer"),
        Binding(
            "pagedown,greater_than_sign",
            "console('next_part')",
            "Next part",
            group=MOVE,
            key_display="PgDn",
            tooltip="Close this part and go to the next",
        ),
        Binding(
            "pageup,less_than_sign",
            "console('previous_part')",
            "Previous part",
            group=MOVE,
            key_display="PgUp",
            tooltip="Go back to the previous part",
        ),
        Binding("e", "console('extend', 60)", "+1 minute", group=EXTEND, tooltip="One more minute"),
        Binding(
            "E", "console('extend', 300)", "+5 minutes", group=EXTEND, tooltip="Five more minutes"
        ),
        Binding(
            "z,escape", "back", "Back", key_display="z", tooltip="Back to the facilitation screen"
        ),
    ]

    def __init__(self, console: Console) -> None:
        super().__init__()
        self.console = console

    def compose(self) -> ComposeResult:
        yield FullTimer()
        yield Footer(show_command_palette=False)

    def on_mount(self) -> None:
        self.draw()
        self.set_interval(TICK_SECONDS, self._tick)

    def draw(self) -> None:
        """The console's session as it stands now."""
        engine = self.console.engine
        elapsed = [engine.timing.elapsed(index) for index in range(len(engine.session.timings))]
        view = timer_view(engine.script, engine.session, elapsed)
        self.query_one(FullTimer).show(view, engine.part.name, bell_on=self.console.bell_on)

    def _tick(self) -> None:
        if self.console.engine.timing.running:
            self.draw()

    async def action_console(self, action: str, *args: object) -> None:
        """Run the console's own timing action, then draw what it changed."""
        result = getattr(self.console, f"action_{action}")(*args)
        if result is not None:
            await result
        self.draw()

    def action_back(self) -> None:
        self.dismiss()
