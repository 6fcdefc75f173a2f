"""The console while a room view follows: private panel always open, next part, blanking;
on a SQLite file and on a team store, where the room view's beat and the blanking are rows
on the server."""

from __future__ import annotations

from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import Static

from tests.ui.test_facilitate_keys import app_for, started
from workshop_tui.console.private_panel import CONNECTED, VISIBLE, PrivatePanel
from workshop_tui.domain.clock import FakeClock
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
