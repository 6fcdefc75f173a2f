"""Planned, allowed and actual time: the agenda the screen draws and the report the export writes.

A part's allowed time is its planned time plus what was added, less what was
taken away; overrun is measured against the allowed time, so a part given a
minute more and run to its new end is on time. Everything here is computed
from the script and the session snapshot, so a second, read-only process (the
room view) draws the same agenda as the facilitator's screen.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from workshop_tui.domain.kinds import SessionState
from workshop_tui.domain.snapshot import PartTiming, SessionSnapshot

if TYPE_CHECKING:
    from workshop_tui.content.model import Script


def overrun(actual_seconds: float, allowed_seconds: float) -> float:
    """Time run beyond the time allowed; never negative."""
    return max(0.0, actual_seconds - allowed_seconds)


def live_elapsed(timing: PartTiming, now: datetime) -> float:
    """Seconds a part has run, counting a run still going on at ``now`` (by wall time)."""
    if timing.running_since is None:
        return timing.elapsed_seconds
    return timing.elapsed_seconds + max(0.0, (now - timing.running_since).total_seconds())


@dataclass(frozen=True, slots=True)
class AgendaRow:
    """One line of the agenda: where a part stands, planned against actual."""

    index: int
    part_id: str
    name: str
    status: str  # "done", "skipped", "current", "upcoming"
    planned_start: datetime
    planned_end: datetime
    planned_seconds: int
    allowed_seconds: int
    actual_seconds: float
    added_seconds: int = 0
    removed_seconds: int = 0

    @property
    def overrun_seconds(self) -> float:
        """Actual time beyond the time allowed (planned, plus added, less taken away)."""
        return overrun(self.actual_seconds, self.allowed_seconds)


def agenda_rows(
    script: Script, session: SessionSnapshot, elapsed: Sequence[float], start: datetime
) -> list[AgendaRow]:
    """Every part with its planned slot from ``start``; ``elapsed`` holds each part's run time."""
    finished = session.state is SessionState.FINISHED
    rows: list[AgendaRow] = []
    offset = 0
    for i, (part, timing) in enumerate(zip(script.parts, session.timings, strict=True)):
        if i == session.current_part and not finished:
            status = "current"
        elif timing.skipped:
            status = "skipped"
        elif timing.finished_at is not None:
            status = "done"
        else:
            status = "upcoming"
        planned_start = start + timedelta(seconds=offset)
        offset += part.duration
        rows.append(
            AgendaRow(
                i,
                part.id,
                part.name,
                status,
                planned_start,
                start + timedelta(seconds=offset),
                part.duration,
                timing.allowed_seconds,
                elapsed[i],
                timing.added_seconds,
                timing.removed_seconds,
            )
        )
    return rows


@dataclass(frozen=True, slots=True)
class PartReport:
    """Planned, allowed and actual time of one part, in whole seconds."""

    part_id: str
    name: str
    planned_seconds: int
    actual_seconds: int
    extra_seconds: int
    """The net change to the part's time: added less taken away."""
    overrun_seconds: int
    """Actual time beyond the time allowed, never negative."""
    skipped: bool
    done: bool
    running: bool = False
    started: bool = False
    added_seconds: int = 0
    removed_seconds: int = 0

    @property
    def allowed_seconds(self) -> int:
        return self.planned_seconds + self.extra_seconds


@dataclass(frozen=True, slots=True)
class TimingTotals:
    """Sums over a timing report; ``overrun_seconds`` is the sum of the parts' overruns."""

    planned_seconds: int
    actual_seconds: int
    extra_seconds: int
    overrun_seconds: int
    added_seconds: int = 0
    removed_seconds: int = 0

    @property
    def allowed_seconds(self) -> int:
        return self.planned_seconds + self.extra_seconds


def timing_report(script: Script, timings: Sequence[PartTiming]) -> list[PartReport]:
    """One report per part of ``script``, in script order.

    Actual time is the part's ``elapsed_seconds``, which the engine brings up
    to date whenever a part stops running. A part still ``running_since`` at
    export time counts only its elapsed seconds so far: the running stretch is
    not added, so the report never depends on the current time. A part with no
    timing is reported as not started; timings of unknown parts are ignored.
    """
    by_part = {timing.part_id: timing for timing in timings}
    reports: list[PartReport] = []
    for part in script.parts:
        timing = by_part.get(part.id)
        if timing is None:
            reports.append(
                PartReport(part.id, part.name, part.duration, 0, 0, 0, skipped=False, done=False)
            )
            continue
        actual = round(timing.elapsed_seconds)
        reports.append(
            PartReport(
                part_id=part.id,
                name=part.name,
                planned_seconds=timing.planned_seconds,
                actual_seconds=actual,
                extra_seconds=timing.extra_seconds,
                overrun_seconds=round(overrun(actual, timing.allowed_seconds)),
                skipped=timing.skipped,
                done=timing.done,
                running=timing.running_since is not None,
                started=timing.started_at is not None or actual > 0,
                added_seconds=timing.added_seconds,
                removed_seconds=timing.removed_seconds,
            )
        )
    return reports


def timing_totals(reports: Sequence[PartReport]) -> TimingTotals:
    """Planned, actual, added, taken away and overrun time summed over ``reports``."""
    return TimingTotals(
        planned_seconds=sum(report.planned_seconds for report in reports),
        actual_seconds=sum(report.actual_seconds for report in reports),
        extra_seconds=sum(report.extra_seconds for report in reports),
        overrun_seconds=sum(report.overrun_seconds for report in reports),
        added_seconds=sum(report.added_seconds for report in reports),
        removed_seconds=sum(report.removed_seconds for report in reports),
    )
