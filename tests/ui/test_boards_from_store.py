"""A board drawn from the store alone (as the room view does) shows what the console shows,
and the room's board reads as the console's with each key hint worded for the room."""

from __future__ import annotations

import re
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
from tests.ui.room_wording import every_wording, key_hints
from tests.ui.screen_reader import screen_lines
from tests.unit.test_read_models import record_something
from workshop_tui.boards.board import Board
from workshop_tui.boards.registry import board_for
from workshop_tui.controls.registry import controls_for
from workshop_tui.domain.clock import FakeClock
from workshop_tui.domain.engine import SessionEngine
from workshop_tui.domain.kinds import SessionState
from workshop_tui.domain.read_models.audience import Audience
from workshop_tui.domain.snapshot import SessionSetup, SessionSnapshot

__all__ = ["utc_times"]
pytestmark = pytest.mark.usefixtures("utc_times")

SIZE = (100, 30)
WIDE, WIDE_BOX = (180, 30), (170, 16)
"""Wide enough that no key hint is cut or wrapped, so each line reads with or without it."""
TODAY = date(2026, 11, 21)  # the FakeClock's day


class BoardApp(App[None]):
    """One board, in the box the console gives it, with nothing to drive it."""

    CSS_PATH = APP_CSS
    CSS = "Screen { align: center middle; }"

    def __init__(self, board: Widget, box: tuple[int, int] = BOARD_BOX) -> None:
        super().__init__()
        self._board = board
        self._box = box

    def compose(self) -> ComposeResult:
        holder = Vertical(id="activity")
        holder.styles.width, holder.styles.height = self._box[0] + 2, self._box[1] + 2
        with holder:
            yield self._board


SCROLLBAR_GLYPHS = str.maketrans(dict.fromkeys("▁▂▃▄▅▆▇▔", " "))
"""A scroll bar's thumb: drawn while a list is still settling, never the board's text."""


def board_text(app: App[None]) -> list[str]:
    """The text of the board on screen, cut to the board's own region (scroll thumbs aside)."""
    region = app.query_one(Board).region
    lines = [line.translate(SCROLLBAR_GLYPHS) for line in screen_lines(app)]
    return [line[region.x : region.right] for line in lines[region.y : region.bottom]]


DOMAIN_KEY = re.compile(r"─[1-5] (?P<title>(?:Clear|Complicated|Complex|Chaotic|Confused)[^─]*)")


def for_the_room(lines: list[str]) -> list[str]:
    """``lines`` of the console's board with every key hint worded as the room reads it
    (blank lines left out: a line that held only keys is gone in the room)."""
    worded = []
    for line in lines:
        for wording in every_wording():
            line = line.replace(wording.console, wording.room)
        line = DOMAIN_KEY.sub(r"─\g<title>──", line)  # a box's title without its key
        worded.append(line.rstrip())
    return [line for line in worded if line.strip()]


async def console_text(
    engine: SessionEngine, box: tuple[int, int], size: tuple[int, int]
) -> list[str]:
    """The board as the facilitator's console shows it (no focus, as the room sees it)."""
    console = PanelApp(lambda: controls_for(engine, engine.part), box=box)
    async with console.run_test(size=size) as pilot:
        console.set_focus(None)
        await pilot.pause()
        return board_text(console)


async def stored_text(board: Widget, box: tuple[int, int], size: tuple[int, int]) -> list[str]:
    """A board drawn from the store, alone in a box."""
    room = BoardApp(board, box)
    async with room.run_test(size=size) as pilot:
        await pilot.pause()
        return board_text(room)


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
    part, snapshot = engine.part, reloaded(tmp_path, engine)

    def from_store(audience: Audience) -> Widget:
        return board_for(engine.script, part, snapshot, TODAY, audience=audience)

    seen_in_console = await console_text(engine, BOARD_BOX, SIZE)
    assert await stored_text(from_store(Audience.CONSOLE), BOARD_BOX, SIZE) == seen_in_console
    assert any(line.strip() for line in seen_in_console)

    wide_console = await console_text(engine, WIDE_BOX, WIDE)
    wide_room = await stored_text(from_store(Audience.ROOM), WIDE_BOX, WIDE)
    assert [line.rstrip() for line in wide_room if line.strip()] == for_the_room(wide_console)
    assert not key_hints("\n".join(wide_room))


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
