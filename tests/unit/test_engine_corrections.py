"""Reasons, corrections as new revisions, reopening a finished session, and time taken away."""

from __future__ import annotations

from datetime import date

import pytest

from tests.store_kinds import run_sql
from tests.unit.engine_fixtures import agreement_engine, new_engine, reload
from workshop_tui.domain.engine import EngineError
from workshop_tui.domain.kinds import CynefinDomain, EventKind, PromiseStatus, SessionState
from workshop_tui.domain.read_models import standing
from workshop_tui.domain.read_models.time_report import timing_report
from workshop_tui.locations import StoreLocation
from workshop_tui.storage import open_store


def rows_in(store_location: StoreLocation, table: str) -> int:
    ((count,),) = run_sql(store_location, f"SELECT count(*) FROM {table}")
    return int(count)


# Promises -----------------------------------------------------------------


def test_decline_park_and_amend_take_a_reason_in_the_same_step(
    store_location: StoreLocation,
) -> None:
    engine, clock = agreement_engine(store_location)
    engine.timing.go_to(1)
    a = engine.promises.add("Supplier", "A Scrum Master").key
    b = engine.promises.add("Customer", "Provide a Product Owner").key
    c = engine.promises.add("Supplier", "A dedicated team").key
    engine.promises.decline(a, "The customer has an agile coach")
    engine.promises.park(b, "Nobody can name one today")
    engine.promises.amend(c, "A dedicated team, four Developers full time", reason="sized")
    assert rows_in(store_location, "promises") == 6, "one row per step"

    stored = {
        t.key: t.current
        for t in standing.promise_threads(reload(store_location, engine, clock).session.promises)
    }
    assert (stored[a].status, stored[a].reason) == (
        PromiseStatus.DECLINED,
        "The customer has an agile coach",
    )
    assert (stored[b].status, stored[b].reason) == (
        PromiseStatus.PARKED,
        "Nobody can name one today",
    )
    assert (stored[c].status, stored[c].text, stored[c].reason) == (
        PromiseStatus.AMENDED,
        "A dedicated team, four Developers full time",
        "sized",
    )


def test_agree_takes_a_note_and_a_reason_stays_with_its_status(
    store_location: StoreLocation,
) -> None:
    engine, _ = agreement_engine(store_location)
    engine.timing.go_to(1)
    key = engine.promises.add("Customer", "Provide a Product Owner").key
    engine.promises.park(key, "ask the board")
    owned = engine.promises.set(key, owner="Ana Ruiz")
    assert owned.reason == "ask the board", "a change of owner keeps the reason"
    agreed = engine.promises.agree(key, note="Half her week")
    assert (agreed.status, agreed.note, agreed.reason, agreed.owner) == (
        PromiseStatus.AGREED,
        "Half her week",
        "",
        "Ana Ruiz",
    )
    assert engine.promises.agree(key).note == "Half her week", "no note given keeps the note"


def test_tabling_a_promise_does_not_make_the_scripts_detail_its_note(
    store_location: StoreLocation,
) -> None:
    engine, _ = agreement_engine(store_location)
    engine.timing.go_to(1)
    assert engine.promises.add("Supplier", "A usable increment").note == ""


# Notes --------------------------------------------------------------------


def test_a_note_is_edited_and_retracted_by_new_revisions(store_location: StoreLocation) -> None:
    engine, clock = new_engine(store_location)
    note = engine.notes.add("Budget is 10k")
    clock.advance(60)
    engine.notes.edit(note.key, "Budget is 100k", "typo")
    with pytest.raises(EngineError, match="same"):
        engine.notes.edit(note.key, "Budget is 100k")
    other = engine.notes.add("Said in jest")
    engine.notes.retract(other.key, "not for the notes")
    with pytest.raises(EngineError, match="retracted already"):
        engine.notes.retract(other.key)
    with pytest.raises(EngineError, match="retracted"):
        engine.notes.edit(other.key, "changed")
    with pytest.raises(EngineError, match="no note"):
        engine.notes.edit("nope", "x")

    session = reload(store_location, engine, clock).session
    assert rows_in(store_location, "notes") == 4
    assert [n.text for n in standing.current_notes(session.notes)] == ["Budget is 100k"]
    first, second = standing.note_threads(session.notes)
    assert [n.text for n in first.history] == ["Budget is 10k", "Budget is 100k"]
    assert first.current.reason == "typo" and first.current.part_id == note.part_id
    assert second.retracted and second.current.reason == "not for the notes"


# Actions ------------------------------------------------------------------


def test_an_actions_text_owner_and_due_date_change_by_revision(
    store_location: StoreLocation,
) -> None:
    engine, clock = new_engine(store_location)
    action = engine.actions.add("Send SoW", "Kim", date(2026, 12, 1))
    engine.actions.update(
        action.key, text="Send the SoW inputs", owner="Ana", reason="Ana has them"
    )
    engine.actions.update(action.key, due=date(2026, 12, 8))
    history = standing.action_history(reload(store_location, engine, clock).session.actions)[
        action.key
    ]
    assert [(a.text, a.owner, a.due, a.reason) for a in history] == [
        ("Send SoW", "Kim", date(2026, 12, 1), ""),
        ("Send the SoW inputs", "Ana", date(2026, 12, 1), "Ana has them"),
        ("Send the SoW inputs", "Ana", date(2026, 12, 8), ""),
    ]


