"""The session engine over a real store, with a clock the tests move.

What is stored and read back runs on both kinds of store (``store_location``: a SQLite file
and a team store on PostgreSQL); the clock's arithmetic needs only one.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from tests.unit.engine_fixtures import new_engine, reload
from workshop_tui.domain.engine import EngineError, SessionEngine
from workshop_tui.domain.kinds import CynefinDomain, DecisionMethod, PromiseStatus, SessionState
from workshop_tui.domain.ports import StoreError
from workshop_tui.domain.read_models import standing
from workshop_tui.domain.records import Objection
from workshop_tui.domain.rules.agility import AGILITY_QUESTION
from workshop_tui.locations import StoreLocation
from workshop_tui.storage import open_store


def test_a_new_session_waits_at_the_first_part(tmp_path: Path) -> None:
    engine, _ = new_engine(tmp_path)
    assert engine.session.state is SessionState.SETUP
    assert engine.index == 0
    assert engine.timing.remaining() == 300
    assert engine.timing.workshop_remaining() == 1800
    assert not engine.timing.running


def test_remaining_time_comes_from_the_clock(tmp_path: Path) -> None:
    engine, clock = new_engine(tmp_path)
    engine.timing.start()
    clock.advance(61.5)
    assert engine.timing.remaining() == pytest.approx(238.5)
    engine.timing.pause()
    clock.advance(600)
    assert engine.timing.remaining() == pytest.approx(238.5)
    engine.timing.start()
    clock.advance(0.5)
    assert engine.timing.remaining() == pytest.approx(238.0)


def test_running_over_is_a_state_not_an_error(tmp_path: Path) -> None:
    engine, clock = new_engine(tmp_path)
    engine.timing.start()
    clock.advance(300 + 95)
    assert engine.timing.remaining() == pytest.approx(-95)
    # The script keeps 5 spare minutes beyond its parts: 95 s over still leaves 205 s of slack.
    assert engine.timing.slack() == pytest.approx(300 - 95)


def test_extending_adds_to_the_part_and_spends_the_workshop(tmp_path: Path) -> None:
    engine, clock = new_engine(tmp_path)
    engine.timing.start()
    engine.timing.extend(60)
    engine.timing.extend(300)
    clock.advance(100)
    assert engine.timing.remaining() == pytest.approx(300 + 360 - 100)
    assert engine.timing.workshop_remaining() == pytest.approx(1800 - 100)
    assert engine.timing.slack() == pytest.approx(1700 - 560 - 1200)
    with pytest.raises(EngineError):
        engine.timing.extend(-10_000)


def test_next_previous_and_skip_keep_planned_and_actual(tmp_path: Path) -> None:
    engine, clock = new_engine(tmp_path)
    engine.timing.start()
    clock.advance(240)
    assert engine.timing.next_part()
    clock.advance(30)
    assert engine.timing.running, "the timer carries on into the next part"
    assert engine.timing.previous_part()
    assert engine.timing.elapsed(0) == pytest.approx(240)
    assert engine.timing.elapsed(1) == pytest.approx(30)
    engine.timing.pause()
    assert engine.timing.go_to(2)
    assert engine.timing.skip()
    rows = engine.timing.agenda()
    assert [row.status for row in rows] == ["done", "upcoming", "skipped", "current"]
    assert not engine.timing.skip(), "there is nothing after the last part"


def test_finish_closes_the_session(store_location: StoreLocation) -> None:
    engine, clock = new_engine(store_location)
    engine.timing.start()
    clock.advance(10)
    engine.timing.finish()
    assert engine.finished
    assert engine.session.finished_at == clock.now()
    with pytest.raises(EngineError, match="finished"):
        engine.notes.add("too late")


def test_every_record_kind_is_stored_before_it_is_returned(store_location: StoreLocation) -> None:
    engine, clock = new_engine(store_location)
    engine.notes.add("Opening | with pipes\nand a newline")
    engine.timing.go_to(1)
    billing = engine.board.classify("Billing", CynefinDomain.COMPLICATED, "experts know it")
    engine.board.move(billing.key, CynefinDomain.COMPLEX)
    engine.timing.go_to(2)
    promise = engine.promises.add("Supplier", "A usable increment every Sprint")
    engine.promises.amend(promise.key, "A usable increment every Sprint, including the first")
    engine.promises.set(promise.key, status=PromiseStatus.AGREED, owner="Delivery lead")
    engine.timing.go_to(3)
    engine.signoff.sign("scope", "Ana", "Product Owner", "AN")
    engine.decisions.record(
        "Release monthly?",
        DecisionMethod.CONSENT,
        objections=(Objection("Too slow", "Review after two Sprints"),),
        agreed=True,
    )
    engine.actions.add("Send SoW inputs", "Kim", date(2026, 12, 1))

    stored = reload(store_location, engine, clock).session
    assert [n.text for n in stored.notes] == ["Opening | with pipes\nand a newline"]
    assert [c.domain for c in stored.classifications] == [
        CynefinDomain.COMPLICATED,
        CynefinDomain.COMPLEX,
    ]
    threads = standing.promise_threads(stored.promises)
    assert threads[0].current.status is PromiseStatus.AGREED
    assert threads[0].current.owner == "Delivery lead"
    assert [p.text for p in threads[0].amendments] == ["A usable increment every Sprint"]
    assert stored.signoffs[0].initials == "AN"
    assert stored.decisions[0].objections[0].resolution == "Review after two Sprints"
    assert stored.actions[0].due == date(2026, 12, 1)
    assert stored.record_count == engine.session.record_count == 9


def test_signing_checks_the_section_and_the_role(tmp_path: Path) -> None:
    engine, _ = new_engine(tmp_path)
    with pytest.raises(EngineError, match="no sections"):
        engine.signoff.sign("scope", "Ana", "Product Owner", "AN")
    engine.timing.go_to(3)
    with pytest.raises(EngineError, match="Sponsor, Product Owner, not Developer"):
        engine.signoff.sign("scope", "Cy", "Developer", "CY")
    with pytest.raises(EngineError, match="no section"):
        engine.signoff.sign("budget", "Ana", "Product Owner", "AN")
    engine.signoff.sign("scope", "Ana", "Product Owner", "AN")
    assert not engine.signoff.progress()[0].complete
    engine.signoff.sign("scope", "Bo", "Sponsor", "BO")
    assert engine.signoff.progress()[0].complete


def test_empty_text_is_refused_and_nothing_is_stored(store_location: StoreLocation) -> None:
    engine, clock = new_engine(store_location)
    with pytest.raises(EngineError, match="note cannot be empty"):
        engine.notes.add("   ")
    assert reload(store_location, engine, clock).session.notes == []


@pytest.mark.parametrize("text", ["\x00\x00\x00", "\x00 \x1b\x07\r\n", "\u200b\u202e\ufeff"])
def test_text_with_nothing_printable_is_refused_as_empty(tmp_path: Path, text: str) -> None:
    engine, clock = new_engine(tmp_path)
    with pytest.raises(EngineError, match="^the note cannot be empty$"):
        engine.notes.add(text)
    with pytest.raises(EngineError, match="^the action cannot be empty$"):
        engine.actions.add(text)
    with pytest.raises(EngineError, match="^the promise cannot be empty$"):
        engine.promises.add("Supplier", text)
    assert reload(tmp_path, engine, clock).session.record_count == 0


def test_text_with_a_nul_byte_is_stored_as_typed_or_refused_whole(
    store_location: StoreLocation,
) -> None:
    """Something printable in it: a SQLite file stores it as typed. PostgreSQL's text holds
    no NUL byte: the team store refuses the note in one sentence and nothing is stored or
    shown as done (the engine keeps no note the store did not take)."""
    engine, clock = new_engine(store_location)
    if store_location.is_file:
        engine.notes.add("\x00kept\x00")
        expected = ["\x00kept\x00"]
    else:
        with pytest.raises(StoreError, match="NUL"):
            engine.notes.add("\x00kept\x00")
        expected = []
    assert [note.text for note in engine.session.notes] == expected
    assert [note.text for note in reload(store_location, engine, clock).session.notes] == expected


def test_agility_advice_is_accepted_or_overruled_as_one_decision(tmp_path: Path) -> None:
    engine, _ = new_engine(tmp_path)
    engine.timing.go_to(1)
    with pytest.raises(EngineError, match="classify"):
        engine.decisions.accept_agility()
    for item in ("Billing", "New app", "Data migration"):
        engine.board.classify(item, CynefinDomain.COMPLEX)
    engine.board.classify("Payroll run", CynefinDomain.CLEAR)
    advice = engine.decisions.agility_advice()
    assert advice.leading is CynefinDomain.COMPLEX
    accepted = engine.decisions.accept_agility()
    assert accepted.question == AGILITY_QUESTION and "Empirical" in accepted.outcome
    overruled = engine.decisions.overrule_agility("Fixed scope for phase one, agile after")
    assert overruled.key == accepted.key
    current = standing.current_decisions(engine.session.decisions)
    assert [d.outcome for d in current] == ["Overruled: Fixed scope for phase one, agile after"]


def test_a_running_part_resumes_paused_where_it_was_last_seen(
    store_location: StoreLocation,
) -> None:
    store = open_store(store_location)
    engine, clock = new_engine(store_location, store=store)
    engine.timing.start()
    clock.advance(100)
    engine.heartbeat()
    clock.advance(7)  # the laptop dies 7 s after the last heartbeat
    clock.jump_wall(3600)  # and comes back an hour later
    again, resumed = SessionEngine.reopen(engine.session.id, store, clock)
    assert not again.timing.running
    assert again.session.state is SessionState.PAUSED
    assert again.timing.remaining() == pytest.approx(200)
    assert resumed.was_running
    assert resumed.away_seconds == pytest.approx(3607)


def test_actions_are_revised_not_overwritten(store_location: StoreLocation) -> None:
    engine, clock = new_engine(store_location)
    action = engine.actions.add("Book the first Sprint Review", "Ana")
    engine.actions.update(action.key, done=True)
    engine.actions.update(action.key, due=date(2026, 12, 5))
    stored = reload(store_location, engine, clock).session
    assert len(stored.actions) == 3
    (current,) = standing.current_actions(stored.actions)
    assert current.done and current.due == date(2026, 12, 5) and current.owner == "Ana"
