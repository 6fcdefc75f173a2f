"""A whole Customer Working Agreement session driven by key presses through the real app.

Set-up, Cynefin classification, promises agreed and amended, a decision, a
sign-off, an action, over time on one part (with an injected clock), quit,
resume, finish and export; then the database and the Markdown are checked.
"""

from __future__ import annotations

import asyncio
from pathlib import Path

from textual.pilot import Pilot
from textual.screen import Screen
from textual.widgets import Input

from tests.waiting import wait_until
from workshop_tui.app.launch import Launch
from workshop_tui.app.workshop_app import WorkshopApp
from workshop_tui.boards.countdown import BigCountdown
from workshop_tui.dialogs.confirm import ConfirmDialog
from workshop_tui.dialogs.form import FormDialog
from workshop_tui.domain.clock import FakeClock
from workshop_tui.domain.kinds import CynefinDomain, PromiseStatus, SessionState
from workshop_tui.domain.read_models import standing
from workshop_tui.screens.facilitate import FacilitateScreen
from workshop_tui.screens.setup import SetupScreen
from workshop_tui.screens.summary import SummaryScreen
from workshop_tui.storage import open_store

SIZE = (100, 30)


async def wait_for(pilot: Pilot[None], kind: type[Screen], timeout: float = 15) -> Screen:
    """Workers open the store and the script in threads: wait for the screen they lead to."""
    for _ in range(int(timeout / 0.05)):
        if isinstance(pilot.app.screen, kind):
            await pilot.pause()
            return pilot.app.screen
        await asyncio.sleep(0.05)
    raise AssertionError(f"{kind.__name__} never showed; the screen is {pilot.app.screen!r}")


async def type_into_dialog(pilot: Pilot[None], *values: str) -> None:
    """Type each value into the next field of the open form (Enter moves on, then saves)."""
    await wait_for(pilot, FormDialog)
    for value in values:
        await pilot.press(*value, "enter")
    await pilot.pause()


async def replace_in_dialog(pilot: Pilot[None], field: str, value: str) -> None:
    dialog = await wait_for(pilot, FormDialog)
    dialog.query_one(f"#field-{field}", Input).value = value


def facilitate(app: WorkshopApp) -> FacilitateScreen:
    assert isinstance(app.screen, FacilitateScreen)
    return app.screen


