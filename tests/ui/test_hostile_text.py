"""Hostile text through the whole app: set-up and every dialog of every part, by Pilot.

Markup (``[/]``, ``[@click=app.quit]q[/]``), escape sequences, control
characters, Markdown, wide characters and very long strings are typed or
pasted into every text field; the app must keep running, show no traceback and
no raw control character, and store what was typed (minus control characters).
Then a script whose every title, name, party, section, question and item is
hostile is run through every part the same way.

Before text was shown as text, 9 of the 236 inputs these drives tried crashed
the app (a MarkupError each time, so the rest of that drive never ran), the
hostile script crashed it before anything was typed, and raw control
characters reached the screen.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.pilot import Pilot

from tests.hostile_text import HostileText, raw_controls
from tests.ui.hostile_driver import (
    KEYS_OF,
    PEOPLE,
    Drive,
    drive_extras,
    drive_parts,
    drive_setup,
    expected,
    hostile_script,
)
from workshop_tui.app.launch import Launch
from workshop_tui.app.workshop_app import WorkshopApp
from workshop_tui.domain.clock import FakeClock
from workshop_tui.domain.snapshot import SessionSnapshot
from workshop_tui.storage import open_store

SIZE = (100, 30)
BUNDLED = ("customer-working-agreement", "product-engineering-agreement", "partnership-agreement")


async def drive_everything(pilot: Pilot[None], drive: Drive, driven: set[str]) -> None:
    await drive_setup(pilot, drive)
    await drive_parts(pilot, drive, driven)
    await drive_extras(pilot, drive)


def stored_session(db: Path) -> SessionSnapshot:
    store = open_store(db)
    try:
        [summary] = store.list_sessions()
        return store.load_session(summary.id)[1]
    finally:
        store.close()


def every_text(session: SessionSnapshot) -> list[str]:
    """Every piece of text the session stored."""
    setup = session.setup
    texts = [setup.customer, setup.facilitator]
    texts += [
        text
        for person in setup.participants
        for text in (person.name, person.role, person.delegate_for)
    ]
    texts += [note.text for note in session.notes]
    texts += [row.item + row.rationale for row in session.classifications]
    texts += [row.text + row.owner + row.note + row.party for row in session.promises]
    texts += [row.person + row.initials for row in session.signoffs]
    for decision in session.decisions:
        texts += [decision.question, decision.outcome, *decision.votes]
        texts += [o.text + o.resolution for o in decision.objections]
    texts += [row.text + row.owner for row in session.actions]
    return texts


async def run_drive(
    tmp_path: Path, script_ref: str, seed: int, driven: set[str]
) -> tuple[Drive, SessionSnapshot]:
    db = tmp_path / f"{seed}.db"
    drive = Drive(HostileText(seed))
    app = WorkshopApp(
        Launch(store=db, script_ref=script_ref, exports_dir=tmp_path / "exports"),
        clock=FakeClock(),
    )
    async with app.run_test(size=SIZE) as pilot:
        await drive_everything(pilot, drive, driven)
        assert app.return_code is None, "the app is still running"
    return drive, stored_session(db)


def check_stored(drive: Drive, session: SessionSnapshot, *, all_typed: bool = True) -> None:
    """What was saved is what was typed, minus control characters; with ``all_typed`` (no
    script text was stored), nothing stored holds a raw control character."""
    per_person = 3  # name, role, and whom a delegate signs for
    customer, facilitator, *people = drive.entered[: 2 + per_person * PEOPLE]
    setup = session.setup
    assert setup.customer == (expected(customer) or "plain")
    assert setup.facilitator == expected(facilitator)
    # A field left empty once its control characters are gone is refused; the drive then
    # saves "plain" instead.
    names = [expected(text) or "plain" for text in people[0::per_person]]
    assert [person.name for person in setup.participants] == names
    # A note of invisible characters only (zero-width spaces) passes the form and is refused
    # by the engine, as blank: the dialog stays open with the reason, and the drive saves
    # "plain" instead.
    notes = [expected(text) or "plain" for text in drive.notes]
    notes = [t if any(c.isprintable() and not c.isspace() for c in t) else "plain" for t in notes]
    assert [note.text for note in session.notes] == notes
    for text in every_text(session) if all_typed else ():
        assert not raw_controls(text), f"stored with a control character: {text[:80]!r}"


@pytest.mark.parametrize("script", BUNDLED)
async def test_hostile_text_in_every_field_of_a_bundled_script(tmp_path: Path, script: str) -> None:
    """Every dialog of the first script; on the others (the same kinds of part), the note and
    one dialog of each part, whose titles and intros show that script's own text."""
    driven = set() if script == BUNDLED[0] else set(KEYS_OF)
    drive, session = await run_drive(tmp_path, script, BUNDLED.index(script) + 1000, driven)
    check_stored(drive, session)
    print(f"{script}: {len(drive.entered)} hostile inputs, no crash")


async def test_a_script_of_hostile_text_runs_through_every_part(tmp_path: Path) -> None:
    script = hostile_script(tmp_path / "hostile.yaml", HostileText(99))
    drive, session = await run_drive(tmp_path, str(script), 2000, set())
    check_stored(drive, session, all_typed=False)  # a tabled promise keeps the script's text
    assert session.state.value == "finished"
    print(f"hostile script: {len(drive.entered)} hostile inputs, no crash")
