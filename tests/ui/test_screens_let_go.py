"""A screen that has gone is let go of at once, with every board it held.

On a 1,000-record session the facilitation screen holds several MiB of boards and
drawn lines. Kept alive under the summary (the finish flow's worker context became
the summary's, and a stopped 15-s heartbeat timer left its handle with the loop), it
added that much to the summary's peak.
"""

from __future__ import annotations

import gc
import time
import weakref
from pathlib import Path

from textual.pilot import Pilot

from tests.ui.app_driver import (
    clock,
    make_app,
    start_session,
    type_text,
    wait_for_screen,
    wait_until_idle,
)
from workshop_tui.dialogs.form import FormDialog
from workshop_tui.domain.clock import FakeClock
from workshop_tui.screens.facilitate import FacilitateScreen
from workshop_tui.screens.summary import SummaryScreen

__all__ = ["clock"]

SIZE = (100, 30)


async def gone(pilot: Pilot[None], ref: weakref.ref[object], within: float = 3.0) -> bool:
    """True once nothing holds what ``ref`` points at, after a full collection, within
    ``within`` seconds: the old screen is taken down by a task of its own, which a
    loaded machine runs a moment after the new screen is idle."""
    deadline = time.monotonic() + within
    while True:
        gc.collect()
        if ref() is None:
            return True
        if time.monotonic() > deadline:
            return False
        await pilot.pause(0.05)


async def test_finishing_lets_go_of_the_facilitation_screen_and_reopening_of_the_summary(
    tmp_path: Path, clock: FakeClock
) -> None:
    app = make_app(tmp_path / "w.db", clock, exports_dir=tmp_path / "exports")
    async with app.run_test(size=SIZE) as pilot:
        facilitate = weakref.ref(await start_session(pilot))
        await pilot.press("f", "y")
        summary = weakref.ref(await wait_for_screen(pilot, SummaryScreen))
        await wait_until_idle(pilot)
        assert await gone(pilot, facilitate), "the facilitation screen outlived the finish"

        await pilot.press("c")
        await wait_for_screen(pilot, FormDialog)
        await type_text(pilot, "Fix a name")
        await pilot.press("enter")
        await wait_for_screen(pilot, FacilitateScreen)
        await wait_until_idle(pilot)
        assert await gone(pilot, summary), "the summary outlived the reopening"
