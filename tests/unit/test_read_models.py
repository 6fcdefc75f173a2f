"""The boards' read models: built from a snapshot alone, the same from the store as live."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from tests.ui.panel_fixtures import (
    actions_script,
    cynefin_script,
    decisions_script,
    discussion_script,
    promises_script,
    signoff_script,
)
from workshop_tui.content.catalog import find_script
from workshop_tui.content.loader import load_script
from workshop_tui.content.model import Script
from workshop_tui.domain.clock import FakeClock
from workshop_tui.domain.engine import SessionEngine
from workshop_tui.domain.kinds import CynefinDomain, DecisionMethod, PromiseStatus
from workshop_tui.domain.read_models.actions import actions_view
from workshop_tui.domain.read_models.brief import part_brief
from workshop_tui.domain.read_models.cynefin import TRAY, cynefin_view, next_in_tray
from workshop_tui.domain.read_models.decisions import decisions_view
from workshop_tui.domain.read_models.notes import notes_view
from workshop_tui.domain.read_models.promises import promises_view
from workshop_tui.domain.read_models.signoff import signoff_view
from workshop_tui.domain.read_models.timing import live_elapsed, timer_view
from workshop_tui.domain.records import Participant
from workshop_tui.domain.snapshot import SessionSetup, SessionSnapshot
from workshop_tui.storage import open_store

PAIR = (Participant("Ana", "Product Owner"), Participant("Bo", "Customer sponsor"))


@pytest.fixture(autouse=True)
def utc(monkeypatch: pytest.MonkeyPatch) -> None:
    import time

    monkeypatch.setenv("TZ", "UTC")
    time.tzset()


def begin(tmp_path: Path, script: Script, clock: FakeClock) -> SessionEngine:
    setup = SessionSetup(customer="Acme", participants=PAIR)
    return SessionEngine.begin(script, "# test\n", setup, open_store(tmp_path / "w.db"), clock)


def from_store(tmp_path: Path, engine: SessionEngine) -> SessionSnapshot:
    store = open_store(tmp_path / "w.db", readonly=True)
    try:
        return store.load_session(engine.session.id)[1]
    finally:
        store.close()


def test_timing_from_the_stored_timestamps_matches_the_engine(tmp_path: Path) -> None:
    clock = FakeClock()
    script = load_script(find_script("customer-working-agreement", [])).script
    engine = begin(tmp_path, script, clock)
    engine.timing.start()
    clock.advance(9 * 60)
    engine.timing.next_part()
    engine.timing.extend(120)
    clock.advance(100)
    stored = from_store(tmp_path, engine)

    view = timer_view(script, stored, live_elapsed(stored, clock.now()))

    assert view.remaining == pytest.approx(engine.timing.remaining())
    assert view.workshop_remaining == pytest.approx(engine.timing.workshop_remaining())
    assert view.slack == pytest.approx(engine.timing.slack())
    assert (view.running, view.started, view.extra_seconds) == (True, True, 120)
    assert (
        [line.status for line in view.agenda]
        == [row.status for row in engine.timing.agenda()]
        == ["done", "current", "upcoming", "upcoming", "upcoming", "upcoming"]
    )
    assert [line.actual_seconds for line in view.agenda][:2] == pytest.approx([540, 100])


def test_a_paused_part_does_not_count_the_time_since(tmp_path: Path) -> None:
    clock = FakeClock()
    script = discussion_script()
    engine = begin(tmp_path, script, clock)
    engine.timing.start()
    clock.advance(60)
    engine.timing.pause()
    clock.advance(3600)
    stored = from_store(tmp_path, engine)
    view = timer_view(script, stored, live_elapsed(stored, clock.now()))
    assert view.remaining == pytest.approx(9 * 60)
    assert not view.running


@pytest.mark.parametrize(
    ("script", "build"),
    [
        (cynefin_script, lambda part, s, today: cynefin_view(part, s)),
        (promises_script, lambda part, s, today: promises_view(part, s)),
        (signoff_script, lambda part, s, today: signoff_view(signoff_script(), part, s)),
        (decisions_script, lambda part, s, today: decisions_view(part, s, default_dots=3)),
        (actions_script, actions_view),
        (discussion_script, lambda part, s, today: notes_view(part, s)),
    ],
    ids=["cynefin", "promises", "signoff", "decisions", "actions", "notes"],
)
def test_a_board_drawn_from_the_store_is_the_board_drawn_live(tmp_path, script, build) -> None:  # type: ignore[no-untyped-def]
    clock = FakeClock()
    engine = begin(tmp_path, script(), clock)
    record_something(engine, clock)
    today = date(2026, 11, 21)
    live = build(engine.part, engine.session, today)
    assert live == build(engine.part, from_store(tmp_path, engine), today)


def record_something(engine: SessionEngine, clock: FakeClock) -> None:
    """A few records of the part's own kind, and a note."""
    part = engine.part
    kind = part.activity.kind
    clock.advance(30)
    if kind == "cynefin":
        row = engine.board.classify(
            "Move customer records into the new CRM", CynefinDomain.COMPLICATED
        )
        clock.advance(60)
        engine.board.move(row.key, CynefinDomain.COMPLEX, "Unknowns")
    elif kind == "promises":
        row = engine.promises.add("Customer", "Provide a Product Owner")
        engine.promises.amend(row.key, "Provide a Product Owner two days a week")
        engine.promises.set(row.key, status=PromiseStatus.AGREED, owner="Ana")
    elif kind == "signoff":
        engine.signoff.sign("type-of-work", "Bo", "Customer sponsor", "B")
    elif kind == "decisions":
        engine.decisions.record(
            "Which product do we start with?",
            DecisionMethod.DOT_VOTING,
            votes={"Bookings": 3, "Invoicing": 1},
        )
    elif kind == "actions":
        engine.actions.add("Send the notes", "Ana", date(2026, 11, 20))
    engine.notes.add("Said in the room")