async def test_a_whole_workshop_by_keyboard(tmp_path: Path) -> None:
    db = tmp_path / "workshop.db"
    exports = tmp_path / "exports"
    clock = FakeClock()
    app = WorkshopApp(
        Launch(store=db, script_ref="customer-working-agreement", exports_dir=exports),
        clock=clock,
    )
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, SetupScreen)
        await pilot.press(*"Acme Health", "enter", *"Lumen Labs", "enter", *"Kim Lee", "enter")
        for name, role in (("Ana Ruiz", "Product Owner"), ("Bo Chen", "Customer sponsor")):
            await type_into_dialog(pilot, name, role)
            await pilot.press("ctrl+s")  # the side left as offered: the customer's
            await pilot.press("ctrl+a")
        await type_into_dialog(pilot, "Dee Patel", "Delivery lead")
        await pilot.press("s", "ctrl+s")  # s: the supplier's side
        await wait_for(pilot, SetupScreen)
        await pilot.press("ctrl+s")
        screen = await wait_for(pilot, FacilitateScreen)
        engine = facilitate(app).engine

        # Opening: start the clock, capture a note.
        await pilot.press("space")
        assert engine.timing.running
        clock.advance(7 * 60)
        await pilot.press("n")
        await type_into_dialog(pilot, "They want a release before the spring peak")
        await pilot.press("pagedown")
        await pilot.pause()
        assert engine.part.id == "agree-type-of-work"

        # Cynefin: place the first three preloaded items, add one of the room's own, accept.
        await pilot.press("3")
        await pilot.press("3")
        await pilot.press("2")
        await pilot.press("a")
        await type_into_dialog(pilot, "Payroll export")
        await pilot.press("2", "ctrl+s")  # 2 places it in Complicated; rationale empty
        await pilot.pause()
        clock.advance(11 * 60)
        await pilot.press("c")
        await wait_for(pilot, ConfirmDialog)
        await pilot.press("y")
        await pilot.pause()
        await pilot.press("pagedown")
        await pilot.pause()

        # Promises: table the supplier's first promise and agree it; amend the second.
        assert engine.part.id == "negotiate-promises"
        await pilot.press("enter", "y")
        await wait_for(pilot, FormDialog)
        await pilot.press("enter")  # agreed, with no note
        await pilot.pause()
        await pilot.press("down", "enter")
        await pilot.press("m")
        await replace_in_dialog(
            pilot, "text", "A dedicated team of five Developers for the first two quarters"
        )
        await pilot.press("ctrl+s")
        await pilot.pause()

        # Over time on this part: the countdown turns to its over-time state.
        clock.advance(18 * 60 + 95)
        countdown = screen.query_one(BigCountdown)
        await wait_until(pilot, lambda: countdown.phase == "over")  # drawn on the next tick
        assert countdown.phase == "over"
        assert countdown.text.startswith("-")
        assert engine.timing.remaining() < 0

        # Quit while running: asked first, the timer is paused and saved.
        await pilot.press("q")
        await wait_for(pilot, ConfirmDialog)
        await pilot.press("y")
        await pilot.pause()
    assert app.return_code == 0
    session_id = engine.session.id

    stored = open_store(db).load_session(session_id)[1]
    assert stored.state is SessionState.PAUSED
    assert stored.current_part == 2
    assert stored.timings[2].elapsed_seconds > stored.timings[2].planned_seconds

    # Resume: the same part, paused where it was, every record back.
    clock.advance(3600)
    again = WorkshopApp(Launch(store=db, resume_latest=True, exports_dir=exports), clock=clock)
    async with again.run_test(size=SIZE) as pilot:
        screen = await wait_for(pilot, FacilitateScreen)
        engine = facilitate(again).engine
        assert engine.part.id == "negotiate-promises"
        assert not engine.timing.running
        assert (
            engine.timing.remaining()
            == stored.timings[2].planned_seconds - stored.timings[2].elapsed_seconds
        )
        assert screen.query_one(BigCountdown).phase == "paused"

        # Decisions: record consent on the first question.
        await pilot.press("pagedown")
        await pilot.pause()
        assert engine.part.id == "how-much-agility"
        await pilot.press("enter")  # what the room consents to, then a note
        await type_into_dialog(pilot, "We deliver Sprint by Sprint", "Review after the first one")

        # Sign-off: the Customer sponsor initials the first section.
        await pilot.press("pagedown")
        await pilot.pause()
        assert engine.part.id == "sign-off"
        await pilot.press("i")
        await wait_for(pilot, ConfirmDialog)  # three items still to place: asked first
        await pilot.press("y")
        await wait_for(pilot, FormDialog)
        await pilot.press("ctrl+s")
        await pilot.pause()

        # Next steps: one action with an owner and a due date.
        await pilot.press("pagedown")
        await pilot.pause()
        assert engine.part.id == "next-steps"
        await pilot.press("a")
        await type_into_dialog(pilot, "Send the Statement of Work inputs", "Kim Lee", "2026-12-01")

        # Finish, see the summary, export.
        await pilot.press("f")
        await wait_for(pilot, ConfirmDialog)
        await pilot.press("y")
        await wait_for(pilot, SummaryScreen)
        await pilot.press("x")
        await pilot.pause()

    session = open_store(db).load_session(session_id)[1]
    assert session.state is SessionState.FINISHED
    assert session.setup.customer == "Acme Health"
    assert [p.role for p in session.setup.participants] == [
        "Product Owner",
        "Customer sponsor",
        "Delivery lead",
    ]
    assert [n.text for n in session.notes] == ["They want a release before the spring peak"]
    board = standing.board(session.classifications)
    assert len(board[CynefinDomain.COMPLEX]) == 2
    assert len(board[CynefinDomain.COMPLICATED]) == 2
    assert any(c.item == "Payroll export" for c in session.classifications)
    threads = standing.promise_threads(session.promises)
    assert threads[0].current.status is PromiseStatus.AGREED
    assert threads[1].current.text.startswith("A dedicated team of five Developers")
    assert threads[1].amendments, "the earlier wording is kept"
    decisions = standing.current_decisions(session.decisions)
    assert any("Empirical" in d.outcome for d in decisions), "the agility advice was accepted"
    assert any(d.outcome.startswith("We deliver Sprint by Sprint") for d in decisions)
    assert len(session.signoffs) == 1 and session.signoffs[0].role
    (action,) = standing.current_actions(session.actions)
    assert (action.owner, str(action.due)) == ("Kim Lee", "2026-12-01")

    (exported,) = exports.glob("*.md")
    markdown = exported.read_text(encoding="utf-8")
    for expected in (
        "Acme Health",
        "They want a release before the spring peak",
        "Payroll export",
        "A dedicated team of five Developers",
        "Send the Statement of Work inputs",
        "We deliver Sprint by Sprint",
    ):
        assert expected in markdown
