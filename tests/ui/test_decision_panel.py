"""The decisions panel, driven by keys, on a real engine and SQLite file."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import Input, Select, Static

from tests.ui.panel_fixtures import decisions_script
from tests.ui.panel_harness import PanelApp, begin, fill, reloaded, shown, utc_times
from workshop_tui.controls.decisions import DecisionsControls
from workshop_tui.dialogs.form import FormDialog
from workshop_tui.domain.engine import SessionEngine
from workshop_tui.domain.kinds import DecisionMethod
from workshop_tui.domain.read_models import standing
from workshop_tui.domain.records import Objection
from workshop_tui.domain.rules.decisions import CONSENT_OUTCOME
from workshop_tui.widgets.marked_list import MarkedList

__all__ = ["utc_times"]
pytestmark = pytest.mark.usefixtures("utc_times")


def app_for(tmp_path: Path) -> tuple[PanelApp, SessionEngine]:
    engine = begin(tmp_path, decisions_script())
    return PanelApp(lambda: DecisionsControls(engine, engine.part)), engine


async def save(pilot: Pilot[None]) -> None:
    await pilot.press("ctrl+s")
    await pilot.pause()


def stored_decisions(tmp_path: Path, engine: SessionEngine) -> list:  # type: ignore[type-arg]
    return standing.current_decisions(reloaded(tmp_path, engine).decisions)


def work_area(app: PanelApp) -> str:
    return shown(app.panel.query_one("#decision-work", Static))


def row_text(app: PanelApp, index: int) -> str:
    return str(app.panel.query_one(MarkedList).get_option_at_index(index).prompt)


async def test_lists_the_script_questions_with_method_and_status(tmp_path: Path) -> None:
    app, _ = app_for(tmp_path)
    async with app.run_test(size=(100, 30)):
        assert [row_text(app, i).split("\n")[-1].strip() for i in range(3)] == [
            "open · Consent",
            "open · Fist of five",
            "open · Dot voting",
        ]
        assert "No objections raised." in work_area(app)


async def test_consent_objection_resolution_then_consent(tmp_path: Path) -> None:
    app, engine = app_for(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("o")
        await fill(pilot, objection="Two weeks is too short for the data team")
        await save(pilot)
        assert "1 of 1 objections unresolved" in work_area(app)
        await pilot.press("enter")  # refused while an objection is unresolved
        await pilot.pause()
        assert not isinstance(app.screen, FormDialog)
        await pilot.press("r")
        await fill(pilot, resolution="The data team joins from Sprint 2")
        await save(pilot)
        await pilot.press("enter")
        await fill(
            pilot,
            statement="We start with two-week Sprints.",
            note="Review at the first retrospective",
        )
        await save(pilot)
        [decision] = stored_decisions(tmp_path, engine)
        assert decision.question == "Do we start with two-week Sprints?"
        assert decision.method is DecisionMethod.CONSENT
        assert decision.objections == (
            Objection(
                "Two weeks is too short for the data team", "The data team joins from Sprint 2"
            ),
        )
        # what the room consented to, in its words, is the outcome
        assert (
            decision.outcome == "We start with two-week Sprints. Review at the first retrospective"
        )
        assert decision.agreed is True
        revisions = [row for row in reloaded(tmp_path, engine).decisions]
        assert len(revisions) == 3 and len({row.key for row in revisions}) == 1
        assert "agreed · Consent" in row_text(app, 0)
        assert "Every objection resolved" in work_area(app)
        assert "Outcome: We start with two-week Sprints." in work_area(app)


async def test_a_new_objection_withdraws_consent(tmp_path: Path) -> None:
    app, engine = app_for(tmp_path)
    engine.decisions.record(
        "Do we start with two-week Sprints?",
        DecisionMethod.CONSENT,
        outcome=CONSENT_OUTCOME,
        agreed=True,
    )
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("o")
        await fill(pilot, objection="The sponsor cannot attend")
        await save(pilot)
        [decision] = stored_decisions(tmp_path, engine)
        assert (decision.agreed, decision.outcome) == (None, "")
        assert decision.objections == (Objection("The sponsor cannot attend"),)


async def test_fist_of_five_rounds_are_appended_with_their_verdict(tmp_path: Path) -> None:
    app, engine = app_for(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("down", "v")
        await fill(pilot, **{"1": "1", "2": "1", "3": "3", "4": "2"})
        await save(pilot)
        assert "2 low voices: hear them, then vote again" in work_area(app)
        await pilot.press("v")
        await fill(pilot, **{"3": "4", "4": "2", "5": "1"})
        await save(pilot)
        [decision] = stored_decisions(tmp_path, engine)
        assert decision.method is DecisionMethod.FIST_OF_FIVE
        assert decision.rounds == (
            {"0": 0, "1": 1, "2": 1, "3": 3, "4": 2, "5": 0},
            {"0": 0, "1": 0, "2": 0, "3": 4, "4": 2, "5": 1},
        )
        assert decision.agreed is True
        area = work_area(app)
        assert area.index("Round 2") < area.index("Round 1")  # newest first, in view
        assert "Agreement: everyone 3 or more" in area
        assert "agreed · Fist of five" in row_text(app, 1)


async def test_a_round_needs_whole_numbers_and_a_vote(tmp_path: Path) -> None:
    app, engine = app_for(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("down", "v")
        dialog = await fill(pilot, **{"3": "two"})
        await save(pilot)
        error = shown(dialog.query_one("#dialog-error", Static))
        assert error == '3 fingers needs a whole number of 0 or more, not "two".'
        await fill(pilot, **{"3": "0"})
        await save(pilot)
        assert "Nobody voted" in shown(dialog.query_one("#dialog-error", Static))
        await pilot.press("escape")
        await pilot.pause()
        assert reloaded(tmp_path, engine).decisions == []


async def test_dot_voting_ranks_options_against_the_budget(tmp_path: Path) -> None:
    app, engine = app_for(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("end", "v")
        await fill(pilot, option0="3", option1="", option2="4")
        await save(pilot)
        area = work_area(app)
        assert "7 of 8 dots spent (4 people × 2)" in area
        assert area.index("Reporting") < area.index("Bookings") < area.index("Invoicing")
        await pilot.press("v")
        await fill(pilot, option1="2")
        await save(pilot)
        assert "⚠ 9 dots spent, only 8 to give" in work_area(app)
        await pilot.press("enter")
        dialog = await fill(pilot)
        assert dialog.query_one("#field-outcome", Input).value == "Reporting"
        dialog.query_one("#field-outcome", Input).value = "Reporting first, then Bookings"
        await save(pilot)
        [decision] = stored_decisions(tmp_path, engine)
        assert decision.votes == {"Bookings": 3, "Invoicing": 2, "Reporting": 4}
        assert (decision.outcome, decision.agreed) == ("Reporting first, then Bookings", True)


async def test_a_question_raised_in_the_room(tmp_path: Path) -> None:
    app, engine = app_for(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("a")
        dialog = await fill(pilot, question="Where do we meet?", options="Office, Online")
        dialog.query_one("#field-method", Select).value = DecisionMethod.DOT_VOTING.value
        await save(pilot)
        assert app.panel.query_one(MarkedList).selected_id is not None
        assert row_text(app, 3).startswith("▶ Where do we meet?")
        [decision] = stored_decisions(tmp_path, engine)
        assert (decision.question, decision.method) == ("Where do we meet?", "dot_voting")
        assert decision.votes == {"Office": 0, "Online": 0}
        assert "Office" in work_area(app) and "Online" in work_area(app)


async def test_dot_voting_question_needs_two_options(tmp_path: Path) -> None:
    app, engine = app_for(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("a")
        dialog = await fill(pilot, question="Where do we meet?", options="Office")
        dialog.query_one("#field-method", Select).value = DecisionMethod.DOT_VOTING.value
        await save(pilot)
        error = shown(dialog.query_one("#dialog-error", Static))
        assert error == "Dot voting needs at least two options."
        assert reloaded(tmp_path, engine).decisions == []


async def test_write_any_outcome_and_verdict(tmp_path: Path) -> None:
    app, engine = app_for(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("w")
        dialog = await fill(pilot, outcome="Three-week Sprints instead")
        dialog.query_one("#field-agreed", Select).value = "no"
        await save(pilot)
        [decision] = stored_decisions(tmp_path, engine)
        assert (decision.outcome, decision.agreed) == ("Three-week Sprints instead", False)
        assert "not agreed · Consent" in row_text(app, 0)


def test_snapshot(tmp_path: Path, snap_compare) -> None:  # type: ignore[no-untyped-def]
    engine = begin(tmp_path, decisions_script())
    engine.decisions.record(
        "Do we start with two-week Sprints?",
        DecisionMethod.CONSENT,
        objections=(Objection("Too short for the data team", "They join from Sprint 2"),),
        outcome=CONSENT_OUTCOME,
        agreed=True,
    )
    engine.decisions.record(
        "Can we commit to a Sprint Review every fortnight?",
        DecisionMethod.FIST_OF_FIVE,
        rounds=({"1": 1, "3": 2, "4": 1},),
        agreed=False,
    )
    app = PanelApp(lambda: DecisionsControls(engine, engine.part))
    assert snap_compare(app, terminal_size=(100, 30), press=["down"])
