"""Planned against actual across sessions: per part, what the script planned and what it took.

A part counts in a session once it was done (skipped parts and parts never
reached say nothing about how long the part takes). Parts are matched by id
within one script; the figures are whole seconds: the median and the worst of
the time planned, allowed (planned, plus added, less taken away) and actual,
and how many runs overran the time allowed. The parts that overrun most come
first in ``worst_first``, so the facilitator knows what to re-plan.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from statistics import median
from typing import TYPE_CHECKING

from workshop_tui.domain.read_models.time_report import timing_report

if TYPE_CHECKING:
    from workshop_tui.content.model import Script
    from workshop_tui.domain.snapshot import PartTiming


@dataclass(frozen=True, slots=True)
class PartFigures:
    """One part of a script across the sessions that ran it."""

    script_id: str
    part_id: str
    name: str
    runs: int
    planned: int
    """The median time planned (the script may have changed between sessions)."""
    allowed_median: int
    actual_median: int
    actual_worst: int
    overrun_median: int
    overrun_worst: int
    overruns: int
    """How many runs went beyond the time allowed."""


def part_figures(runs: Iterable[tuple[Script, Sequence[PartTiming]]]) -> list[PartFigures]:
    """Each part's figures across ``runs`` (a script and one session's part timings each), in
    the order the parts first appear."""
    seen: dict[tuple[str, str], dict[str, list[int] | str]] = {}
    for script, timings in runs:
        for report in timing_report(script, timings):
            if not report.done or report.skipped:
                continue
            entry = seen.setdefault(
                (script.id, report.part_id),
                {"name": report.name, "planned": [], "allowed": [], "actual": [], "over": []},
            )
            entry["name"] = report.name  # the latest name it was run under
            allowed = report.planned_seconds + report.extra_seconds
            for field, value in (
                ("planned", report.planned_seconds),
                ("allowed", allowed),
                ("actual", report.actual_seconds),
                ("over", report.overrun_seconds),
            ):
                figures = entry[field]
                assert isinstance(figures, list)
                figures.append(value)
    return [_figures(script_id, part_id, entry) for (script_id, part_id), entry in seen.items()]


def worst_first(figures: Iterable[PartFigures]) -> list[PartFigures]:
    """The parts that overrun most first (median overrun, then worst, then how often)."""
    return sorted(figures, key=lambda f: (-f.overrun_median, -f.overrun_worst, -f.overruns))


def _figures(script_id: str, part_id: str, entry: dict[str, list[int] | str]) -> PartFigures:
    def values(field: str) -> list[int]:
        found = entry[field]
        assert isinstance(found, list)
        return found

    over = values("over")
    return PartFigures(
        script_id=script_id,
        part_id=part_id,
        name=str(entry["name"]),
        runs=len(over),
        planned=round(median(values("planned"))),
        allowed_median=round(median(values("allowed"))),
        actual_median=round(median(values("actual"))),
        actual_worst=max(values("actual")),
        overrun_median=round(median(over)),
        overrun_worst=max(over),
        overruns=sum(1 for seconds in over if seconds > 0),
    )
