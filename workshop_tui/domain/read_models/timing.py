"""The countdown, the status under it and the agenda: where the session stands in time.

Seconds run per part come in from outside: the console hands in the engine's
monotonic readings, the room view ``live_elapsed`` from the stored timestamps
and its clock. Everything else is folded from the snapshot.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from workshop_tui.domain.kinds import SessionState

if TYPE_CHECKING:
    from workshop_tui.content.model import Script
    from workshop_tui.domain.snapshot import SessionSnapshot

DONE, SKIPPED, CURRENT, UPCOMING = "done", "skipped", "current", "upcoming"


@dataclass(frozen=True, slots=True)
class AgendaLine:
    """One part on the agenda: where it stands, planned against actual."""

    status: str
    """``done``, ``skipped``, ``current`` or ``upcoming``."""
    name: str
    planned_seconds: int
    allowed_seconds: int
    actual_seconds: float


@dataclass(frozen=True, slots=True)
class TimerView:
    """The current part's countdown and the workshop's figures."""

    remaining: float
    """Seconds left in the current part; negative when over time."""
    running: bool
    started: bool
    """Whether the workshop has begun (its first part was ever started)."""
    extra_seconds: int
    """Time given to the current part (negative when some was taken away)."""
    workshop_remaining: float
    slack: float
    """Budget left after the planned time of the work still to do; negative: behind plan."""
    agenda: tuple[AgendaLine, ...]


def live_elapsed(session: SessionSnapshot, now: datetime) -> list[float]:
    """Seconds each part has run, the current run counted from its stored start up to ``now``."""
    elapsed = []
    for index, timing in enumerate(session.timings):
        seconds = timing.elapsed_seconds
        if index == session.current_part and timing.running_since is not None:
            seconds += max(0.0, (now - timing.running_since).total_seconds())
        elapsed.append(seconds)
    return elapsed


def timer_view(script: Script, session: SessionSnapshot, elapsed: Sequence[float]) -> TimerView:
    """The countdown and agenda of ``session``, given the seconds each part has run."""
    current = session.current_part
    timings = session.timings
    timing = timings[current]
    remaining = timing.allowed_seconds - elapsed[current]
    workshop_remaining = script.duration - sum(elapsed)
    to_do = max(0.0, remaining)
    for index in range(current + 1, len(timings)):
        later = timings[index]
        if not later.done:
            to_do += max(0.0, later.allowed_seconds - later.elapsed_seconds)
    finished = session.state is SessionState.FINISHED
    agenda = []
    for index, (part, part_timing) in enumerate(zip(script.parts, timings, strict=True)):
        if index == current and not finished:
            status = CURRENT
        elif part_timing.skipped:
            status = SKIPPED
        elif part_timing.finished_at is not None:
            status = DONE
        else:
            status = UPCOMING
        agenda.append(
            AgendaLine(
                status, part.name, part.duration, part_timing.allowed_seconds, elapsed[index]
            )
        )
    return TimerView(
        remaining=remaining,
        running=timing.running_since is not None,
        started=session.started_at is not None,
        extra_seconds=timing.extra_seconds,
        workshop_remaining=workshop_remaining,
        slack=workshop_remaining - to_do,
        agenda=tuple(agenda),
    )
