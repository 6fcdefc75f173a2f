"""A database that cannot be written mid-session: one clear notification, nothing shown as done."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from textual.widgets import Static

from tests.ui.screen_reader import toasts
from tests.ui.test_full_session import SIZE, type_into_dialog, wait_for
from tests.waiting import wait_until
from workshop_tui.app.launch import Launch
from workshop_tui.app.workshop_app import WorkshopApp
from workshop_tui.dialogs.form import FormDialog
from workshop_tui.domain.clock import FakeClock
from workshop_tui.screens.facilitate import FacilitateScreen
from workshop_tui.screens.setup import SetupScreen
from workshop_tui.storage import open_store


async def test_a_locked_database_is_reported_and_nothing_is_shown_as_done(tmp_path: Path) -> None:
    db = tmp_path / "w.db"
    clock = FakeClock()
    app = WorkshopApp(Launch(store=db, script_ref="customer-working-agreement"), clock=clock)
    notices: list[str] = []
    async with app.run_test(size=SIZE, notifications=True) as pilot:  # toasts drawn
        await wait_for(pilot, SetupScreen)
        await pilot.press(*"Acme", "ctrl+s")
        screen = await wait_for(pilot, FacilitateScreen)
        assert isinstance(screen, FacilitateScreen)
        engine = screen.engine

        other = sqlite3.connect(db, isolation_level=None)  # another program holds the write lock
        other.execute("BEGIN IMMEDIATE")
        try:
            await pilot.press("space")
            await wait_until(
                pilot,
                lambda: any("locked by another program" in text for text in toasts(app)),
                what="a notification on screen that the database is locked",
            )
            assert not engine.timing.running, "the timer does not start unless the start is stored"
            notices = toasts(app)
            await pilot.press("n")
            await type_into_dialog(pilot, "a note that cannot be written")
            dialog = app.screen
            assert isinstance(dialog, FormDialog), "the note's dialog stays open, its text kept"
            said = str(dialog.query_one("#dialog-error", Static).render())
            assert dialog.values() == {"text": "a note that cannot be written"}
            await pilot.press("escape")
        finally:
            other.rollback()
            other.close()
        assert engine.session.notes == []
        assert any("locked by another program" in text for text in notices), notices
        assert "locked by another program" in said

        await pilot.press("space")  # once the lock is gone, it works again
        await wait_until(pilot, lambda: engine.timing.running)

    _, stored = open_store(db).load_session(engine.session.id)
    assert stored.notes == []
    assert stored.timings[0].started_at is not None
