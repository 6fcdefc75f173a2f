"""The countdown and the three status lines under it: the part's state, the workshop, the plan."""

from __future__ import annotations

from typing import Any

from textual.app import ComposeResult
from textual.containers import Vertical

from workshop_tui.boards.countdown import BigCountdown
from workshop_tui.boards.status_lines import Line, StatusLines
from workshop_tui.content.durations import format_clock, format_duration
from workshop_tui.domain.read_models.timing import TimerView


def status_lines(view: TimerView, *, bell_on: bool = False) -> tuple[Line, Line, Line]:
    """The part's state (longest wording first), the workshop's time left, ahead or behind."""
    slack = view.slack
    if abs(slack) < 60:
        plan = "on plan"
    elif slack > 0:
        plan = f"{format_duration(round(slack / 60) * 60)} ahead of plan"
    else:
        plan = f"{format_duration(round(-slack / 60) * 60)} behind plan"
    state = "running" if view.running else "paused" if view.started else "not started"
    extra = view.extra_seconds
    extra_time = f"{'+' if extra > 0 else '-'}{format_duration(abs(extra))}" if extra else ""
    given = f" · {extra_time} given" if extra else ""
    short_given = f" · {extra_time}" if extra else ""
    bell = " · bell on" if bell_on else ""
    short_bell = " · bell" if bell_on else ""
    part_line = (  # the longest wording that fits the side bar is shown
        f"Part {state}{given}{bell}",
        f"Part {state}{short_given}{bell}",
        f"{state.capitalize()}{short_given}{short_bell}",
    )
    return part_line, f"Workshop {format_clock(view.workshop_remaining)} left", plan


class TimerBoard(Vertical):
    """The big countdown the back row reads, and the status lines under it."""

    def compose(self) -> ComposeResult:
        yield BigCountdown(id="countdown")
        yield StatusLines(id="workshop-line")

    def show(self, view: TimerView, **status: Any) -> None:
        """Draw ``view``; ``status`` goes to ``status_lines`` (the console's ``bell_on``)."""
        countdown = self.query_one(BigCountdown)
        countdown.seconds = view.remaining
        countdown.paused = not view.running
        self.query_one(StatusLines).show(status_lines(view, **status))
