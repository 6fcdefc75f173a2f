"""Issue 29, items 1-7: what the customer takes home is true.

Each test drives the real app by keys, then reads the database afresh and renders both
exports as ``workshop export`` does: what the record says is what happened.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from textual.widgets import Static

from tests.ui.app_driver import (
    clock,
    go_to_part,
    make_app,
    start_session,
    wait_for_screen,
    wait_until,
)
from tests.ui.test_renegotiate_flow import ROOM as RENEGOTIATED_ROOM
from tests.ui.truth_driver import (
    PE,
    PE_ROOM,
    confirm,
    exports,
    facilitating,
    fill,
    section_of,
    stored,
    toast_saying,
)
from workshop_tui.app.launch import Launch
from workshop_tui.app.workshop_app import WorkshopApp
from workshop_tui.content.catalog import find_script
from workshop_tui.content.loader import load_script
from workshop_tui.domain.clock import FakeClock
from workshop_tui.domain.engine import SessionEngine
from workshop_tui.domain.read_models.local_time import hhmm
from workshop_tui.domain.snapshot import SessionSetup
from workshop_tui.screens.facilitate import FacilitateScreen
from workshop_tui.screens.setup import SetupScreen
from workshop_tui.screens.summary import SummaryScreen
from workshop_tui.storage import open_store

SAMPLE = "Share a 1,000-row sample of the claims data"

__all__ = ["clock"]


def version_one(db: Path, clock: FakeClock) -> int:
    """A finished first version with three open actions, to be carried over."""
    loaded = load_script(find_script("customer-working-agreement"))
    with open_store(db) as store:
        setup = SessionSetup("Acme Health", "Kim Lee", RENEGOTIATED_ROOM)
        engine = SessionEngine.begin(loaded.script, loaded.source, setup, store, clock)
        engine.timing.start()
        engine.timing.go_to(5)
        engine.actions.add("Send the minutes", "Kim Lee", date(2026, 11, 28))
        engine.actions.add("Book the room", "Bo Chen")
        engine.actions.add(SAMPLE, "Alex Chen", date(2026, 12, 21))
        engine.timing.finish()
        engine.close()
    return engine.session.id


async def test_1_a_dropped_carried_action_is_dropped_in_the_store_both_exports_and_summary(
    tmp_path: Path, clock: FakeClock
) -> None:
    db = tmp_path / "w.db"
    first = version_one(db, clock)
    clock.advance(30 * 24 * 3600)
    app = WorkshopApp(Launch(store=db, renegotiate=first), clock=clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_for_screen(pilot, SetupScreen)  # prefilled with the people of version 1
        await pilot.press("ctrl+s")
        screen = await facilitating(pilot)
        await go_to_part(pilot, 5)
        await pilot.press("down", "down", "delete")  # the third ↻ action, taken off the list
        await fill(pilot, "the data team shared the whole set")
        session_id = screen.engine.session.id
        [*_, sample] = [a for a in stored(db, session_id).actions if a.text == SAMPLE]
        assert (sample.dropped, sample.done) == (True, False)
        await pilot.press("f")
        await confirm(pilot, "y")
        summary = await wait_for_screen(pilot, SummaryScreen)
        counts = str(summary.query_one("#summary-counts", Static).render())
    notes, agreement = exports(db, session_id)
    row = f"| 3 | {SAMPLE} | Alex Chen | 2026-12-21 | Dropped |"
    assert row in section_of(notes, "Action items") and row in agreement
    assert "action 3: dropped (the data team shared the whole set)" in notes
    assert "saved again" not in notes
    for document in (notes, agreement):
        carried = section_of(document, "Actions carried over")
        assert f"| {SAMPLE} | Alex Chen | the session of 2026-11-21 | dropped |" in carried
    figure = "Actions: 3 (2 open, 1 dropped)"
    assert figure in counts
    assert figure in section_of(notes, "Intended outcomes and what came out")


async def test_2_a_skipped_part_asks_first_and_is_recorded_as_skipped(
    tmp_path: Path, clock: FakeClock
) -> None:
    db = tmp_path / "w.db"
    app = make_app(db, clock, script_ref=PE)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await start_session(pilot, people=PE_ROOM)
        await pilot.press("space")
        await go_to_part(pilot, 3)  # the timer runs on into "Cadence and Shared Artifacts"
        clock.advance(2)
        await pilot.press("ctrl+k")
        await confirm(pilot, "n")  # not yet: nothing moves
        assert screen.engine.index == 3
        await pilot.press("ctrl+k")
        asked, _ = await confirm(pilot, "y")
        assert asked == "Skip “Cadence and Shared Artifacts”?"
        await wait_until(pilot, lambda: screen.engine.index == 4)
        assert screen.engine.timing.agenda()[3].status == "skipped"
        session_id = screen.engine.session.id
    timing = stored(db, session_id).timings[3]
    assert timing.skipped and timing.finished_at is None and timing.elapsed_seconds >= 2
    notes, agreement = exports(db, session_id)
    [row] = [line for line in notes.splitlines() if line.startswith("| 4 | Cadence")]
    assert row.endswith("| Skipped |")
    assert "- Parts skipped: Cadence and Shared Artifacts" in section_of(
        agreement, "What is still open"
    )


async def test_3_the_summary_and_the_notes_count_from_one_place(
    tmp_path: Path, clock: FakeClock
) -> None:
    db = tmp_path / "w.db"
    app = make_app(db, clock)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await start_session(pilot)
        await go_to_part(pilot, 1)
        await pilot.press("3", "3", "2")  # three items of the tray placed
        await pilot.press("c")
        await confirm(pilot, "y")  # the board's agility advice: a decision of its own
        await go_to_part(pilot, 3)
        await pilot.press("w")  # the first question's outcome, written
        await fill(pilot, "Sprint by Sprint, from the first")
        await pilot.press("f")
        await confirm(pilot, "y")
        summary = await wait_for_screen(pilot, SummaryScreen)
        shown = str(summary.query_one("#summary-counts", Static).render()).splitlines()
        session_id = screen.engine.session.id
    notes, _ = exports(db, session_id)
    produced = section_of(notes, "Intended outcomes and what came out").split(
        "What this session produced:"
    )[1]
    written = [line.removeprefix("- ") for line in produced.strip().splitlines()]
    assert shown == written
    assert "Decisions: 1 recorded, 2 not decided" in shown  # the agility decision apart
    assert "Level of agility: agreed" in shown


async def test_4_initialling_what_is_not_decided_asks_and_the_section_says_what_it_waits_for(
    tmp_path: Path, clock: FakeClock
) -> None:
    db = tmp_path / "w.db"
    app = make_app(db, clock, script_ref=PE)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await start_session(pilot, people=PE_ROOM)
        await go_to_part(pilot, 9)
        waiting = str(screen.query_one("#signoff-waiting", Static).render())
        assert "Waiting for: a decision on “Do we consent to the outcome statement" in waiting
        await pilot.press("a")
        asked, said = await confirm(pilot, "n")
        assert asked == "Initial “Outcomes and measures” while it waits for something?"
        assert "It reads as not settled: waiting for a decision on" in said
        await pilot.press("i")
        asked, _ = await confirm(pilot, "n")  # one by one asks first too
        assert "while it waits" in asked
        session_id = screen.engine.session.id
        assert stored(db, session_id).signoffs == []
        await pilot.press("a")
        await confirm(pilot, "y")  # the leads initial it as it reads, knowing
        await wait_until(pilot, lambda: len(stored(db, session_id).signoffs) == 3)
    notes, agreement = exports(db, session_id)
    said = "**Waiting for:** a decision on “Do we consent to the outcome statement as written"
    for document in (notes, agreement):
        assert said in section_of(document, "Sign-off")


async def test_5_what_a_consent_decides_is_asked_shown_and_printed(
    tmp_path: Path, clock: FakeClock
) -> None:
    db = tmp_path / "w.db"
    statement = "Claimants file a claim online without calling us, by the end of Q2."
    app = make_app(db, clock, script_ref=PE)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await start_session(pilot, people=PE_ROOM)
        await go_to_part(pilot, 1)
        await pilot.press("enter")  # consent on the outcome statement
        dialog = await fill(pilot, save=False)
        await pilot.press("ctrl+s")  # nothing typed: refused, the words are needed
        assert screen.app.screen is dialog
        assert "is needed" in str(dialog.query_one("#dialog-error", Static).render())
        await fill(pilot, statement)
        await facilitating(pilot)
        work = str(screen.controls.query_one("#decision-work", Static).render())
        assert f"Outcome: {statement}" in work
        session_id = screen.engine.session.id
    [decision] = stored(db, session_id).decisions
    assert (decision.outcome, decision.agreed) == (statement, True)
    _, agreement = exports(db, session_id)
    question = "Do we consent to the outcome statement as written in the notes?"
    assert f"| {question} | Consent | Agreed: {statement} |" in agreement
    assert f"> {question} Agreed: {statement}" in section_of(agreement, "Sign-off")


async def test_6_finish_lists_what_is_open_and_the_agreement_opens_with_it(
    tmp_path: Path, clock: FakeClock
) -> None:
    db = tmp_path / "w.db"
    app = make_app(db, clock)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await start_session(pilot)
        await go_to_part(pilot, 4)
        await pilot.press("h")
        await fill(pilot, "", "Wants the board to read it first")
        await pilot.press("f")
        _, detail = await confirm(pilot, "n")  # go back: nothing is closed
        session_id = screen.engine.session.id
        assert stored(db, session_id).finished_at is None
        await pilot.press("f")
        await confirm(pilot, "y")
        await wait_for_screen(pilot, SummaryScreen)
    listed = [line.removeprefix("• ") for line in detail.splitlines() if line.startswith("• ")]
    assert "Held: Type of work (Customer sponsor: Wants the board to read it first)" in listed
    assert any(line.startswith("Not decided: Do we agree the work is mostly") for line in listed)
    assert any(line.startswith("Promises never tabled: Delivery team:") for line in listed)
    _, agreement = exports(db, session_id)
    opening = section_of(agreement, "What is still open")
    assert [line.removeprefix("- ") for line in opening.splitlines()[2:] if line] == listed


async def test_7_a_resumed_session_says_the_time_of_day_it_stopped_and_the_time_left(
    tmp_path: Path, clock: FakeClock
) -> None:
    db = tmp_path / "w.db"
    loaded = load_script(find_script("customer-working-agreement"))
    store = open_store(db)
    engine = SessionEngine.begin(loaded.script, loaded.source, SessionSetup("Acme"), store, clock)
    engine.timing.go_to(2)
    engine.timing.start()
    clock.advance(6 * 60 + 8)
    engine.heartbeat()  # last seen at 09:06; then killed (-9): nothing more is written
    seen, left = hhmm(clock.now()), "11:52"
    clock.advance(78 * 60)
    app = make_app(db, clock, script_ref=None, session_id=engine.session.id)
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_for_screen(pilot, FacilitateScreen)
        said = await toast_saying(pilot, "Back at")
    store.close()
    assert said.startswith('Back at "Negotiate Promises"')
    assert f"last seen at {seen}, with {left} left on the part" in said
    assert "paused at 11:52" not in said