def test_cynefin_view_selects_and_describes(tmp_path: Path) -> None:
    clock = FakeClock()
    engine = begin(tmp_path, cynefin_script(), clock)
    view = cynefin_view(engine.part, engine.session)
    assert [stop.region for stop in view.stops[:3]] == [TRAY] * 3
    assert view.detail.endswith("· not placed yet")
    assert view.ask.startswith("Where does it belong?")
    assert view.advice.startswith("Advice: Classify some of the work first")

    row = engine.board.classify("Move customer records into the new CRM", CynefinDomain.COMPLEX)
    placed = cynefin_view(engine.part, engine.session, (row.domain.value, row.key))
    assert placed.selected_stop.ident == row.key
    assert placed.detail == "Move customer records into the new CRM · Complex · placed at 09:00"
    assert placed.placed(CynefinDomain.COMPLEX) == 1
    assert next_in_tray(placed.stops, 0) == 0  # two tray items left, the first is at 0


def test_promises_view_offers_the_script_promises_then_tells_their_history(
    tmp_path: Path,
) -> None:
    clock = FakeClock()
    engine = begin(tmp_path, promises_script(), clock)
    view = promises_view(engine.part, engine.session)
    assert [c.party for c in view.columns] == ["Delivery team", "Customer"]
    assert [e.badge for e in view.columns[0].entries] == ["to table", "to table"]
    assert view.detail == (
        "To table (enter) · the script's wording: Starting with Sprint 1; no set-up Sprints."
    )

    row = engine.promises.add("Customer", "Provide a Product Owner")
    clock.advance(120)
    engine.promises.amend(row.key, "Provide a Product Owner two days a week", reason="budget")
    clock.advance(60)
    engine.promises.park(row.key, "nobody named yet")
    view = promises_view(engine.part, engine.session, ("Customer", row.key))
    selected = view.selected
    assert (selected.wording, selected.badge, selected.reason, selected.meta) == (
        "Provide a Product Owner two days a week",
        "parked",
        "nobody named yet",
        "(amended ×1)",
    )
    assert view.detail == (
        "Parked since 09:03 (nobody named yet) · worded so at 09:02"
        " · 1 earlier wording (h shows them)"
    )
    assert selected.history == (
        "09:00 tabled, proposed: “Provide a Product Owner”",
        "09:02 reworded: “Provide a Product Owner two days a week” (budget)",
        "09:03 parked (nobody named yet)",
    )


