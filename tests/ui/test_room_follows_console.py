"""A console and a room view on one store: the room marks what the facilitator selects."""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from textual.pilot import Pilot

from tests.ui.app_driver import wait_for_screen
from tests.ui.panel_harness import utc_times
from tests.ui.room_harness import drawn, room_app, screen_text
from tests.ui.room_reading import in_play_list, page_text, reads_in_full, words
from tests.ui.test_facilitate_keys import app_for, started
from workshop_tui.boards.projector.decisions import DecisionsStage
from workshop_tui.boards.projector.signoff import SignoffStage
from workshop_tui.dialogs.confirm import ConfirmDialog
from workshop_tui.domain.clock import FakeClock
from workshop_tui.domain.kinds import CynefinDomain
from workshop_tui.room.app import RoomApp
from workshop_tui.room.screens import WAITING
from workshop_tui.screens.facilitate import FacilitateScreen
from workshop_tui.screens.summary import SummaryScreen

__all__ = ["utc_times"]
SIZE = (100, 30)
LONG = (
    "Migrate the {n}th regional warehouse ledger onto the shared platform without "
    "stopping the nightly shipments"
)


async def until(pilot: Pilot[None], condition: Callable[[], object], seconds: float = 5) -> None:
    """Wait (on the real clock) until ``condition()`` holds."""
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, f"still not true after {seconds}s"
        await pilot.pause(0.02)


async def follows(console: Pilot[None], room: Pilot[None], *keys: str) -> str:
    """Press ``keys`` on the console; wait until the room marks the same item; its key."""
    await console.press(*keys)
    screen = console.app.screen
    assert isinstance(screen, FacilitateScreen)
    key = screen.controls.in_play()
    assert key is not None
    app = room.app
    assert isinstance(app, RoomApp)

    def marked() -> bool:
        items = in_play_list(app)
        stage = app.screen.query(SignoffStage) or app.screen.query(DecisionsStage)
        if stage:
            return stage.first().in_play == key
        return items is not None and items.in_play == key

    await until(room, marked)
    await room.pause()
    return key


async def to_part(console: Pilot[None], room: Pilot[None], index: int) -> FacilitateScreen:
    screen = console.app.screen
    assert isinstance(screen, FacilitateScreen)
    while screen.engine.index < index:
        await console.press("pagedown")
    name = screen.engine.part.name
    await until(room, lambda: name in screen_text(room.app))
    return screen


@pytest.mark.usefixtures("utc_times")
async def test_the_room_marks_what_the_facilitator_selects_on_every_board(
    tmp_path: Path,
) -> None:
    clock = FakeClock()
    console_app = app_for(tmp_path, clock)
    async with console_app.run_test(size=SIZE) as console:
        await started(console, clock)
        room_view = room_app(tmp_path / "w.db", clock)
        async with room_view.run_test(size=SIZE) as room:
            await drawn(room)
            screen = await to_part(console, room, 1)  # Cynefin: a tray item, then a placed one
            part = screen.engine.part
            items = list(part.activity.items)  # type: ignore[union-attr]
            await follows(console, room, "down", "down")
            assert reads_in_full(room.app, items[2])
            for n in range(1, 21):  # a crowded board: 20 long items in Complex
                screen.engine.board.classify(LONG.format(n=n), CynefinDomain.COMPLEX)
            screen.controls.redraw()
            await follows(console, room, "right")  # into Complex
            await follows(console, room, *["down"] * 17)  # far down the crowded domain
            selected = screen.controls.selected  # type: ignore[attr-defined]
            assert reads_in_full(room.app, selected.text)
            assert "more in Complex" in screen_text(room.app)

            screen = await to_part(console, room, 2)  # promises: the second party's column
            await follows(console, room, "right", "down")
            entry = screen.controls.selected  # type: ignore[attr-defined]
            assert entry.party == part_parties(screen)[1]
            assert reads_in_full(room.app, entry.wording)
            await console.press("enter")  # tabled: still the item in play, now proposed
            await follows(console, room)
            assert reads_in_full(room.app, entry.wording)

            screen = await to_part(console, room, 3)  # decisions
            await follows(console, room, "down")
            question = screen.controls.selected  # type: ignore[attr-defined]
            page = lambda: page_text(room.app, "#decision-page")  # noqa: E731
            await until(room, lambda: words(question.question) in page())
            for option in question.options:
                assert words(option) in page()

            screen = await to_part(console, room, 4)  # sign-off: the section being read
            await follows(console, room, "down")
            section = screen.controls.board.selected  # type: ignore[attr-defined]
            text = page_text(room.app, "#signoff-page")
            assert words(section.title) in text and words(section.text) in text
            assert "fingerprint" not in screen_text(room.app)
            assert "wording 1" not in screen_text(room.app)

            screen = await to_part(console, room, 5)  # actions: text, owner and due date
            for n in range(3):
                screen.engine.actions.add(
                    f"Send the notes, part {n}", "Priya Sharma", date(2027, 1, 1)
                )
            screen.controls.redraw()
            await follows(console, room, "down")
            row = screen.controls.selected  # type: ignore[attr-defined]
            assert reads_in_full(room.app, row.text)
            assert "Priya Sharma" in screen_text(room.app) and "Fri 1 Jan 2027" in screen_text(
                room.app
            )


def part_parties(screen: FacilitateScreen) -> list[str]:
    return [party.name for party in screen.engine.part.activity.parties]  # type: ignore[union-attr]


@pytest.mark.usefixtures("utc_times")
async def test_the_closing_screen_stays_until_the_facilitator_closes_it(tmp_path: Path) -> None:
    clock = FakeClock()
    console_app = app_for(tmp_path, clock)
    async with console_app.run_test(size=SIZE) as console:
        screen = await started(console, clock)
        room_view = room_app(tmp_path / "w.db", clock)
        async with room_view.run_test(size=SIZE) as room:
            await drawn(room)
            await console.press("f")
            await wait_for_screen(console, ConfirmDialog)
            await console.press("y")
            summary = await wait_for_screen(console, SummaryScreen)
            await until(room, lambda: "What we agreed" in screen_text(room.app))
            clock.advance(10 * 60)
            await room.pause(0.2)  # the room looks again: the closing screen stays
            assert "What we agreed" in screen_text(room.app)

            session_id = summary.engine.session.id
            store = console.app.store  # type: ignore[attr-defined]
            before = store.load_session(session_id)
            await console.press("r")  # the facilitator closes it
            await until(room, lambda: "What we agreed" not in screen_text(room.app))
            assert WAITING in screen_text(room.app)
            assert store.load_session(session_id) == before  # not in the session's history
            assert "closing screen" not in export_text(summary)
    assert screen.engine.finished


def export_text(summary: SummaryScreen) -> str:
    """The session's full notes, as x would write them."""
    document = summary._document  # noqa: SLF001 - what the summary shows and exports
    assert document is not None
    return document.text
