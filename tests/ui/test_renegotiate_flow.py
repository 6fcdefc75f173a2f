"""Renegotiate a finished Customer Working Agreement through the real app, by key presses.

Version 1 is run and finished through the engine (the whole-workshop test drives one
by keys already); version 2 is set up, negotiated, initialled, finished and exported
by keys: the export holds "Changes since version 1" (as the summary shows it) and the chain
has two versions.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from textual.widgets import DataTable, Static

from tests.ui.test_full_session import replace_in_dialog, type_into_dialog, wait_for
from workshop_tui.app.launch import Launch
from workshop_tui.app.workshop_app import WorkshopApp
from workshop_tui.content.catalog import find_script
from workshop_tui.content.loader import load_script
from workshop_tui.dialogs.confirm import ConfirmDialog
from workshop_tui.dialogs.form import FormDialog
from workshop_tui.domain.clock import FakeClock
from workshop_tui.domain.engine import SessionEngine
from workshop_tui.domain.kinds import PromiseStatus
from workshop_tui.domain.living import chain
from workshop_tui.domain.records import Participant
from workshop_tui.domain.snapshot import SessionSetup
from workshop_tui.screens.changes import ChangesScreen
from workshop_tui.screens.facilitate import FacilitateScreen
from workshop_tui.screens.notes_preview import NotesPreview
from workshop_tui.screens.setup import SetupScreen
from workshop_tui.screens.stats import StatsScreen
from workshop_tui.screens.summary import SummaryScreen
from workshop_tui.storage import open_store

ROOM = (
    Participant("Ana Ruiz", "Product Owner"),
    Participant("Bo Chen", "Customer sponsor"),
    Participant("Dee Patel", "Delivery lead"),
)


def first_version(db: Path, clock: FakeClock) -> int:
    loaded = load_script(find_script("customer-working-agreement"))
    store = open_store(db)
    setup = SessionSetup("Acme Health", "Kim Lee", ROOM)
    engine = SessionEngine.begin(loaded.script, loaded.source, setup, store, clock)
    engine.timing.start()
    engine.timing.go_to(2)
    for text in (
        "A usable increment every Sprint, including the first",
        "A Scrum Master who keeps the collaboration working",
    ):
        engine.promises.add("Delivery team", text, status=PromiseStatus.AGREED)
    engine.promises.add("Customer", "Provide a Product Owner", status=PromiseStatus.AGREED)
    engine.timing.go_to(5)
    engine.actions.add("Send the Statement of Work inputs", "Kim Lee", date(2026, 12, 1))
    engine.timing.finish()
    engine.close()
    store.close()
    return engine.session.id


async def test_finish_renegotiate_change_two_promises_resign_export(tmp_path: Path) -> None:
    db = tmp_path / "workshop.db"
    exports = tmp_path / "exports"
    clock = FakeClock()
    first = first_version(db, clock)
    clock.advance(90 * 24 * 3600)
    app = WorkshopApp(Launch(store=db, renegotiate=first, exports_dir=exports), clock=clock)
    async with app.run_test(size=(100, 30)) as pilot:
        setup = await wait_for(pilot, SetupScreen)
        assert setup.query_one("#customer").value == "Acme Health"  # type: ignore[attr-defined]
        assert "Version 2 of the agreement with Acme Health" in str(
            setup.query_one("#setup-renegotiation").render()
        )
        await pilot.press("ctrl+s")
        await wait_for(pilot, FacilitateScreen)
        assert isinstance(app.screen, FacilitateScreen)
        engine = app.screen.engine
        assert engine.session.renegotiates == first
        assert [a.carried_from for a in engine.session.actions] == [first]

        await pilot.press("pagedown", "pagedown")
        await pilot.pause()
        assert engine.part.id == "negotiate-promises"
        # The first carried promise: reword it. The next one: decline it.
        await pilot.press("m")
        await replace_in_dialog(pilot, "text", "A usable increment every two weeks")
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("down", "down", "d")  # past the prepared one not carried over
        await wait_for(pilot, FormDialog)  # declining asks an optional reason in the same step
        await pilot.press("ctrl+s")
        await wait_for(pilot, FacilitateScreen)

        # During the session: what changed so far, the review date, planned against actual.
        await pilot.press("ctrl+g")
        changes = await wait_for(pilot, ChangesScreen)
        shown = str(changes.query_one("#changes-text", Static).render())
        assert "Changes since version 1" in shown and "reworded" in shown
        await pilot.press("escape")
        await pilot.press("ctrl+r")
        await type_into_dialog(pilot, "in 3 months")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert engine.corrections.review_date == date(2027, 5, 19)
        await pilot.press("ctrl+o")
        stats = await wait_for(pilot, StatsScreen)
        assert stats.query_one("#stats-table", DataTable).row_count >= 1
        await pilot.press("escape")
        await wait_for(pilot, FacilitateScreen)

        await pilot.press("pagedown", "pagedown")
        await pilot.pause()
        assert engine.part.id == "sign-off"
        await pilot.press("i")
        await wait_for(pilot, ConfirmDialog)  # the board has work still to place: asked first
        await pilot.press("y")
        await wait_for(pilot, FormDialog)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert engine.session.signoffs, "initialled anew in version 2"

        await pilot.press("pagedown")
        await pilot.pause()
        await pilot.press("d")  # the carried action: done
        await pilot.pause()
        await pilot.press("f")
        await wait_for(pilot, ConfirmDialog)
        await pilot.press("y")
        await wait_for(pilot, SummaryScreen)
        shown = app.screen.query_one(NotesPreview).markdown
        await pilot.press("x")
        await pilot.pause()
        second = engine.session.id

    (written,) = exports.iterdir()
    notes = written.read_text(encoding="utf-8")
    assert shown == notes, "the summary shows exactly what x writes, version and changes too"
    assert (
        "Version 2 of the agreement with Acme Health (renegotiates version 1 of 2026-11-21)."
        in notes
    )
    assert "## Changes since version 1 (2026-11-21)" in notes
    assert (
        "Delivery team, reworded: “A usable increment every Sprint, including the first” → "
        "“A usable increment every two weeks”"
    ) in notes
    assert "A Scrum Master who keeps the collaboration working”; promised → declined" in notes
    assert "| Send the Statement of Work inputs | Kim Lee | the session of 2026-11-21 | done |" in (
        notes
    )
    with open_store(db, readonly=True) as store:
        summaries = store.list_sessions()
    assert chain.versions(summaries) == {first: 1, second: 2}
    assert [s.id for s in chain.chain_of(summaries, first)] == [first, second]
