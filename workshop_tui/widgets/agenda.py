"""The agenda side bar: done, current and upcoming parts, planned against actual."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from rich.table import Table
from rich.text import Text
from textual.widgets import Static

from workshop_tui.content.durations import format_duration

if TYPE_CHECKING:
    from workshop_tui.domain.engine import AgendaRow

_MARK = {"done": "✔", "skipped": "↷", "current": "▶", "upcoming": "·"}


class AgendaView(Static):
    """Each part on a line: mark, name, planned minutes, actual minutes."""

    DEFAULT_CSS = """
    AgendaView {
        height: auto;
        padding: 0 1;
    }
    """

    def show(self, rows: Sequence[AgendaRow]) -> None:
        """Redraw from the engine's agenda."""
        table = Table.grid(expand=True, padding=(0, 1))
        table.add_column(width=1)
        table.add_column(ratio=1, no_wrap=True, overflow="ellipsis")
        table.add_column(justify="right", no_wrap=True)
        table.add_column(justify="right", no_wrap=True)
        table.add_row(Text(""), Text(""), Text("plan", style="dim"), Text("actual", style="dim"))
        for row in rows:
            style = {
                "done": "dim",
                "skipped": "dim italic",
                "current": "bold reverse",
                "upcoming": "",
            }[row.status]
            actual = (
                ""
                if row.status == "upcoming" and not row.actual_seconds
                else _minutes(row.actual_seconds)
            )
            over = row.actual_seconds > row.allowed_seconds
            table.add_row(
                Text(_MARK[row.status], style=style),
                Text(row.name, style=style),
                Text(_minutes(row.planned_seconds), style=style),
                Text(actual, style=(style + " bold") if over else style),
            )
        self.update(table)


def _minutes(seconds: float) -> str:
    return format_duration(round(seconds / 60) * 60) if seconds >= 60 else format_duration(seconds)