# Reopening a finished session ----------------------------------------------


def test_a_finished_session_is_reopened_to_correct_it_and_finished_again(
    store_location: StoreLocation,
) -> None:
    engine, clock = new_engine(store_location)
    engine.timing.start()
    clock.advance(600)
    engine.timing.go_to(3)
    clock.advance(60)
    engine.timing.finish()
    first_finish = engine.session.finished_at
    last_part_done = engine.timing.current.finished_at
    with pytest.raises(EngineError, match="finished"):
        engine.actions.add("Forgotten")
    with pytest.raises(EngineError, match="reason"):
        engine.corrections.reopen(" ")

    clock.advance(3600)
    event = engine.corrections.reopen("We forgot an action")
    assert (event.kind, event.reason, event.reopened_finish) == (
        EventKind.REOPENED,
        "We forgot an action",
        first_finish,
    )
    assert engine.session.state is SessionState.PAUSED and not engine.finished
    engine.actions.add("Book the first Sprint Review", "Ana")
    with pytest.raises(EngineError, match="not finished"):
        engine.corrections.reopen("again")
    clock.advance(60)
    engine.timing.finish()

    session = reload(store_location, engine, clock).session
    assert session.state is SessionState.FINISHED
    assert [e.kind for e in session.events] == [EventKind.REOPENED]
    assert session.events[0].reopened_finish == first_finish
    assert session.finished_at is not None and first_finish is not None
    assert session.finished_at > first_finish
    assert session.timings[3].finished_at == last_part_done, "the part keeps when it finished"
    assert [a.text for a in session.actions] == ["Book the first Sprint Review"]


def test_the_review_date_is_set_and_cleared(store_location: StoreLocation) -> None:
    engine, clock = new_engine(store_location)
    assert engine.corrections.review_date is None
    engine.corrections.set_review_date(date(2027, 1, 15), "first Sprint Review")
    assert engine.corrections.review_date == date(2027, 1, 15)
    engine.corrections.set_review_date(None)
    again = reload(store_location, engine, clock)
    assert again.corrections.review_date is None and len(again.session.events) == 2


# Time taken away and overrun against the time allowed -----------------------


def test_time_taken_away_is_recorded_like_time_added(store_location: StoreLocation) -> None:
    engine, clock = new_engine(store_location)  # Opening is 5m
    engine.timing.start()
    engine.timing.extend(60)
    engine.timing.extend(-180)
    timing = engine.timing.current
    assert (timing.extra_seconds, timing.added_seconds, timing.removed_seconds) == (-120, 60, 180)
    assert timing.allowed_seconds == 180
    clock.advance(240)
    assert engine.timing.remaining() == pytest.approx(-60)
    (opening, *_) = engine.timing.agenda()
    assert opening.allowed_seconds == 180 and opening.overrun_seconds == pytest.approx(60)
    assert (opening.added_seconds, opening.removed_seconds) == (60, 180)
    with pytest.raises(EngineError, match="shortened to nothing"):
        engine.timing.extend(-180)
    stored = reload(store_location, engine, clock).session.timings[0]
    assert (stored.extra_seconds, stored.removed_seconds) == (-120, 180)


def test_overrun_is_measured_against_the_time_allowed(store_location: StoreLocation) -> None:
    engine, clock = new_engine(store_location)
    engine.timing.go_to(1)  # Type of work: 10m planned
    engine.timing.start()
    engine.timing.extend(60)
    clock.advance(13 * 60)
    engine.timing.next_part()
    report = timing_report(engine.script, engine.session.timings)[1]
    assert (report.allowed_seconds, report.actual_seconds, report.overrun_seconds) == (
        660,
        780,
        120,
    )
    assert engine.timing.agenda()[1].overrun_seconds == pytest.approx(120)


def test_an_overruled_agility_decision_keeps_what_the_board_advised(
    store_location: StoreLocation,
) -> None:
    engine, clock = agreement_engine(store_location)
    engine.board.classify("Billing", CynefinDomain.COMPLEX)
    accepted = engine.decisions.accept_agility()
    assert accepted.advised == accepted.outcome
    overruled = engine.decisions.overrule_agility("Moderate agility, fixed first release")
    assert overruled.outcome == "Overruled: Moderate agility, fixed first release"
    assert overruled.advised.startswith("High agility: Empirical")
    assert reload(store_location, engine, clock).session.decisions[-1].advised == overruled.advised


def test_a_crash_while_reopening_loses_nothing_and_can_be_retried(
    store_location: StoreLocation,
) -> None:
    store = open_store(store_location)
    engine, clock = new_engine(store_location, store=store)
    engine.notes.add("Kept")
    engine.timing.finish()

    def crash(*args: object, **kwargs: object) -> None:
        raise OSError("the laptop died")

    saved = store.save_progress
    store.save_progress = crash  # type: ignore[method-assign]
    with pytest.raises(OSError):
        engine.corrections.reopen("Fix a note")
    store.save_progress = saved  # type: ignore[method-assign]

    again = reload(store_location, engine, clock)
    assert again.finished, "still finished: the state had not changed yet"
    assert [e.kind for e in again.session.events] == [EventKind.REOPENED]
    assert [n.text for n in again.session.notes] == ["Kept"]
    again.corrections.reopen("Fix a note")
    assert not again.finished and len(again.session.events) == 2
