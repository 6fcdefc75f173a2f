"""Snapshots at the sizes a meeting room has: 100x30 and 80x24, both themes, every dialog.

Each picture starts from a stored session paused on "Negotiate Promises"
(``seed_unfinished_session``), reached by the keys a facilitator presses.
Update with ``pytest --snapshot-update`` and look at every changed SVG first.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.screen import ModalScreen, Screen

from tests.ui.app_driver import clock, settle, steady_cursors, wait_for_screen
from tests.ui.test_screens import resumed_app
from workshop_tui.app.themes import DARK, LIGHT
from workshop_tui.domain.clock import FakeClock
from workshop_tui.screens.facilitate import FacilitateScreen
from workshop_tui.screens.full_timer import FullTimerScreen
from workshop_tui.screens.summary import SummaryScreen

__all__ = ["clock"]

Snap = Callable[..., bool]
SIZES = {"100x30": (100, 30), "80x24": (80, 24)}
THEMES = (DARK, LIGHT)

MAIN: dict[str, tuple[int, Sequence[str]]] = {
    "discussion": (0, ()),
    "cynefin": (1, ()),
    "promises": (2, ()),
    "decisions": (3, ()),
    "actions": (5, ()),
    "summary": (2, ("f", "y")),
}
"""Main screens: the part to reach, then the keys pressed there."""

DIALOGS: dict[str, tuple[int, Sequence[str]]] = {
    "note": (2, ("n",)),
    "extend": (2, ("ctrl+e",)),
    "go-to": (2, ("g",)),
    "finish": (2, ("f",)),
    "quit-running": (2, ("space", "q")),
    "help": (2, ("question_mark",)),
    "part-notes": (2, ("N",)),
    "cynefin-add": (1, ("a",)),
    "cynefin-overrule": (1, ("o",)),
    "promise-add": (2, ("a",)),
    "decision-object": (3, ("o",)),
    "decision-add": (3, ("a",)),
    "initials": (4, ("i",)),
    "action-add": (5, ("a",)),
}
"""Every dialog: the part to reach, then the key that opens it."""


def reach(
    part: int, keys: Sequence[str], theme: str, shows: type[Screen[Any]] = ModalScreen
) -> Callable[[Pilot[None]], object]:
    """Reach ``part``, then press ``keys`` there, which lead to a ``shows`` screen."""

    async def run(pilot: Pilot[None]) -> None:
        pilot.app.theme = theme
        screen = await wait_for_screen(pilot, FacilitateScreen)
        while screen.engine.index < part:
            await pilot.press("pagedown")
        while screen.engine.index > part:
            await pilot.press("pageup")
        await settle(pilot)  # the part's neighbours mounted, nothing left to draw beneath
        if keys:
            await pilot.press(*keys)
            await wait_for_screen(pilot, shows)
        if pilot.app.screen.is_modal:  # its flow waits for an answer: no waiting for workers
            await pilot.pause()
            pilot.app.clear_notifications()
            await steady_cursors(pilot)
        else:
            await settle(pilot)

    return run


def seeded_app(tmp_path: Path, clock: FakeClock) -> object:
    return resumed_app(tmp_path, clock, exports_dir=tmp_path)


@pytest.mark.parametrize("theme", THEMES)
@pytest.mark.parametrize("size", list(SIZES))
@pytest.mark.parametrize("screen", list(MAIN))
def test_main_screen(
    snap_compare: Snap, tmp_path: Path, clock: FakeClock, screen: str, size: str, theme: str
) -> None:
    part, keys = MAIN[screen]
    app = seeded_app(tmp_path, clock)
    shows = SummaryScreen if keys else FacilitateScreen
    assert snap_compare(app, terminal_size=SIZES[size], run_before=reach(part, keys, theme, shows))


@pytest.mark.parametrize("theme", THEMES)
@pytest.mark.parametrize("size", list(SIZES))
def test_full_screen_timer(
    snap_compare: Snap, tmp_path: Path, clock: FakeClock, size: str, theme: str
) -> None:
    app = seeded_app(tmp_path, clock)
    reached = reach(2, ("z",), theme, FullTimerScreen)
    assert snap_compare(app, terminal_size=SIZES[size], run_before=reached)


@pytest.mark.parametrize("dialog", list(DIALOGS))
def test_dialog_at_80x24(snap_compare: Snap, tmp_path: Path, clock: FakeClock, dialog: str) -> None:
    part, keys = DIALOGS[dialog]
    app = seeded_app(tmp_path, clock)
    assert snap_compare(app, terminal_size=SIZES["80x24"], run_before=reach(part, keys, DARK))
