"""Issue 29, items 8, 9, 11 and 16: the flow never trips the facilitator.

Nothing moves under the selection, Ctrl+Z takes back the last action as a correction,
the sign-off reads its text first and moves on, and what the app says reads right. Each
test drives the real app by keys and reads the store and both exports afterwards.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import cast

from tests.ui.app_driver import (
    clock,
    fill_setup,
    go_to_part,
    make_app,
    start_session,
    wait_until,
)
from tests.ui.truth_driver import (
    confirm,
    exports,
    facilitating,
    fill,
    section_of,
    stored,
    toast_saying,
)
from workshop_tui.boards.registry import view_for
from workshop_tui.boards.signoff import SignoffBoard
from workshop_tui.controls.promises import PromisesControls
from workshop_tui.domain.clock import FakeClock
from workshop_tui.domain.engine import SessionEngine
from workshop_tui.domain.kinds import EventKind, InitialKind, PromiseStatus
from workshop_tui.domain.read_models.audience import Audience
from workshop_tui.domain.read_models.cynefin import TRAY, CynefinView
from workshop_tui.domain.read_models.promises import promises_view
from workshop_tui.screens.help import key_rows
from workshop_tui.widgets.footer import footer_runs

TEAM = "A dedicated team of Developers who can turn the requested value into a usable increment"

__all__ = ["clock"]


def team_column(engine: SessionEngine) -> list[str]:
    """The Delivery team's column, top to bottom, as the board lists it."""
    view = promises_view(engine.part, engine.session)
    return [entry.wording for entry in view.columns[0].entries]


def selected_section(board: SignoffBoard) -> str | None:
    section = board.selected
    return section.section_id if section is not None else None


async def test_8_tabling_a_promise_moves_nothing_under_the_selection(
    tmp_path: Path, clock: FakeClock
) -> None:
    db = tmp_path / "w.db"
    app = make_app(db, clock)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await start_session(pilot)
        await go_to_part(pilot, 2)
        controls = cast(PromisesControls, screen.controls)
        order = team_column(screen.engine)
        await pilot.press("down", "enter")  # the second prepared promise, tabled in place
        await pilot.pause()
        assert team_column(screen.engine) == order
        assert controls.selected.wording == TEAM and controls.selected.thread is not None
        await pilot.press("right", "left")  # → keeps the row: the same promise, still
        assert controls.selected.wording == TEAM
        await pilot.press("y")
        await fill(pilot, "Four people, full time, from Sprint 1")
        session_id = screen.engine.session.id
    [*_, agreed] = stored(db, session_id).promises
    assert (agreed.text, agreed.status) == (TEAM, PromiseStatus.AGREED)
    assert agreed.note == "Four people, full time, from Sprint 1"
    _, agreement = exports(db, session_id)
    promised = section_of(agreement, "Promises").split("### Customer")[0]
    assert f"**{TEAM}**" in promised and "Note: Four people, full time, from Sprint 1" in promised


async def test_9_ctrl_z_takes_back_the_last_action_as_a_correction(
    tmp_path: Path, clock: FakeClock
) -> None:
    db = tmp_path / "w.db"
    app = make_app(db, clock)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await start_session(pilot)
        engine = screen.engine
        await go_to_part(pilot, 1)
        await pilot.press("3")  # the first item of the tray, placed in Complex
        await pilot.press("ctrl+z")
        said = await toast_saying(pilot, "Took back")
        assert said.startswith("Took back placing “") and said.endswith("in Complex.")
        session = stored(db, engine.session.id)
        assert session.classifications == [] and len(session.taken_back) == 1
        [undone] = [e for e in session.events if e.kind is EventKind.UNDONE]
        assert undone.undoes == (("classifications", session.taken_back[0].id),)
        room = view_for(engine.script, engine.part, session, date.today(), audience=Audience.ROOM)
        assert cast(CynefinView, room).stops[0].region == TRAY  # the room view follows
        await go_to_part(pilot, 2)
        await pilot.press("enter", "y")  # tabled, then agreed
        await fill(pilot)
        await pilot.press("ctrl+z")  # the status taken back: proposed again
        await toast_saying(pilot, "Took back marking “A usable increment")
        assert stored(db, engine.session.id).promises[-1].status is PromiseStatus.PROPOSED
        await go_to_part(pilot, 4)
        await pilot.press("a")
        await confirm(pilot, "y")  # the whole room's initials, in one step
        await pilot.press("ctrl+z")  # ... taken back in one step
        await toast_saying(pilot, "Took back the initials of")
        assert stored(db, engine.session.id).signoffs == []
        await pilot.press("n")
        await fill(pilot, "A note meant for the next part")
        await pilot.press("ctrl+z")
        await toast_saying(pilot, "Took back the note “A note meant for the next part”")
        session_id = engine.session.id
    session = stored(db, session_id)
    assert session.notes == [] and len(session.taken_back) == 6
    notes, agreement = exports(db, session_id)
    taken = section_of(notes, "Taken back")
    assert "took back marking “A usable increment every Sprint, including the…” agreed" in taken
    assert "took back the note “A note meant for the next part”" in taken
    assert "A usable increment" not in section_of(agreement, "Promises").split("Still open")[0]
    assert "Taken back" not in agreement


