"""Keys that must not surprise: Ctrl+Q as q, the full-screen timer, Enter in forms, Esc."""

from __future__ import annotations

from pathlib import Path

from tests.ui.app_driver import (
    clock,
    make_app,
    type_text,
    wait_for_screen,
    wait_until,
)
from tests.ui.test_screens import resumed_app, seed_unfinished_session
from workshop_tui.boards.countdown import BigCountdown
from workshop_tui.boards.full_timer import FullTimer
from workshop_tui.boards.notes import NotesBoard
from workshop_tui.boards.status_lines import StatusLines
from workshop_tui.dialogs.confirm import ConfirmDialog
from workshop_tui.dialogs.form import FormDialog
from workshop_tui.domain.clock import FakeClock
from workshop_tui.screens.facilitate import FacilitateScreen
from workshop_tui.screens.full_timer import FullTimerScreen
from workshop_tui.screens.help import key_rows
from workshop_tui.screens.part_notes import PartNotesScreen
from workshop_tui.screens.picker import PickerScreen
from workshop_tui.screens.setup import SetupScreen
from workshop_tui.storage import open_store

__all__ = ["clock"]


async def test_the_console_keys_from_full_screen_timer_to_quitting(
    tmp_path: Path, clock: FakeClock
) -> None:
    db = tmp_path / "w.db"
    session_id = seed_unfinished_session(db, clock)
    app = make_app(db, clock, script_ref=None, session_id=session_id)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await wait_for_screen(pilot, FacilitateScreen)
        engine = screen.engine
        await pilot.press("space")
        assert engine.timing.running

        # Ctrl+Q asks while the part runs, exactly as q does; "Stay" keeps it running.
        await pilot.press("ctrl+q")
        await wait_for_screen(pilot, ConfirmDialog)
        await pilot.press("n")
        await wait_for_screen(pilot, FacilitateScreen)
        assert engine.timing.running and app.return_code is None

        # The full-screen timer fills the terminal; the timing keys still work in it.
        await pilot.press("z")
        full = await wait_for_screen(pilot, FullTimerScreen)
        countdown = full.query_one(FullTimer).query_one(BigCountdown)
        assert countdown.size.height >= 15  # of 24 rows; the console's box has 7
        before = engine.timing.remaining()
        await pilot.press("e")
        assert engine.timing.remaining() - before >= 59
        await pilot.press("space")
        assert not engine.timing.running
        part = engine.index
        await pilot.press("pagedown")
        await wait_until(pilot, lambda: engine.index == part + 1)
        await pilot.press("space")
        clock.advance(engine.timing.remaining() + 200)
        await wait_until(pilot, lambda: countdown.phase == "over")
        status = full.query_one("#full-status", StatusLines)
        await wait_until(pilot, lambda: "over time by 3:20" in status.shown[0])
        name = full.query_one("#full-part", StatusLines)
        assert name.shown == [engine.part.name]
        await pilot.press("escape")
        await wait_for_screen(pilot, FacilitateScreen)

        # Enter saves a single-field form, a choice included: Enter on it moves on, or saves.
        await pilot.press("g")
        await wait_for_screen(pilot, FormDialog)
        await pilot.press("down", "home", "enter")  # open the list, the first part, close it
        await pilot.press("enter")
        await wait_for_screen(pilot, FacilitateScreen)
        await wait_until(pilot, lambda: engine.index == 0)
        await pilot.press("n")
        await wait_for_screen(pilot, FormDialog)
        await type_text(pilot, "ok")
        await pilot.press("enter")
        await wait_for_screen(pilot, FacilitateScreen)
        assert [note.text for note in engine.session.notes][-1:] == ["ok"]
        await pilot.press("N")  # the part's notes, over a part that does not show them
        notes = await wait_for_screen(pilot, PartNotesScreen)
        assert "ok" in [line.text for line in notes.query_one(NotesBoard)._view.notes]
        await pilot.press("escape")
        await wait_for_screen(pilot, FacilitateScreen)

        # Ctrl+Q then yes: paused and saved before the app goes.
        if not engine.timing.running:
            await pilot.press("space")
        assert engine.timing.running
        await pilot.press("ctrl+q")
        await wait_for_screen(pilot, ConfirmDialog)
        await pilot.press("y")
        await wait_until(pilot, lambda: app.return_code is not None)
    assert app.return_code == 0
    with open_store(db, readonly=True) as store:
        _, stored = store.load_session(session_id)
    assert all(timing.running_since is None for timing in stored.timings)


async def test_escape_on_set_up_asks_before_leaving_what_was_typed(
    tmp_path: Path, clock: FakeClock
) -> None:
    app = make_app(tmp_path / "w.db", clock)  # as `workshop run SCRIPT` starts it
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_for_screen(pilot, SetupScreen)
        await type_text(pilot, "Acme")
        await pilot.press("escape")
        await wait_for_screen(pilot, ConfirmDialog)
        await pilot.press("n")  # stay: what was typed is still there
        setup = await wait_for_screen(pilot, SetupScreen)
        assert setup.draft().customer == "Acme"
        await wait_until(pilot, lambda: app.store is not None)
        await pilot.press("escape")
        await wait_for_screen(pilot, ConfirmDialog)
        await pilot.press("y")
        await wait_for_screen(pilot, PickerScreen)


async def test_help_and_palette_list_this_apps_actions_once_each(
    tmp_path: Path, clock: FakeClock
) -> None:
    app = resumed_app(tmp_path, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await wait_for_screen(pilot, FacilitateScreen)
        rows = key_rows(screen)
        names = [row.name for row in rows]
        assert len(names) == len(set(names)), names
        by_name = {row.name: row.keys for row in rows}
        assert by_name["Quit"] == "q ^q"
        assert by_name["Next part"] == "PgDn >"
        assert {"Timer", "Note", "Big timer", "Help", "Notes"} <= set(names)
        generic = {"Copy selected text", "Focus Next", "Focus Previous", "Scroll Left"}
        assert not generic & set(names)
        titles = [command.title for command in app.get_system_commands(screen)]
        assert len(titles) == len(rows) and "Quit (q ^q)" in titles
        await pilot.press("ctrl+p")  # the palette opens on them
        await wait_until(pilot, lambda: type(app.screen).__name__ == "CommandPalette")
