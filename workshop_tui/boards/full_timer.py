"""The countdown across the whole terminal, as termdown draws it: for the back of a long room.

Read-only like every board: ``show(view, part_name)`` draws it from the
timing read model, so the console and the room view can both put it on screen.
"""

from __future__ import annotations

from typing import Any

from textual.app import ComposeResult
from textual.containers import Vertical

from workshop_tui.boards.countdown import BigCountdown
from workshop_tui.boards.status_lines import StatusLines
from workshop_tui.boards.timer import status_lines
from workshop_tui.domain.read_models.timing import TimerView
from workshop_tui.widgets.plain_text import visible


class FullTimer(Vertical):
    """The part's name, the countdown as large as the terminal allows, and the status lines."""

    DEFAULT_CSS = """
    FullTimer { height: 1fr; width: 1fr; padding: 1 2; }
    FullTimer > #full-part { height: 1; }
    FullTimer > BigCountdown { height: 1fr; }
    FullTimer > #full-status { height: 3; }
    """

    def compose(self) -> ComposeResult:
        yield StatusLines(id="full-part")
        yield BigCountdown(id="full-countdown")
        yield StatusLines(id="full-status")

    _latest: tuple[TimerView, str, dict[str, Any]] | None = None

    def show(self, view: TimerView, part_name: str, **status: Any) -> None:
        """Draw ``view`` for the part called ``part_name``; ``status`` goes to ``status_lines``.
        Shown before its lines are composed (a clock tick as the screen opens), it is drawn
        when they are."""
        self._latest = (view, part_name, status)
        if self.query("#full-status"):
            self._draw(view, part_name, status)

    def on_mount(self) -> None:
        if self._latest is not None:
            self._draw(*self._latest)

    def _draw(self, view: TimerView, part_name: str, status: dict[str, Any]) -> None:
        self.query_one("#full-part", StatusLines).show([visible(part_name)])
        countdown = self.query_one(BigCountdown)
        countdown.seconds = view.remaining
        countdown.paused = not view.running
        self.query_one("#full-status", StatusLines).show(status_lines(view, **status))
