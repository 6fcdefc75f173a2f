"""Planned against actual across sessions: a chart per part and the same figures as a table."""

from __future__ import annotations

from collections.abc import Sequence

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import DataTable, Header, Static
from textual_plotext import PlotextPlot

from workshop_tui.domain.living.part_stats import PartFigures
from workshop_tui.export.figure_cells import overran_most, part_figure_cells
from workshop_tui.widgets.footer import Footer
from workshop_tui.widgets.plain_text import plain, plain_cells, visible


def _minutes(seconds: int) -> float:
    return round(seconds / 60, 1)


class StatsScreen(Screen[None]):
    """Per part: planned, allowed (median) and actual (median, worst) minutes.

    The chart names its parts by number, as the table's first column does: a
    name under a group of four bars would be cut to a few letters.
    """

    BINDINGS = [Binding("escape", "app.pop_screen", "Back", tooltip="Back")]
    DEFAULT_CSS = """
    StatsScreen #stats { height: 1fr; }
    StatsScreen PlotextPlot { height: 1fr; min-height: 8; }
    StatsScreen DataTable { height: auto; max-height: 45%; }
    StatsScreen #stats-worst { height: auto; }
    """

    def __init__(self, figures: Sequence[PartFigures], what: str) -> None:
        super().__init__()
        self._figures = list(figures)
        self._what = what

    def compose(self) -> ComposeResult:
        yield Header(show_clock=True, icon="◷")
        with Vertical(id="stats"):
            yield PlotextPlot(id="stats-chart")
            yield Static(id="stats-worst")
            yield DataTable(id="stats-table", cursor_type="row", zebra_stripes=True)
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = "planned against actual"
        figures = self._figures
        table = self.query_one("#stats-table", DataTable)
        table.add_columns(
            *plain_cells("#", "Part", "Runs", "Planned", "Allowed", "Actual", "Worst", "Overran")
        )
        for number, f in enumerate(figures, start=1):
            table.add_row(*plain_cells(str(number), f.name, *part_figure_cells(f)))
        names = overran_most(figures)
        worst = self.query_one("#stats-worst", Static)
        if not figures:
            worst.update(plain(f"No finished parts of {self._what} yet."))
        elif names:
            worst.update(plain(f"Overrun most: {names}"))
        else:
            worst.update(plain("No part overran its time in the median session."))
        self._draw()

    def _draw(self) -> None:
        plot = self.query_one(PlotextPlot)
        plt = plot.plt
        plt.clear_figure()
        if self._figures:  # the stub names it label; plotext itself reads labels
            positions: list[float] = list(range(1, len(self._figures) + 1))
            numbers = [str(int(position)) for position in positions]
            plt.multiple_bar(  # type: ignore[call-arg]
                numbers,
                [
                    [_minutes(f.planned) for f in self._figures],
                    [_minutes(f.allowed_median) for f in self._figures],
                    [_minutes(f.actual_median) for f in self._figures],
                    [_minutes(f.actual_worst) for f in self._figures],
                ],
                labels=["planned", "allowed", "actual (median)", "actual (worst)"],
            )
            plt.xticks(positions, numbers)  # every part, none skipped
        plt.title(f"Minutes by part number, across sessions · {visible(self._what)}")
        plot.refresh()
