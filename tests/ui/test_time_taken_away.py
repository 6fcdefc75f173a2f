"""Time taken away is shown like time added: the status line, the agenda, the summary."""

from __future__ import annotations

from rich.console import Console

from workshop_tui.boards.agenda import AgendaBoard
from workshop_tui.boards.timer import status_lines
from workshop_tui.domain.read_models.timing import AgendaLine, TimerView
from workshop_tui.screens.summary import changed, over


def view(extra: int, remaining: int = 60) -> TimerView:
    return TimerView(
        remaining=remaining,
        running=True,
        started=True,
        extra_seconds=extra,
        workshop_remaining=600,
        slack=0,
        agenda=(),
    )


def test_the_status_line_says_time_was_given_or_taken_away() -> None:
    assert status_lines(view(300))[0][0] == "Part running · +5m given"
    assert status_lines(view(-900))[0][0] == "Part running · -15m taken away"
    assert status_lines(view(-900))[0][-1] == "Running · -15m"
    assert status_lines(view(0))[0][0] == "Part running"
    over_time = status_lines(view(-900, remaining=-60))[0][0]
    assert over_time == "Part over time by 1:00 · -15m taken away"


def test_the_agenda_shows_the_change_beside_the_plan_and_marks_overrun_against_allowed() -> None:
    board = AgendaBoard()
    board.show(
        [
            AgendaLine("done", "Agree Type of Work", 12 * 60, 13 * 60, 15 * 60),
            AgendaLine("current", "Negotiate Promises", 8 * 60, 3 * 60, 6 * 60),
        ]
    )
    console = Console(width=60, record=True)
    console.print(board.content)
    text = console.export_text()
    assert "12m+1m" in text and "8m-5m" in text
    assert [row[4] for row in board._shown] == [True, True]  # both ran over the time allowed


def test_the_summary_columns_for_time_changed_and_over() -> None:
    assert changed(0, 0) == ""
    assert changed(60, 0) == "+1m"
    assert changed(0, 900) == "-15m"
    assert changed(300, 120) == "+5m -2m"
    assert over(0) == "" and over(180) == "+3m"
