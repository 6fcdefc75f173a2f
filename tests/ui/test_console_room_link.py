"""The console while a room view follows: private panel always open, next part, blanking;
on a SQLite file and on a team store, where the room view's beat and the blanking are rows
on the server."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import Static

from tests.ui.app_driver import wait_for_screen, wait_until
from tests.ui.test_facilitate_keys import app_for, started
from workshop_tui.app.themes import LIGHT
from workshop_tui.console.private_panel import CONNECTED, VISIBLE, PrivatePanel
from workshop_tui.dialogs.form import FormDialog
from workshop_tui.domain.clock import FakeClock
from workshop_tui.domain.room_cue import InPlay
from workshop_tui.locations import StoreLocation
from workshop_tui.storage.following import Follower
from workshop_tui.storage.opener import open_store


async def blanked(pilot: Pilot[None], follower: Follower) -> bool:
    """Whether the room view is asked to be blank, once the console's last commit reached it
    (a team store's NOTIFY comes a moment after the commit)."""
    for _ in range(100):
        changed, followed = follower.poll()
        if changed and followed is not None:
            return followed.blanked
        await pilot.pause(0.05)
    raise AssertionError("the room view saw no change within 5 seconds")


async def test_a_following_room_view_opens_the_private_panel_and_can_be_blanked(
    tmp_path: Path, store_location: StoreLocation
) -> None:
    clock = FakeClock()
    app = app_for(tmp_path, clock, store_location)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await started(pilot, clock)
        panel = screen.query_one(PrivatePanel)
        assert not panel.display  # no room view: this screen is the room's, notes stay hidden
        follower = Follower(store_location, now=clock.now)
        try:
            follower.poll()
            follower.beat(clock.now())
            panel.check_room()
            await pilot.pause()
            text = str(panel.query_one("#private-text", Static).render())
            assert panel.display and panel.border_title == CONNECTED
            assert screen.engine.part.facilitator_notes[0] in text
            assert f"Next: 2. {screen.engine.script.parts[1].name}" in text
            await pilot.press("B")
            assert await blanked(pilot, follower)
            await pilot.press("B")
            assert not await blanked(pilot, follower)
        finally:
            follower.close()
        panel.check_room()
        await pilot.pause()
        assert not panel.display
        await pilot.press("t")
        assert panel.display and panel.border_title == VISIBLE
    with open_store(store_location) as store:
        assert not store.room_blanked(1)


async def test_the_console_puts_a_prompt_in_play_announces_a_break_and_tells_its_theme(
    tmp_path: Path,
) -> None:
    clock = FakeClock()
    app = app_for(tmp_path, clock)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await started(pilot, clock)
        store = app.store  # type: ignore[attr-defined]
        session_id = screen.engine.session.id
        await pilot.press("pagedown")  # the Cynefin part: the first item in play
        await wait_until(pilot, lambda: store.room_cue(session_id).item_on(1) == "tray:0")
        await pilot.press("down", "s")
        await wait_until(
            pilot, lambda: store.room_cue(session_id).in_play == InPlay(1, "tray:1", 0)
        )
        assert "▶ ❝" in str(screen.query_one("#room-prompt", Static).render())
        await pilot.press("W")
        dialog = await wait_for_screen(pilot, FormDialog)
        await pilot.press("enter")  # the 10 minutes offered
        await wait_until(pilot, lambda: not isinstance(app.screen, FormDialog))
        back = store.room_cue(session_id).back_at
        assert back == clock.now() + timedelta(minutes=10) and dialog is not None
        await pilot.press("W")  # the break is over
        await wait_until(pilot, lambda: store.room_cue(session_id).back_at is None)
        await pilot.press("ctrl+t")
        await wait_until(pilot, lambda: store.room_cue(session_id).theme == LIGHT)
    with open_store(tmp_path / "w.db") as store:  # a signal, never a record of the session
        _, session = store.load_session(1)
        assert not session.events and not session.notes
