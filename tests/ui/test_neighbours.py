"""The parts either side of the one on show are mounted a moment after a part change,
never while a dialog is open, so a dialog opened at once does not wait behind them."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot

from tests.ui.app_driver import clock, wait_for_screen, wait_until
from tests.ui.test_screens import resumed_app
from workshop_tui.boards.cynefin import CynefinBoard
from workshop_tui.boards.cynefin_box import CynefinBox
from workshop_tui.controls.base import ActivityControls
from workshop_tui.controls.stage import QUIET_SECONDS, ActivityStage
from workshop_tui.dialogs.form import FormDialog
from workshop_tui.domain.clock import FakeClock
from workshop_tui.screens.facilitate import FacilitateScreen
from workshop_tui.widgets.clamped_text import ClampedText

__all__ = ["clock"]


def mounted(pilot: Pilot[None]) -> list[int]:
    """The parts (by index) whose controls are on the stage, shown or hidden."""
    stage = the_stage(pilot)
    parts = [part.id for part in stage.engine.script.parts]
    return sorted(parts.index(c.part.id) for c in stage.query_children(ActivityControls))


def the_stage(pilot: Pilot[None]) -> ActivityStage:
    screen = next(s for s in pilot.app.screen_stack if isinstance(s, FacilitateScreen))
    return screen.query_one(ActivityStage)


class HeldTimer:
    """A stage timer that falls due only when the test says the moment has passed."""

    def __init__(self, delay: float, callback: Callable[[], Any]) -> None:
        self.delay = delay
        self.callback = callback
        self.stopped = False

    def stop(self) -> None:
        self.stopped = True


class HeldTimers:
    """Stands in for the stage's ``set_timer``: however slow the machine, nothing falls
    due between two steps of the test."""

    def __init__(self) -> None:
        self.timers: list[HeldTimer] = []

    def set_timer(self, delay: float, callback: Callable[[], Any], **_: Any) -> HeldTimer:
        timer = HeldTimer(delay, callback)
        self.timers.append(timer)
        return timer

    @property
    def waiting(self) -> list[float]:
        return [timer.delay for timer in self.timers if not timer.stopped]

    def elapse(self) -> None:
        """The quiet moment passes: every timer still running falls due."""
        due, self.timers = [t for t in self.timers if not t.stopped], []
        for timer in due:
            timer.callback()


async def test_neighbours_come_a_moment_after_a_part_change_and_wait_for_a_dialog(
    tmp_path: Path, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = resumed_app(tmp_path, clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_for_screen(pilot, FacilitateScreen)
        await wait_until(pilot, lambda: mounted(pilot) == [1, 2, 3])  # on opening: at once
        held = HeldTimers()
        monkeypatch.setattr(the_stage(pilot), "set_timer", held.set_timer)

        await pilot.press("pagedown")
        await pilot.pause()
        assert the_stage(pilot).current.part.name == "How Much Agility"
        assert mounted(pilot) == [1, 2, 3], "nothing mounted or let go as the part shows"
        assert held.waiting == [QUIET_SECONDS]
        held.elapse()
        await wait_until(pilot, lambda: mounted(pilot) == [2, 3, 4])

        await pilot.press("pageup")
        await pilot.press("n")
        await wait_for_screen(pilot, FormDialog)
        held.elapse()
        await pilot.pause()
        assert mounted(pilot) == [2, 3, 4], "not while the dialog is open"
        assert held.waiting == [QUIET_SECONDS], "but again once it may have closed"
        held.elapse()
        await pilot.pause()
        assert mounted(pilot) == [2, 3, 4]

        await pilot.press("escape")
        await wait_until(pilot, lambda: app.screen.__class__ is FacilitateScreen)
        assert mounted(pilot) == [2, 3, 4]
        held.elapse()
        await wait_until(pilot, lambda: mounted(pilot) == [1, 2, 3])
        assert the_stage(pilot).current.part.name == "Negotiate Promises"
        assert held.waiting == []


async def test_neighbours_come_of_themselves_on_the_real_timer(
    tmp_path: Path, clock: FakeClock
) -> None:
    app = resumed_app(tmp_path, clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_for_screen(pilot, FacilitateScreen)
        await wait_until(pilot, lambda: mounted(pilot) == [1, 2, 3])
        await pilot.press("pagedown")
        await wait_until(pilot, lambda: mounted(pilot) == [2, 3, 4], timeout=QUIET_SECONDS + 10)


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


async def test_a_part_change_while_far_parts_are_let_go_keeps_the_app_answering(
    tmp_path: Path, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The next part change starts the next tidy, which cancels the one letting go of far
    parts: that removal goes on, and the app keeps handling keys. (On a loaded machine the
    app once stopped handling anything, keys included, after PgDn pressed in a row.)"""
    app = resumed_app(tmp_path, clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_for_screen(pilot, FacilitateScreen)
        await wait_until(pilot, lambda: mounted(pilot) == [1, 2, 3])
        stage = the_stage(pilot)
        held = HeldTimers()
        monkeypatch.setattr(stage, "set_timer", held.set_timer)
        moves = [("pagedown", [2, 3, 4]), ("pagedown", [3, 4, 5]), ("pagedown", [4, 5])]
        moves += [("pageup", [3, 4, 5]), ("pageup", [2, 3, 4]), ("pageup", [1, 2, 3])]
        for steps, (key, near) in enumerate(moves, 1):  # the tidy cancelled at each step
            await pilot.press(key)
            held.elapse()  # its tidy starts letting go of the part now two away
            for _ in range(steps):
                await asyncio.sleep(0)
            stage.prepare_neighbours()  # and the next one cancels it
            await wait_until(pilot, lambda near=near: not app.is_running or mounted(pilot) == near)
            assert app.is_running, f"the app stopped after {key} (cancelled at step {steps})"
            assert app.return_code is None
