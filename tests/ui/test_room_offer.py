"""A second facilitator app refused a session open elsewhere offers its room view instead."""

from __future__ import annotations

from pathlib import Path

from tests.unit.test_single_writer import holding
from tests.waiting import wait_until
from workshop_tui.app.launch import Launch
from workshop_tui.app.workshop_app import WorkshopApp
from workshop_tui.dialogs.confirm import ConfirmDialog


async def test_a_session_open_elsewhere_offers_the_room_view(tmp_path: Path) -> None:
    db = tmp_path / "w.db"
    with holding(db) as holder:
        for answer, room in (("n", None), ("y", holder.session_id)):
            app = WorkshopApp(Launch(store=db, session_id=holder.session_id))
            async with app.run_test(size=(100, 30)) as pilot:
                for _ in range(200):
                    await pilot.pause(0.02)
                    if isinstance(app.screen, ConfirmDialog):
                        break
                assert isinstance(app.screen, ConfirmDialog)
                await pilot.press(answer)
                # either answer closes this app
                await wait_until(pilot, lambda closing=app: closing.return_code is not None)
            assert app.room_instead == room
            assert app.return_code == (2 if room is None else 0)
