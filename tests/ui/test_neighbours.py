"""The parts either side of the one on show are mounted a moment after a part change,
never while a dialog is open, so a dialog opened at once does not wait behind them."""

from __future__ import annotations

import asyncio
from pathlib import Path

from textual.pilot import Pilot

from tests.ui.app_driver import clock, wait_for_screen, wait_until
from tests.ui.test_screens import resumed_app
from workshop_tui.boards.clamped_text import ClampedText
from workshop_tui.boards.cynefin import CynefinBoard
from workshop_tui.boards.cynefin_box import CynefinBox
from workshop_tui.controls.base import ActivityControls
from workshop_tui.controls.stage import QUIET_SECONDS, ActivityStage
from workshop_tui.dialogs.form import FormDialog
from workshop_tui.domain.clock import FakeClock
from workshop_tui.screens.facilitate import FacilitateScreen

__all__ = ["clock"]


def mounted(pilot: Pilot[None]) -> list[int]:
    """The parts (by index) whose controls are on the stage, shown or hidden."""
    screen = next(s for s in pilot.app.screen_stack if isinstance(s, FacilitateScreen))
    stage = screen.query_one(ActivityStage)
    parts = [part.id for part in stage.engine.script.parts]
    return sorted(parts.index(c.part.id) for c in stage.query_children(ActivityControls))


async def test_neighbours_come_a_moment_after_a_part_change_and_wait_for_a_dialog(
    tmp_path: Path, clock: FakeClock
) -> None:
    app = resumed_app(tmp_path, clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_for_screen(pilot, FacilitateScreen)
        await wait_until(pilot, lambda: mounted(pilot) == [1, 2, 3])  # on opening: at once

        await pilot.press("pagedown")
        await pilot.pause()
        assert app.screen.query_one(ActivityStage).current.part.name == "How Much Agility"
        assert mounted(pilot) == [1, 2, 3], "nothing mounted or let go as the part shows"
        await wait_until(pilot, lambda: mounted(pilot) == [2, 3, 4], timeout=QUIET_SECONDS + 5)

        await pilot.press("pageup")
        await pilot.press("n")
        await wait_for_screen(pilot, FormDialog)
        await asyncio.sleep(QUIET_SECONDS * 2)
        assert mounted(pilot) == [2, 3, 4], "not while the dialog is open"
        await pilot.press("escape")
        await wait_until(pilot, lambda: app.screen.__class__ is FacilitateScreen)
        await wait_until(pilot, lambda: mounted(pilot) == [1, 2, 3], timeout=QUIET_SECONDS + 5)
        assert app.screen.query_one(ActivityStage).current.part.name == "Negotiate Promises"


async def test_a_cynefin_board_mounted_out_of_sight_is_fitted_to_where_it_will_show(
    tmp_path: Path, clock: FakeClock
) -> None:
    """Fitted to the stage before it shows, it shows in one frame, not three."""
    app = resumed_app(tmp_path, clock)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await wait_for_screen(pilot, FacilitateScreen)
        await wait_until(pilot, lambda: mounted(pilot) == [1, 2, 3])
        await pilot.pause()

        def fitted() -> tuple[object, ...]:
            board = screen.query_one(CynefinBoard)
            lines = [text.max_lines for text in board.query(ClampedText)]
            confused = board.query_one("#box-confused", CynefinBox)
            return (*lines, board.query_one("#cynefin-ask").display, confused.max_rows)

        out_of_sight = fitted()
        await pilot.press("pageup")
        await wait_until(pilot, lambda: screen.query_one(CynefinBoard).size.height > 0)
        await pilot.pause()
        assert fitted() == out_of_sight
