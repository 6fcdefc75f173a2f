"""The agenda table of the session notes: planned, added, taken away, allowed, actual, overrun."""

from __future__ import annotations

from workshop_tui.content.model import Script
from workshop_tui.domain.read_models.time_report import PartReport, timing_report, timing_totals
from workshop_tui.domain.snapshot import SessionSnapshot
from workshop_tui.export import escape
from workshop_tui.export.blocks import Lines, heading, table
from workshop_tui.export.timefmt import duration, signed

HEADERS = ["#", "Part", "Planned", "Added", "Taken away", "Allowed", "Actual", "Overrun", "Status"]


def _status(report: PartReport) -> str:
    if report.skipped:
        return "Skipped"
    if report.done:
        return "Done"
    if report.running:
        return "Running"
    return "Paused" if report.started else "Not reached"


def agenda(script: Script, session: SessionSnapshot) -> Lines:
    """One row per part and a total; overrun is measured against the time allowed."""
    reports = timing_report(script, session.timings)
    totals = timing_totals(reports)
    rows = [
        [
            str(number),
            escape.cell(report.name),
            duration(report.planned_seconds),
            signed(report.added_seconds),
            signed(-report.removed_seconds),
            duration(report.allowed_seconds),
            duration(report.actual_seconds),
            signed(report.overrun_seconds),
            _status(report),
        ]
        for number, report in enumerate(reports, start=1)
    ]
    rows.append(
        [
            "",
            "**Total**",
            f"**{duration(totals.planned_seconds)}**",
            signed(totals.added_seconds),
            signed(-totals.removed_seconds),
            f"**{duration(totals.allowed_seconds)}**",
            f"**{duration(totals.actual_seconds)}**",
            signed(totals.overrun_seconds),
            "",
        ]
    )
    return [heading(2, "Agenda"), "", *table(HEADERS, rows, right=(0, 2, 3, 4, 5, 6, 7))]