async def test_11_sign_off_reads_its_text_first_and_all_present_moves_on(
    tmp_path: Path, clock: FakeClock
) -> None:
    db = tmp_path / "w.db"
    app = make_app(db, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await start_session(pilot)
        await go_to_part(pilot, 4)
        detail = [w.id for w in screen.query_one("#signoff-detail").children]
        assert detail.index("signoff-text") < detail.index("signoff-roles")
        footer = "".join(run.text for run in footer_runs(screen, palette=False)[0])
        assert "Scroll text" in footer  # shift+↓ and shift+↑, read on and back
        names = [row.name for row in key_rows(screen)]
        assert names.index("All present") < names.index("Timer"), "the board's keys first in ?"
        assert {"Redo", "Read on", "Read back", "Hold", "Withdraw"} <= set(names)
        await pilot.press("h")
        await fill(pilot, "", "Wants the board to read it first")  # Customer sponsor holds
        await pilot.press("a")
        await confirm(pilot, "y")
        board = screen.query_one(SignoffBoard)
        await wait_until(pilot, lambda: selected_section(board) == "delivery-team-promises")
        session_id = screen.engine.session.id
    kinds = [(row.role, row.kind) for row in stored(db, session_id).signoffs]
    assert kinds[0] == ("Customer sponsor", InitialKind.HELD) and len(kinds) == 3
    for document in exports(db, session_id):
        assert "Customer sponsor holds their initial (Wants the board to read it first)" in (
            section_of(document, "Sign-off")
        )


async def test_16_what_the_app_says_reads_right(tmp_path: Path, clock: FakeClock) -> None:
    db = tmp_path / "w.db"
    app = make_app(db, clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await fill_setup(pilot)
        await pilot.press("ctrl+s")
        screen = await facilitating(pilot)
        await toast_saying(pilot, "7 prepared items not ticked; starting anyway.")
        await go_to_part(pilot, 4)
        await pilot.press("down")  # "Delivery team promises"
        await pilot.press("h")
        await fill(pilot, "", "Reads the contract first")
        await pilot.press("a")
        _, said = await confirm(pilot, "n")
        assert "Customer sponsor holds their initial." in said
        await pilot.press("i")
        await confirm(pilot, "y")  # it waits for a promise: initial anyway
        await fill(pilot, "P")  # the role chosen by its first letter: Product Owner
        await pilot.press("w")
        await fill(pilot, "", "Initialled the wrong section")
        await pilot.press("r")
        said = await toast_saying(pilot, "No initial stands")
        assert "nothing to do again" not in said
        assert "Product Owner withdrew theirs" in said and "Customer sponsor holds it" in said
        session_id = screen.engine.session.id
    rows = stored(db, session_id).signoffs
    assert [row.kind for row in rows] == [
        InitialKind.HELD,
        InitialKind.INITIALLED,
        InitialKind.WITHDRAWN,
    ]
    notes, agreement = exports(db, session_id)
    assert "Product Owner withdrew their initial (Initialled the wrong section)" in agreement
    history = [line for line in notes.splitlines() if "withdrew their initial:" in line]
    assert history == [
        "- 09:00 Product Owner (Ana Lopez, for Acme Health) withdrew their initial: "
        "Initialled the wrong section"
    ], section_of(notes, "Sign-off")
    assert "(s)" not in notes
