"""A board drawn from the store alone (as the room view will) shows what the console shows."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from textual.app import App, ComposeResult
from textual.containers import Vertical
from textual.widget import Widget

from tests.ui.panel_fixtures import (
    actions_script,
    cynefin_script,
    decisions_script,
    discussion_script,
    promises_script,
    signoff_script,
)
from tests.ui.panel_harness import APP_CSS, BOARD_BOX, PanelApp, begin, reloaded, utc_times
from tests.unit.test_read_models import record_something
from workshop_tui.boards.board import Board
from workshop_tui.boards.registry import board_for
from workshop_tui.controls.registry import controls_for
from workshop_tui.domain.clock import FakeClock
from workshop_tui.domain.kinds import SessionState
from workshop_tui.domain.snapshot import SessionSetup, SessionSnapshot

__all__ = ["utc_times"]
pytestmark = pytest.mark.usefixtures("utc_times")

SIZE = (100, 30)
TODAY = date(2026, 11, 21)  # the FakeClock's day


class BoardApp(App[None]):
    """One board, in the box the console gives it, with nothing to drive it."""

    CSS_PATH = APP_CSS
    CSS = "Screen { align: center middle; }"

    def __init__(self, board: Widget) -> None:
        super().__init__()
        self._board = board

    def compose(self) -> ComposeResult:
        holder = Vertical(id="activity")
        holder.styles.width, holder.styles.height = BOARD_BOX[0] + 2, BOARD_BOX[1] + 2
        with holder:
            yield self._board


SCROLLBAR_GLYPHS = str.maketrans(dict.fromkeys("▁▂▃▄▅▆▇▔", " "))
"""A scroll bar's thumb: drawn while a list is still settling, never the board's text."""


def board_text(app: App[None]) -> list[str]:
    """The text of the board on screen, cut to the board's own region (scroll thumbs aside)."""
    region = app.query_one(Board).region
    lines = [
        strip.text.translate(SCROLLBAR_GLYPHS) for strip in app.screen._compositor.render_strips()
    ]
    return [line[region.x : region.right] for line in lines[region.y : region.bottom]]


@pytest.mark.parametrize(
    "script",
    [
        cynefin_script,
        promises_script,
        signoff_script,
        decisions_script,
        actions_script,
        discussion_script,
    ],
    ids=lambda make: make.__name__.removesuffix("_script"),
)
async def test_the_room_sees_the_board_the_console_shows(tmp_path: Path, script) -> None:  # type: ignore[no-untyped-def]
    clock = FakeClock()
    engine = begin(tmp_path, script(), clock=clock)
    record_something(engine, clock)
    console = PanelApp(lambda: controls_for(engine, engine.part), box=BOARD_BOX)
    async with console.run_test(size=SIZE) as pilot:
        console.set_focus(None)  # the room sees no focus
        await pilot.pause()
        seen_in_console = board_text(console)
    part, snapshot = engine.part, reloaded(tmp_path, engine)
    room = BoardApp(board_for(engine.script, part, snapshot, TODAY))
    async with room.run_test(size=SIZE) as pilot:
        await pilot.pause()
        seen_in_room = board_text(room)
    assert seen_in_room == seen_in_console
    assert any(line.strip() for line in seen_in_room)


def test_every_kind_of_part_has_a_board() -> None:
    makers = (cynefin_script, promises_script, signoff_script)
    makers += (decisions_script, actions_script, discussion_script)
    scripts = [make() for make in makers]
    boards = {type(board_for(s, s.parts[0], _empty(), TODAY)) for s in scripts}
    assert len(boards) == 6


def _empty() -> SessionSnapshot:
    now = datetime(2026, 11, 21, 9, tzinfo=UTC)
    return SessionSnapshot(
        1, "x", "x", SessionSetup("Acme"), SessionState.SETUP, 0, now, now, timings=[]
    )