def test_signoff_view_shows_stale_initials_and_holds(tmp_path: Path) -> None:
    from tests.ui.agreement_seed import negotiated_session
    from workshop_tui.domain.rules.sections import RoleState

    clock = FakeClock()
    session_id = negotiated_session(tmp_path / "seed.db", clock)
    store = open_store(tmp_path / "seed.db")
    try:
        session = store.load_session(session_id)[1]
    finally:
        store.close()
    script = load_script(find_script("customer-working-agreement", [])).script
    part = script.parts[script.part_index("sign-off")]
    view = signoff_view(script, part, session)
    team = view.section("delivery-team-promises")
    customer = view.section("customer-promises")
    assert team is not None and customer is not None
    assert [r.state for r in team.roles] == [RoleState.STALE] * 3
    assert (team.version, team.complete, len(team.digest)) == (2, False, 8)
    assert [(r.state, r.reason) for r in customer.roles][:2] == [
        (RoleState.HELD, "legal reads it first"),
        (RoleState.INITIALLED, ""),
    ]


def test_decisions_view_counts_the_dots_against_the_budget(tmp_path: Path) -> None:
    engine = begin(tmp_path, decisions_script(), FakeClock())
    engine.decisions.record(
        "Which product do we start with?",
        DecisionMethod.DOT_VOTING,
        votes={"Bookings": 4, "Invoicing": 1},
    )
    view = decisions_view(engine.part, engine.session, default_dots=3)
    dots = view.questions[2].dots
    assert dots is not None
    assert (dots.spent, dots.budget, dots.people, dots.per_person) == (5, 4, 2, 2)
    assert dots.ranking == (("Bookings", 4), ("Invoicing", 1), ("Reporting", 0))


def test_signoff_view_tells_who_initialled_and_who_is_waiting(tmp_path: Path) -> None:
    engine = begin(tmp_path, signoff_script(), FakeClock())
    engine.signoff.sign("type-of-work", "Bo", "Customer sponsor", "B")
    section = signoff_view(engine.script, engine.part, engine.session).sections[0]
    assert (section.signed_count, len(section.roles), section.complete) == (1, 3, False)
    assert [(r.role, r.initials, r.time) for r in section.roles][0] == (
        "Customer sponsor",
        "B",
        "09:00",
    )
    assert [r.signed for r in section.roles] == [True, False, False]


def test_actions_view_flags_the_overdue(tmp_path: Path) -> None:
    engine = begin(tmp_path, actions_script(), FakeClock())
    engine.actions.add("Chase the signed copy", "Bo", date(2026, 11, 2))
    view = actions_view(engine.part, engine.session, date(2026, 11, 21))
    first = view.rows[0]
    assert (first.due, first.overdue) == ("⚠ Mon 2 Nov", True)
    assert first.detail == "Chase the signed copy · owner Bo · due Mon 2 Nov"
    assert [row.due for row in view.rows[1:]] == ["suggested", "suggested"]
    assert (view.recorded, view.done, view.suggested) == (1, 0, 2)


def test_the_brief_of_a_part() -> None:
    brief = part_brief(discussion_script(), 1)
    assert (brief.name, brief.number, brief.total, brief.kind.label) == (
        "Hopes and Fears",
        2,
        2,
        "Discussion",
    )
    assert brief.prompts == ("What would make this a success?",)


def test_notes_view_shows_each_note_as_corrected_and_leaves_out_retracted_ones(
    tmp_path: Path,
) -> None:
    clock = FakeClock()
    engine = begin(tmp_path, discussion_script(), clock)
    first = engine.notes.add("Ana acts as PO")
    clock.advance(60)
    second = engine.notes.add("Wrong room")
    clock.advance(60)
    engine.notes.edit(first.key, "Ana acts as PO two days a week", "she said two")
    engine.notes.retract(second.key, "typed in the wrong part")
    view = notes_view(engine.part, engine.session)
    assert [(n.time, n.text) for n in view.notes] == [("09:00", "Ana acts as PO two days a week")]
    assert len(engine.session.notes) == 4  # every revision is kept
