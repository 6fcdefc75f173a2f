"""The check that a script's parts add up to the time it declares, in either direction."""

from __future__ import annotations

from workshop_tui.content.durations import format_duration
from workshop_tui.content.model import Script
from workshop_tui.content.problems import Problem, Severity


def parts_total_warnings(name: str, line: int | None, field: str, script: Script) -> list[Problem]:
    """A warning when the parts need more, or less, time than the script's duration."""
    planned, declared = script.planned_seconds, script.duration
    if planned == declared:
        return []
    more_or_less = "more" if planned > declared else "less"
    message = (
        f"the parts add up to {format_duration(planned)}, "
        f"{format_duration(abs(planned - declared))} {more_or_less} than the "
        f"{format_duration(declared)} planned"
    )
    return [Problem(name, line, field, message, Severity.WARNING)]
