"""The console while a room view follows: private panel always open, next part, blanking."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Static

from tests.ui.test_facilitate_keys import app_for, started
from workshop_tui.console.private_panel import CONNECTED, VISIBLE, PrivatePanel
from workshop_tui.domain.clock import FakeClock
from workshop_tui.storage.following import Follower
from workshop_tui.storage.opener import open_store


async def test_a_following_room_view_opens_the_private_panel_and_can_be_blanked(
    tmp_path: Path,
) -> None:
    clock = FakeClock()
    app = app_for(tmp_path, clock)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await started(pilot, clock)
        panel = screen.query_one(PrivatePanel)
        assert not panel.display  # no room view: this screen is the room's, notes stay hidden
        follower = Follower(tmp_path / "w.db", now=clock.now)
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
            assert follower.poll()[1].blanked  # type: ignore[union-attr]
            await pilot.press("B")
            assert not follower.poll()[1].blanked  # type: ignore[union-attr]
        finally:
            follower.close()
        panel.check_room()
        await pilot.pause()
        assert not panel.display
        await pilot.press("t")
        assert panel.display and panel.border_title == VISIBLE
    with open_store(tmp_path / "w.db") as store:
        assert not store.room_blanked(1)
