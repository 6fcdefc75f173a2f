"""The stats screen: the chart names parts by number, the table by number and in full."""

from __future__ import annotations

from textual.app import App
from textual.widgets import DataTable

from tests.ui.room_harness import screen_text
from workshop_tui.domain.living.part_stats import PartFigures
from workshop_tui.screens.stats import StatsScreen

NAMES = [
    "Opening",
    "Agree Type of Work",
    "Negotiate Promises",
    "How Much Agility Does the Work Need",
    "Sign-off [b]section by section[/b]",
    "Next Steps",
]


def figures() -> list[PartFigures]:
    return [
        PartFigures("s", f"p{n}", name, 3, 600, 660, 700 + 60 * n, 900, 40, 240, n % 3)
        for n, name in enumerate(NAMES)
    ]


class StatsApp(App[None]):
    def on_mount(self) -> None:
        self.push_screen(StatsScreen(figures(), "Customer Working Agreement"))


async def test_every_part_is_numbered_on_the_chart_and_named_in_full_in_the_table() -> None:
    app = StatsApp()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        table = app.screen.query_one("#stats-table", DataTable)
        assert [str(column.label) for column in table.columns.values()][:2] == ["#", "Part"]
        rows = [table.get_row_at(index) for index in range(table.row_count)]
        assert [(str(row[0]), str(row[1])) for row in rows] == [
            (str(n), name) for n, name in enumerate(NAMES, start=1)
        ]
        lines = screen_text(app).splitlines()
        axis = next(i for i, line in enumerate(lines) if "└" in line)
        assert lines[axis + 1].split() == ["1", "2", "3", "4", "5", "6"], "no part skipped"
        assert "Agree Ty" not in "\n".join(lines[: axis + 2]), "no cut names on the chart"
