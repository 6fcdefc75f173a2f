"""Snapshots of the whole app's main screens, reached by key presses on a real SQLite file.

Every snapshot runs ``WorkshopApp`` as the command line builds it, on a
``FakeClock`` (the header clock reads it too) with local times in UTC, and
clears toasts before the picture is taken, so a picture changes only when
what the room sees changes. Update with ``pytest --snapshot-update`` and look
at every changed SVG before committing it.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from textual.pilot import Pilot

from tests.ui.app_driver import (
    clock,
    fill_setup,
    go_to_part,
    make_app,
    settle,
    start_session,
    type_text,
    wait_for_screen,
    wait_until,
)
from workshop_tui.boards.countdown import BigCountdown
from workshop_tui.content.catalog import find_script
from workshop_tui.content.loader import load_script
from workshop_tui.dialogs.confirm import ConfirmDialog
from workshop_tui.dialogs.form import FormDialog
from workshop_tui.domain.clock import FakeClock
from workshop_tui.domain.engine import SessionEngine
from workshop_tui.domain.records import Participant
from workshop_tui.domain.snapshot import SessionSetup
from workshop_tui.screens.facilitate import FacilitateScreen
from workshop_tui.screens.help import HelpScreen
from workshop_tui.screens.picker import PickerScreen
from workshop_tui.screens.summary import SummaryScreen
from workshop_tui.storage import open_store

if TYPE_CHECKING:
    from workshop_tui.app.workshop_app import WorkshopApp

__all__ = ["clock"]

SIZE = (100, 30)
SMALL = (80, 24)
Step = Callable[[Pilot[None]], Awaitable[None]]
Snap = Callable[..., bool]


def seed_unfinished_session(db_path: Path, clock: FakeClock) -> int:
    """A session of the Customer Working Agreement left on its third part."""
    loaded = load_script(find_script("customer-working-agreement", []))
    store = open_store(db_path)
    try:
        engine = SessionEngine.begin(
            loaded.script,
            loaded.source,
            SessionSetup(
                customer="Northwind Clinics",
                facilitator="Kim Park",
                participants=(Participant("Ana Lopez", "Product Owner"),),
            ),
            store,
            clock,
        )
        engine.timing.start()
        clock.advance(8 * 60)
        engine.timing.next_part()
        clock.advance(12 * 60)
        engine.timing.next_part()
        engine.timing.pause()
        return engine.session.id
    finally:
        store.close()


def resumed_app(
    tmp_path: Path, clock: FakeClock, *, exports_dir: Path | None = None
) -> WorkshopApp:
    """The app as ``workshop resume`` opens the session ``seed_unfinished_session`` stores."""
    db = tmp_path / "w.db"
    session_id = seed_unfinished_session(db, clock)
    return make_app(db, clock, script_ref=None, session_id=session_id, exports_dir=exports_dir)


async def in_dialog(pilot: Pilot[None], *keys: str) -> None:
    """Wait for a dialog, then press ``keys`` in it."""
    await wait_for_screen(pilot, FormDialog)
    await pilot.press(*keys)


async def answer(pilot: Pilot[None], *texts: str) -> None:
    """Type each text into the dialog's fields, Enter after each (on the last it saves)."""
    await wait_for_screen(pilot, FormDialog)
    for text in texts:
        await pilot.press("end")  # a field's text is selected on focus: type after it
        await type_text(pilot, text)
        await pilot.press("enter")
    await wait_for_screen(pilot, FacilitateScreen)


# -- what the room does on each part before the picture -------------------------------------
async def opening_with_a_note(pilot: Pilot[None]) -> None:
    await pilot.press("n")
    await answer(pilot, "Ana will act as Product Owner, two days a week")


async def cynefin_with_items_placed(pilot: Pilot[None]) -> None:
    await go_to_part(pilot, 1)
    await pilot.press("3", "2", "4")  # the first three tray items: Complex, Complicated, Chaotic


async def promises_agreed_and_amended(pilot: Pilot[None]) -> None:
    await go_to_part(pilot, 2)
    await pilot.press("y")  # table the first Delivery team promise as agreed
    await answer(pilot, "")  # with no note
    await pilot.press("down", "enter", "m")  # table the next, then amend its wording
    await answer(pilot, " for the whole engagement", "")


async def decisions_with_an_objection(pilot: Pilot[None]) -> None:
    await go_to_part(pilot, 3)
    await pilot.press("o")
    await answer(pilot, "Reporting is fixed by regulation, not complex")


async def signoff_with_one_initial(pilot: Pilot[None]) -> None:
    await go_to_part(pilot, 4)
    await pilot.press("i")
    await wait_for_screen(pilot, ConfirmDialog)  # nothing on the board yet: asked first
    await pilot.press("y")
    await in_dialog(pilot, "ctrl+s")  # the dialog offers the sponsor, Bo Chen, BC
    await wait_for_screen(pilot, FacilitateScreen)


async def actions_with_one_action(pilot: Pilot[None]) -> None:
    await go_to_part(pilot, 5)
    await pilot.press("a")
    await answer(pilot, "Send the signed agreement to the sponsor", "Di Evans", "+7d")


PARTS: dict[str, Step] = {
    "discussion": opening_with_a_note,
    "cynefin": cynefin_with_items_placed,
    "promises": promises_agreed_and_amended,
    "decisions": decisions_with_an_objection,
    "signoff": signoff_with_one_initial,
    "actions": actions_with_one_action,
}


