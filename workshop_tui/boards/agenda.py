"""The agenda side bar: done, current and upcoming parts, planned against actual."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from rich.table import Table
from rich.text import Text
from textual.widgets import Static

from workshop_tui.content.durations import format_duration
from workshop_tui.widgets.plain_text import plain_rich

if TYPE_CHECKING:
    from workshop_tui.domain.read_models.timing import AgendaLine

_MARK = {"done": "✔", "skipped": "↷", "current": "▶", "upcoming": "·"}
_STYLE = {"done": "dim", "skipped": "dim italic", "current": "bold reverse", "upcoming": ""}


class AgendaBoard(Static):
    """Each part on a line: mark, name, planned minutes, actual minutes."""

    DEFAULT_CSS = """
    AgendaBoard {
        height: auto;
        padding: 0 1;
    }
    """

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._shown: list[tuple[str, str, str, str, bool]] = []

    def show(self, rows: Sequence[AgendaLine]) -> None:
        """Draw the agenda, only when what it shows has changed."""
        lines = [
            (
                row.status,
                row.name,
                _allowed(row.planned_seconds, row.allowed_seconds),
                ""
                if row.status == "upcoming" and not row.actual_seconds
                else _minutes(row.actual_seconds),
                row.actual_seconds > row.allowed_seconds,
            )
            for row in rows
        ]
        if lines == self._shown:
            return
        same_height = len(lines) == len(self._shown)
        self._shown = lines
        table = Table.grid(expand=True, padding=(0, 1))
        table.add_column(width=1)
        table.add_column(ratio=1, no_wrap=True, overflow="ellipsis")
        table.add_column(justify="right", no_wrap=True)
        table.add_column(justify="right", no_wrap=True)
        table.add_row(Text(""), Text(""), Text("plan", style="dim"), Text("actual", style="dim"))
        for status, name, planned, actual, over in lines:
            style = _STYLE[status]
            table.add_row(
                Text(_MARK[status], style=style),
                plain_rich(name, style=style),
                Text(planned, style=style),
                Text(actual, style=(style + " bold") if over else style),
            )
        self.update(table, layout=not same_height)


def _allowed(planned: int, allowed: int) -> str:
    """The planned time, and the change to it when time was added or taken away: ``12m+1m``."""
    change = allowed - planned
    if not change:
        return _minutes(planned)
    return f"{_minutes(planned)}{'+' if change > 0 else '-'}{_minutes(abs(change))}"


def _minutes(seconds: float) -> str:
    return format_duration(round(seconds / 60) * 60) if seconds >= 60 else format_duration(seconds)
