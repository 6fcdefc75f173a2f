"""The console and the room view while a team store's server restarts mid-session.

A real PostgreSQL cluster of the tests' own is stopped and started again under the apps.
The console says in one line since when the store is unreachable, shows nothing as done
that was not stored, keeps what was typed in its dialog, and stores it once the server is
back; the room view keeps the last state on screen, says it cannot read the session, and
draws what was committed after the restart.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import Static

from tests.postgres import OwnServer
from tests.ui.room_harness import bundled_engine, drawn, room_app, screen_text
from tests.ui.test_facilitate_keys import app_for, started
from tests.ui.test_full_session import type_into_dialog, wait_for
from workshop_tui.console.store_health import StoreHealth
from workshop_tui.dialogs.form import FormDialog
from workshop_tui.domain.clock import FakeClock
from workshop_tui.domain.ports import StoreUnreachable
from workshop_tui.room.app import RoomApp
from workshop_tui.screens.facilitate import FacilitateScreen
from workshop_tui.storage import open_store


async def until(pilot: Pilot[None], condition: object, seconds: float = 10) -> None:
    """Let the app run until ``condition()`` holds."""
    assert callable(condition)
    for _ in range(int(seconds / 0.05)):
        if condition():
            return
        await pilot.pause(0.05)
    raise AssertionError(f"not so within {seconds} s")


async def test_the_console_rides_out_a_server_restart_and_keeps_what_was_typed(
    own_server: OwnServer, tmp_path: Path
) -> None:
    location = own_server.new_store()
    clock = FakeClock()
    app = app_for(tmp_path, clock, location)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await started(pilot, clock)
        engine = screen.engine
        health = screen.query_one(StoreHealth)
        await pilot.press("n")
        await type_into_dialog(pilot, "stored before the restart")
        await wait_for(pilot, FacilitateScreen)
        assert not health.display

        own_server.halt()
        await pilot.press("space")
        await pilot.pause()
        assert not engine.timing.running, "the timer does not start unless the start is stored"
        assert health.display
        assert "Team store unreachable since" in str(health.render())
        await pilot.press("n")
        await type_into_dialog(pilot, "typed while the server was down")
        dialog = app.screen
        assert isinstance(dialog, FormDialog), "the note's dialog stays open, its text kept"
        assert dialog.values() == {"text": "typed while the server was down"}
        said = str(dialog.query_one("#dialog-error", Static).render())
        assert "cannot be reached" in said and "kept" in said
        assert [note.text for note in engine.session.notes] == ["stored before the restart"]

        own_server.resume()
        await pilot.press("ctrl+s")  # tries again: stored now
        await wait_for(pilot, FacilitateScreen)
        await until(pilot, lambda: not health.display)
        await pilot.press("space")
        await pilot.pause()
        assert engine.timing.running
        await pilot.press("space")
    with open_store(location, readonly=True) as store:
        session = store.load_session(engine.session.id)[1]
    assert [note.text for note in session.notes] == [
        "stored before the restart",
        "typed while the server was down",
    ]
    assert session.timings[0].started_at is not None


async def test_the_room_view_says_it_cannot_read_and_draws_what_came_after_the_restart(
    own_server: OwnServer,
) -> None:
    location = own_server.new_store()
    clock = FakeClock()
    engine = bundled_engine(location, "customer-working-agreement", clock)
    app = room_app(location, clock)
    async with app.run_test(size=(120, 36)) as pilot:
        await drawn(pilot)
        await drawn(pilot, lambda: engine.notes.add("Parking lot: before the restart"))
        own_server.halt()
        await until(pilot, lambda: "Cannot read the session" in screen_text(app))
        assert "Parking lot: before the restart" in screen_text(app), "the last state stays"
        with pytest.raises(StoreUnreachable):
            engine.notes.add("never stored")
        own_server.resume()
        await drawn(pilot, lambda: engine.notes.add("Parking lot: after the restart"))
        await until(pilot, lambda: "Parking lot: after the restart" in screen_text(app))
        await until(pilot, lambda: "Cannot read the session" not in screen_text(app))
        assert "never stored" not in screen_text(app)
        assert isinstance(app, RoomApp) and app.return_code is None
    engine.close()