def session_then(*steps: Step) -> Step:
    """Set up and start a session by keys, then run ``steps``, then settle for the picture."""

    async def run(pilot: Pilot[None]) -> None:
        await start_session(pilot)
        for step in steps:
            await step(pilot)
        await settle(pilot)

    return run


# -- the snapshots ------------------------------------------------------------------------------
def test_picker_with_an_unfinished_session(
    snap_compare: Snap, tmp_path: Path, clock: FakeClock
) -> None:
    """Bundled scripts, then the session left on part 3, with its details on the right."""
    db = tmp_path / "w.db"
    seed_unfinished_session(db, clock)
    app = make_app(db, clock, script_ref=None)

    async def run(pilot: Pilot[None]) -> None:
        await wait_for_screen(pilot, PickerScreen)
        await wait_until(pilot, lambda: pilot.app.screen.query_one("#choices").option_count > 4)
        await pilot.press("end")
        await settle(pilot)

    assert snap_compare(app, terminal_size=SIZE, run_before=run)


def test_setup_filled_in(snap_compare: Snap, tmp_path: Path, clock: FakeClock) -> None:
    """Customer, facilitator and four people typed in; the agenda starts at 09:00."""

    async def run(pilot: Pilot[None]) -> None:
        await fill_setup(pilot)
        await settle(pilot)

    assert snap_compare(make_app(tmp_path / "w.db", clock), terminal_size=SIZE, run_before=run)


@pytest.mark.parametrize("kind", list(PARTS))
def test_facilitation_part(snap_compare: Snap, tmp_path: Path, clock: FakeClock, kind: str) -> None:
    """One part of each activity kind of the Customer Working Agreement, with something recorded."""
    app = make_app(tmp_path / "w.db", clock)
    assert snap_compare(app, terminal_size=SIZE, run_before=session_then(PARTS[kind]))


def test_facilitation_cynefin_small_terminal(
    snap_compare: Snap, tmp_path: Path, clock: FakeClock
) -> None:
    """The Cynefin part on an 80x24 terminal."""
    app = make_app(tmp_path / "w.db", clock)
    step = session_then(cynefin_with_items_placed)
    assert snap_compare(app, terminal_size=SMALL, run_before=step)


def test_over_time(snap_compare: Snap, tmp_path: Path, clock: FakeClock) -> None:
    """The opening's timer running 1m05s past its 8 minutes."""

    async def over(pilot: Pilot[None]) -> None:
        await pilot.press("space")
        clock.advance(9 * 60 + 5)
        countdown = pilot.app.screen.query_one(BigCountdown)
        await wait_until(pilot, lambda: countdown.seconds < 0)
        await settle(pilot)  # the phase's CSS class restyles on the next frame

    app = make_app(tmp_path / "w.db", clock)
    assert snap_compare(app, terminal_size=SIZE, run_before=session_then(over))


def test_private_tips_shown(snap_compare: Snap, tmp_path: Path, clock: FakeClock) -> None:
    """t shows the facilitator's private notes for the part, and the script's tips."""

    async def tips(pilot: Pilot[None]) -> None:
        await go_to_part(pilot, 1)
        await pilot.press("t")

    app = make_app(tmp_path / "w.db", clock)
    assert snap_compare(app, terminal_size=SIZE, run_before=session_then(tips))


def test_help(snap_compare: Snap, tmp_path: Path, clock: FakeClock) -> None:
    """? over the Cynefin part: the panel's keys first, then the screen's and the app's."""

    async def keys(pilot: Pilot[None]) -> None:
        await go_to_part(pilot, 1)
        await pilot.press("question_mark")
        await wait_for_screen(pilot, HelpScreen)

    app = make_app(tmp_path / "w.db", clock)
    assert snap_compare(app, terminal_size=SIZE, run_before=session_then(keys))


def test_summary_after_finishing(snap_compare: Snap, tmp_path: Path, clock: FakeClock) -> None:
    """f then y after a timed opening with a note, a placed item and an agreed promise."""

    async def finish(pilot: Pilot[None]) -> None:
        await pilot.press("space")
        clock.advance(9 * 60)
        await opening_with_a_note(pilot)
        await pilot.press("pagedown")
        clock.advance(11 * 60)
        await pilot.press("3")
        await pilot.press("pagedown")
        clock.advance(5 * 60)
        await pilot.press("y")
        await answer(pilot, "")  # agreed, with no note
        await pilot.press("f")
        await pilot.press("y")
        await wait_for_screen(pilot, SummaryScreen)

    app = make_app(tmp_path / "w.db", clock, exports_dir=tmp_path / "exports")
    assert snap_compare(app, terminal_size=SIZE, run_before=session_then(finish))


async def test_a_corrupt_database_stops_with_one_sentence_naming_it(
    tmp_path: Path,
    clock: FakeClock,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A database file that is not SQLite, with no set-up typed yet (the picker): the app
    exits with status 2 and one sentence. (On set-up, see test_setup_draft.py.)"""
    monkeypatch.chdir(tmp_path)  # a short relative path: the sentence is printed unwrapped
    db = Path("workshop.db")
    garbage = b"this is not a database\x00\x01\x02" * 64
    db.write_bytes(garbage)
    app = make_app(db, clock, script_ref=None)
    async with app.run_test(size=SIZE) as pilot:
        await wait_until(pilot, lambda: app.return_code is not None)
    assert app.return_code == 2
    printed = capsys.readouterr()
    said = " ".join((printed.out + printed.err).split())
    assert said == (
        f"workshop: {db} is not a workshop-tui database or is damaged; it was left untouched"
    )
    assert db.read_bytes() == garbage
