"""A part's planned-against-actual figures in words, the same on screen, in the terminal
and in the notes: "3", "12m", "10m", "14m", "20m", "2 of 3"."""

from __future__ import annotations

from collections.abc import Iterable

from workshop_tui.domain.living.part_stats import PartFigures, worst_first
from workshop_tui.export.timefmt import duration


def part_figure_cells(figures: PartFigures) -> tuple[str, ...]:
    """Runs, planned, allowed (median), actual (median), worst and "overran N of M"."""
    return (
        str(figures.runs),
        duration(figures.planned),
        duration(figures.allowed_median),
        duration(figures.actual_median),
        duration(figures.actual_worst),
        f"{figures.overruns} of {figures.runs}",
    )


def overran_most(figures: Iterable[PartFigures], limit: int = 3) -> str:
    """The parts whose median run overran most, with by how much: "Promises (+4m), …";
    empty when none overran."""
    over = [f for f in worst_first(figures) if f.overrun_median > 0][:limit]
    return ", ".join(f"{f.name} (+{duration(f.overrun_median)})" for f in over)
