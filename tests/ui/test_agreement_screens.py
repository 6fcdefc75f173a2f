"""The agreement's screens: promises and sign-off as negotiated, corrections, both documents.

Pictures of the promises and sign-off parts at 100x30 and 80x24 (a long
wording, reasons, initials for an earlier wording, a hold), and Pilot runs of
the flows that correct what was recorded: holds, withdrawals and initials done
again, a note corrected and retracted, a finished session reopened, the
agreement exported from the summary.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import Select, Static

from tests.ui.agreement_seed import negotiated_session
from tests.ui.app_driver import (
    clock,
    go_to_part,
    make_app,
    settle,
    wait_for_screen,
    wait_until,
)
from tests.ui.panel_fixtures import signoff_script
from tests.ui.panel_harness import PanelApp, begin, fill, reloaded, shown
from tests.unit.test_export_bundled import NAMES, roles_of
from workshop_tui.boards.notes import NotesScroll
from workshop_tui.content.catalog import find_script
from workshop_tui.content.loader import load_script
from workshop_tui.controls.signoff import SignoffControls
from workshop_tui.dialogs.confirm import ConfirmDialog
from workshop_tui.dialogs.form import FormDialog
from workshop_tui.domain.clock import FakeClock
from workshop_tui.domain.engine import SessionEngine
from workshop_tui.domain.kinds import EventKind, InitialKind
from workshop_tui.domain.read_models import standing
from workshop_tui.domain.records import Participant
from workshop_tui.domain.snapshot import SessionSetup
from workshop_tui.screens.facilitate import FacilitateScreen
from workshop_tui.screens.summary import SummaryScreen
from workshop_tui.storage import open_store
from workshop_tui.widgets.marked_list import MarkedList

__all__ = ["clock"]

Snap = Callable[..., bool]


def resumed_on(keys: tuple[str, ...]) -> Callable[[Pilot[None]], Awaitable[None]]:
    async def run(pilot: Pilot[None]) -> None:
        await wait_for_screen(pilot, FacilitateScreen)
        await pilot.press(*keys)
        await settle(pilot)

    return run


@pytest.mark.parametrize("size", [(100, 30), (80, 24)], ids=["100x30", "80x24"])
@pytest.mark.parametrize(
    ("part", "keys"),
    [("negotiate-promises", ("down",)), ("sign-off", ("home", "down"))],
    ids=["promises", "signoff"],
)
def test_negotiated_part(
    snap_compare: Snap,
    tmp_path: Path,
    clock: FakeClock,
    part: str,
    keys: tuple[str, ...],
    size: tuple[int, int],
) -> None:
    """Promises: a long amended wording in full, reasons. Sign-off: stale initials, a hold."""
    session_id = negotiated_session(tmp_path / "w.db", clock, part)
    app = make_app(tmp_path / "w.db", clock, script_ref=None, session_id=session_id)
    assert snap_compare(app, terminal_size=size, run_before=resumed_on(keys))


async def test_everyone_present_then_hold_withdraw_and_redo(tmp_path: Path) -> None:
    engine = begin(tmp_path, signoff_script())
    app = PanelApp(lambda: SignoffControls(engine, engine.part))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("a")  # everyone present, confirmed with Enter: two presses
        await wait_for_screen(pilot, ConfirmDialog)
        await pilot.press("enter")
        await pilot.pause()
        first = [(s.role, s.initials) for s in engine.session.signoffs]
        assert first == [
            ("Customer sponsor", "BC"),
            ("Product Owner", "AL"),
            ("Delivery lead", "CD"),
        ]
        assert app.panel.query_one(MarkedList).selected_id == "delivery-promises"

        await pilot.press("up", "r")  # the sponsor's initial done again, by someone else
        await fill(pilot, person="Zoe Quinn", initials="", reason="wrong person")
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("w")
        await fill(pilot, reason="signed too early")
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("h")
        dialog = await fill(pilot, reason="legal reads it first")
        assert dialog.query_one("#field-role", Select).value == "Customer sponsor"
        await pilot.press("ctrl+s")
        await pilot.pause()

        stored = [s for s in reloaded(tmp_path, engine).signoffs if s.role == "Customer sponsor"]
        assert [(s.kind, s.person, s.initials, s.reason) for s in stored] == [
            (InitialKind.INITIALLED, "Bo Chen", "BC", ""),
            (InitialKind.INITIALLED, "Zoe Quinn", "ZQ", "wrong person"),
            (InitialKind.WITHDRAWN, "Zoe Quinn", "ZQ", "signed too early"),
            (InitialKind.HELD, "Bo Chen", "", "legal reads it first"),
        ]
        roles = shown(app.panel.query_one("#signoff-roles", Static))
        assert "‖ Customer sponsor held: legal reads it first" in roles
        row = str(app.panel.query_one(MarkedList).get_option_at_index(0).prompt)
        assert row.endswith("2/3 initialled\n  ‖ 1 held")


async def test_notes_corrected_and_retracted_then_reopened_from_the_summary(
    tmp_path: Path, clock: FakeClock
) -> None:
    session_id = negotiated_session(tmp_path / "w.db", clock, "opening")
    app = make_app(
        tmp_path / "w.db", clock, script_ref=None, session_id=session_id, exports_dir=tmp_path
    )
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await wait_for_screen(pilot, FacilitateScreen)
        engine = screen.engine
        await pilot.press("C")  # no note yet: it says so and opens nothing
        await pilot.pause()
        assert not isinstance(app.screen, FormDialog)
        note = engine.notes.add("Ana is PO")
        engine.notes.add("Wrong part")
        await pilot.press("C")
        dialog = await fill(pilot)
        dialog.query_one("#field-key", Select).value = note.key
        await pilot.press("ctrl+s")
        await fill(pilot, text="Ana is PO two days a week", reason="she said two")
        await pilot.press("ctrl+s")
        await wait_for_screen(pilot, FacilitateScreen)
        notes_board = screen.controls.query_one(NotesScroll).text
        assert "Ana is PO two days a week" in notes_board
        await pilot.press("N")  # the part's notes; c there corrects one, as C does
        await pilot.pause()
        await pilot.press("c")
        await wait_for_screen(pilot, FormDialog)
        await pilot.press("escape")
        await wait_for_screen(pilot, FacilitateScreen)

        await pilot.press("C")  # the newest note is offered first: retract it
        dialog = await fill(pilot)
        dialog.query_one("#field-what", Select).value = "retract"
        await pilot.press("ctrl+s")
        await fill(pilot, reason="typed in the wrong part")
        await pilot.press("ctrl+s")
        await wait_for_screen(pilot, FacilitateScreen)
        assert "Wrong part" not in screen.controls.query_one(NotesScroll).text

        await pilot.press("f")
        await wait_for_screen(pilot, ConfirmDialog)
        await pilot.press("y")
        await wait_for_screen(pilot, SummaryScreen)
        await pilot.press("a", "x")  # the agreement, then the full notes
        await wait_until(pilot, lambda: len(list(tmp_path.glob("*.md"))) == 2)
        paths = shown(app.screen.query_one("#export-path", Static))
        assert "Agreement exported to:" in paths and "Notes exported to:" in paths
        await pilot.press("c")
        await fill(pilot, reason="a forgotten action")
        await pilot.press("enter")
        await wait_for_screen(pilot, FacilitateScreen)
        assert not app.screen.engine.finished  # type: ignore[attr-defined]

    store = open_store(tmp_path / "w.db")
    try:
        stored = store.load_session(session_id)[1]
    finally:
        store.close()
    threads = standing.note_threads(stored.notes)
    assert [(t.current.text, t.retracted) for t in threads] == [
        ("Ana is PO two days a week", False),
        ("Wrong part", True),
    ]
    assert [t.current.reason for t in threads] == ["she said two", "typed in the wrong part"]
    assert [e.kind for e in stored.events] == [EventKind.REOPENED]
    assert stored.events[0].reason == "a forgotten action"
    [agreement] = tmp_path.glob("*-agreement.md")
    assert "Wrong part" not in agreement.read_text(encoding="utf-8")


async def test_the_partnership_agreement_is_signed_in_two_presses_a_section(
    tmp_path: Path, clock: FakeClock
) -> None:
    """Every section of every sign-off part: ``a`` then Enter; the selection moves on itself."""
    loaded = load_script(find_script("partnership-agreement", []))
    script = loaded.script
    room = tuple(Participant(NAMES[i], role) for i, role in enumerate(roles_of(script)))
    store = open_store(tmp_path / "w.db")
    try:
        engine = SessionEngine.begin(
            script, loaded.source, SessionSetup("Acme", participants=room), store, clock
        )
        session_id = engine.session.id
    finally:
        store.close()
    app = make_app(tmp_path / "w.db", clock, script_ref=None, session_id=session_id)
    presses = sections = 0
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await wait_for_screen(pilot, FacilitateScreen)
        for index, part in enumerate(script.parts):
            if part.activity.kind != "signoff":
                continue
            await go_to_part(pilot, index)
            for _ in part.activity.sections:
                await pilot.press("a")
                await wait_for_screen(pilot, ConfirmDialog)
                await pilot.press("enter")
                await wait_for_screen(pilot, FacilitateScreen)
                presses += 2
                sections += 1
            progress = screen.engine.signoff.progress(part)
            assert all(section.complete for section in progress), part.id
    initials = sum(
        len(part.activity.roles_for(section))
        for part in script.parts
        if part.activity.kind == "signoff"
        for section in part.activity.sections
    )
    assert (sections, presses, initials) == (23, 46, 126)
