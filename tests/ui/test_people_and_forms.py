"""Issue 29, items 10, 12, 13, 14 and 15: people who come and go, private notes, set-up and
part screens, forms, and who signed for whom.

Each test drives the real app by keys and reads the store and both exports afterwards.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from textual.widgets import DataTable, Input, Select, Static

from tests.ui.app_driver import (
    add_person,
    clock,
    enter_text,
    fill_setup,
    go_to_part,
    make_app,
    pin_time,
    start_session,
    wait_for_screen,
    wait_until,
)
from tests.ui.test_full_session import replace_in_dialog
from tests.ui.truth_driver import confirm, exports, facilitating, fill, section_of, stored
from workshop_tui.boards.brief import BriefBoard
from workshop_tui.boards.notes import NotesScroll
from workshop_tui.dialogs.form import FormDialog
from workshop_tui.domain.clock import FakeClock
from workshop_tui.domain.kinds import CynefinDomain, PromiseStatus, Side
from workshop_tui.domain.read_models.audience import Audience
from workshop_tui.domain.read_models.notes import notes_view
from workshop_tui.screens.setup import SetupScreen

PREPARED = "A usable increment every Sprint, including the first"

__all__ = ["clock"]


async def test_10_people_join_leave_and_a_delegate_is_named_once(
    tmp_path: Path, clock: FakeClock
) -> None:
    db = tmp_path / "w.db"
    app = make_app(db, clock)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await start_session(pilot)
        await pilot.press("space")
        clock.advance(300)
        await pilot.press("P")
        await fill(pilot)  # someone joins
        await fill(pilot, "Eve Ng", "Stakeholder")
        clock.advance(60)
        await pilot.press("P")
        await fill(pilot, "A")  # a delegate signs for a role (chosen by its first letter)
        await fill(pilot, "Fay Gold", "", "Bo Chen")  # for the Customer sponsor, Bo Chen
        await pilot.press("P")
        await wait_for_screen(pilot, FormDialog)
        await pilot.press("enter", "down", "enter")  # the list opens: someone leaves
        await fill(pilot)  # the first one listed: Ana Lopez
        await go_to_part(pilot, 4)
        await pilot.press("a")
        _, said = await confirm(pilot, "y")
        assert "Customer sponsor: Fay Gold (FG)" in said and "Ana Lopez" not in said
        session_id = screen.engine.session.id
    session = stored(db, session_id)
    people = {p.name: p for p in session.setup.participants}
    assert people["Eve Ng"].joined_at == datetime(2026, 11, 21, 9, 5, tzinfo=UTC)
    assert people["Fay Gold"].delegate_for == "Bo Chen"
    assert people["Ana Lopez"].left_at is not None, "left, and still on the record"
    signed = {row.role: row.person for row in session.signoffs}
    assert signed == {"Customer sponsor": "Fay Gold", "Delivery lead": "Cy Diaz"}
    for document in exports(db, session_id):
        heading = "Parties and people" if document.startswith("# Agreement") else "Participants"
        people_table = section_of(document, heading)
        assert "| Eve Ng | Stakeholder | Acme Health | joined at 09:05 |" in people_table
        assert "signs in place of Bo Chen; joined at 09:06" in people_table
        assert "| Ana Lopez | Product Owner | Acme Health | left at 09:06 |" in people_table
        assert "| Customer sponsor | Fay Gold | Acme Health, in place of Bo Chen |" in document


async def test_10_set_up_warns_about_who_signs_and_offers_the_scripts_roles_first(
    tmp_path: Path, clock: FakeClock
) -> None:
    db = tmp_path / "w.db"
    app = make_app(db, clock)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await fill_setup(pilot, people=[("Ana Lopez", "Product Owner")])
        warning = str(screen.query_one("#setup-warnings", Static).render())
        assert "Nobody plays Customer sponsor, Delivery lead and Scrum Master" in warning
        await pilot.press("ctrl+a")
        dialog = await wait_for_screen(pilot, FormDialog)
        await enter_text(pilot, "Bo Chen")
        await pilot.press("enter", *"Cust", "right")  # → completes the role
        assert dialog.query_one("#field-role", Input).value == "Customer sponsor"
        await pilot.press("ctrl+s")
        await wait_for_screen(pilot, SetupScreen)
        await pilot.press("ctrl+a")
        await add_person(pilot, "Gus Hale", "product owner")
        said = [str(n.message) for n in app._notifications]
        assert any("Ana Lopez is product owner too" in text for text in said)
        warning = str(screen.query_one("#setup-warnings", Static).render())
        assert "Ana Lopez and Gus Hale are both Product Owner: only Ana Lopez initials" in warning
        await pilot.press("ctrl+s")
        engine = (await facilitating(pilot)).engine
        session_id = engine.session.id
    roles = [(p.name, p.role) for p in stored(db, session_id).setup.participants]
    assert roles[1] == ("Bo Chen", "Customer sponsor")
    notes, _ = exports(db, session_id)
    assert "| Bo Chen | Customer sponsor |" in notes


async def test_12_a_private_note_is_the_facilitators_alone(
    tmp_path: Path, clock: FakeClock
) -> None:
    db = tmp_path / "w.db"
    app = make_app(db, clock)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await start_session(pilot)
        await pilot.press("p")
        await fill(pilot, "The sponsor looks unsure: ask at the break")
        await pilot.press("n")
        await fill(pilot, "Everyone is here")
        shown = screen.query_one(NotesScroll).text
        assert "private  The sponsor looks unsure" in shown and "Everyone is here" in shown
        engine = screen.engine
        session = stored(db, engine.session.id)
    assert [(n.text[:11], n.private) for n in session.notes] == [
        ("The sponsor", True),
        ("Everyone is", False),
    ]
    room = notes_view(engine.part, session, audience=Audience.ROOM)
    assert [line.text for line in room.notes] == ["Everyone is here"]
    notes, agreement = exports(db, engine.session.id)
    assert "**Private:** The sponsor looks unsure: ask at the break" in notes
    assert "sponsor looks unsure" not in agreement


async def test_13_the_first_participant_is_shown_whole_and_parts_open_at_their_top(
    tmp_path: Path, clock: FakeClock
) -> None:
    db = tmp_path / "w.db"
    app = make_app(db, clock)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await fill_setup(pilot, people=[("Priya Natarajan", "Customer sponsor")])
        table = screen.query_one("#participants", DataTable)
        await pilot.pause()
        assert "Priya Natarajan  Customer sponsor" in table.render_line(1).text
        await pilot.press("ctrl+s")
        facilitate = await facilitating(pilot)
        await go_to_part(pilot, 1)
        brief = facilitate.query_one(BriefBoard)
        await pilot.press("shift+pagedown")
        await wait_until(pilot, lambda: brief.scroll_y > 0)
        await pilot.press("pagedown")
        await wait_until(pilot, lambda: facilitate.engine.index == 2)
        assert brief.scroll_y == 0, "the next part opens with its name and goal in view"
        session_id = facilitate.engine.session.id
    notes, agreement = exports(db, session_id)
    for document in (notes, agreement):
        assert "| Priya Natarajan | Customer sponsor | Acme Health |" in document


@pytest.fixture
def monday(monkeypatch: pytest.MonkeyPatch) -> FakeClock:
    """A FakeClock on a Monday morning, the header and local times pinned to it."""
    clock = FakeClock(datetime(2026, 11, 23, 9, 0, tzinfo=UTC))
    pin_time(monkeypatch, clock)
    return clock


async def test_14_forms_open_their_lists_place_as_told_and_read_dates_as_people_mean(
    tmp_path: Path, monday: FakeClock
) -> None:
    db = tmp_path / "w.db"
    app = make_app(db, monday)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await start_session(pilot)
        await go_to_part(pilot, 1)
        await pilot.press("a")
        dialog = await fill(pilot, "Reporting for the regulator", save=False)
        await pilot.press("enter")  # to the domain: Enter opens its list
        await pilot.press("enter")
        await wait_until(pilot, lambda: dialog.query_one(Select).expanded)
        await pilot.press("escape", "5")  # the list closed, 5 chooses Confused at once
        await pilot.press("ctrl+s")
        await pilot.press("a")
        await fill(pilot, "Hiring plan", "0")  # 0: not placed yet, it waits in the tray
        await go_to_part(pilot, 2)
        await pilot.press("m")  # amended before it is tabled
        await replace_in_dialog(pilot, "text", "A usable increment every two weeks")
        await fill(pilot, "", "Sprints are two weeks")
        await go_to_part(pilot, 5)
        await pilot.press("a")
        dialog = await fill(pilot, "Send the minutes", "Kim Park", "next friday", save=False)
        understood = str(dialog.query_one("#understood-due", Static).render())
        assert understood == "Understood: Fri 4 Dec (2026-12-04)."
        await pilot.press("ctrl+s")
        await facilitating(pilot)
        session_id = screen.engine.session.id
    session = stored(db, session_id)
    assert [(row.item, row.domain) for row in session.classifications] == [
        ("Reporting for the regulator", CynefinDomain.CONFUSED),
        ("Hiring plan", None),
    ]
    tabled, reworded = session.promises
    assert (tabled.text, tabled.key) == (PREPARED, reworded.key)
    assert (reworded.status, reworded.reason) == (PromiseStatus.PROPOSED, "Sprints are two weeks")
    assert session.actions[0].due == date(2026, 12, 4)
    notes, agreement = exports(db, session_id)
    assert "### Not placed yet (1)" in notes and "Hiring plan" not in agreement
    assert "| 1 | Send the minutes | Kim Park | 2026-12-04 | Open |" in agreement
    # the notes keep the promise's history: the prepared wording, then the new one and why
    assert PREPARED in notes
    assert "A usable increment every two weeks; reason: Sprints are two weeks" in notes


async def test_15_set_up_names_both_sides_and_the_record_says_who_signed_for_whom(
    tmp_path: Path, clock: FakeClock
) -> None:
    db = tmp_path / "w.db"
    app = make_app(db, clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await fill_setup(pilot, people=[("Ana Lopez", "Customer sponsor")], supplier="Lumen Labs")
        for name, role, side in (
            ("Bo Chen", "Product Owner", "c"),
            ("Cy Diaz", "Delivery lead", "s"),
            ("Di Evans", "Scrum Master", "s"),
        ):
            await pilot.press("ctrl+a")
            await add_person(pilot, name, role, side)
        await pilot.press("ctrl+s")
        screen = await facilitating(pilot)
        await go_to_part(pilot, 4)
        await pilot.press("a")
        await confirm(pilot, "y")
        await pilot.press("up")  # "all present" moved on: back to the section just initialled
        roles = screen.query_one("#signoff-roles", Static)
        await wait_until(pilot, lambda: "Cy Diaz, for Lumen Labs" in str(roles.render()))
        session_id = screen.engine.session.id
    sides = {p.name: p.side for p in stored(db, session_id).setup.participants}
    assert sides == {
        "Ana Lopez": Side.CUSTOMER,
        "Bo Chen": Side.CUSTOMER,
        "Cy Diaz": Side.SUPPLIER,
        "Di Evans": Side.SUPPLIER,
    }
    notes, agreement = exports(db, session_id)
    for document in (notes, agreement):
        assert "- **Supplier:** Lumen Labs" in document
        assert "| Cy Diaz | Delivery lead | Lumen Labs |" in document
        assert "| Delivery lead | Cy Diaz | Lumen Labs | CD |" in section_of(document, "Sign-off")
        assert "| Customer sponsor | Ana Lopez | Acme Health | AL |" in document
