"""A chain of three versions of one agreement, through the engine and a real store of each
kind (a SQLite file, and a team store on PostgreSQL)."""

from __future__ import annotations

from datetime import date

import pytest

from tests.unit.engine_fixtures import ROOM, SOURCE, agreement_script
from workshop_tui.app.living import CannotRenegotiate, lineage_for, prepare_renegotiation
from workshop_tui.domain.clock import FakeClock
from workshop_tui.domain.engine import SessionEngine
from workshop_tui.domain.kinds import DecisionMethod, PromiseStatus
from workshop_tui.domain.living import chain
from workshop_tui.domain.living.changes import changes_between
from workshop_tui.domain.living.lineage import carried_actions
from workshop_tui.domain.read_models.agreement import agreement_of
from workshop_tui.domain.read_models.standing import open_actions
from workshop_tui.domain.rules.due_dates import parse_due
from workshop_tui.domain.snapshot import SessionSetup
from workshop_tui.locations import StoreLocation
from workshop_tui.storage import open_store

DAY = 24 * 3600


def _promise_key(engine: SessionEngine, text: str) -> str:
    return next(p.key for p in engine.session.promises if p.text == text)


def _first_version(store_location: StoreLocation, clock: FakeClock) -> SessionEngine:
    store = open_store(store_location)
    setup = SessionSetup(customer="Acme Health", facilitator="Kim", participants=ROOM)
    engine = SessionEngine.begin(agreement_script(), SOURCE, setup, store, clock)
    engine.timing.start()
    engine.timing.go_to(1)
    keep = engine.promises.add("Supplier", "Demo every sprint")
    engine.promises.agree(keep.key)
    later = engine.promises.add("Supplier", "Weekly status mail")
    engine.promises.decline(later.key, "too much")
    parked = engine.promises.add("Customer", "Answer within a day")
    engine.promises.park(parked.key, "ask legal")
    engine.timing.go_to(2)
    engine.decisions.record(
        "Release monthly?", DecisionMethod.CONSENT, outcome="Monthly releases", agreed=True
    )
    engine.actions.add("Send the minutes", "Kim")
    engine.actions.add("Book the room", "Bo")
    engine.timing.finish()
    return engine


def _renegotiate(store_location: StoreLocation, clock: FakeClock, session_id: int) -> SessionEngine:
    store = open_store(store_location)
    plan = prepare_renegotiation(store, session_id)
    return SessionEngine.begin(
        plan.loaded.script,
        plan.loaded.source,
        plan.setup,
        store,
        clock,
        baseline=plan.baseline,
        carried=plan.carried,
    )


def test_three_versions_chain_diff_carry_and_review(store_location: StoreLocation) -> None:
    clock = FakeClock()
    first = _first_version(store_location, clock)
    first.corrections.set_review_date(parse_due("in 3 months", clock.now().date()))

    clock.advance(30 * DAY)
    second = _renegotiate(store_location, clock, first.session.id)
    assert second.session.renegotiates == first.session.id
    assert second.session.setup.participants == ROOM
    assert second.session.signoffs == []
    by_text = {p.text: p for p in second.session.promises}
    assert by_text["Demo every sprint"].status is PromiseStatus.AGREED
    assert by_text["Weekly status mail"].status is PromiseStatus.DECLINED  # never a proposal
    assert by_text["Answer within a day"].status is PromiseStatus.PARKED
    assert {d.question for d in second.session.decisions} >= {"Release monthly?"}
    assert [a.text for a in open_actions(second.session.actions)] == [
        "Send the minutes",
        "Book the room",
    ]

    second.timing.start()
    second.timing.go_to(1)
    second.promises.amend(_promise_key(second, "Demo every sprint"), "Demo every two weeks")
    second.promises.add("Customer", "Join the demo")
    second.promises.drop(_promise_key(second, "Answer within a day"), "not needed")
    carried = [a.key for a in second.session.actions]
    second.actions.complete(carried[0], "sent on Monday")
    second.actions.drop(carried[1], "we meet online")
    second.timing.finish()

    store = open_store(store_location)
    script, stored = store.load_session(second.session.id)
    lineage = lineage_for(store, script, stored)
    assert lineage.version == 2 and lineage.earlier is not None and lineage.earlier.version == 1
    changes = lineage.changes
    assert changes is not None
    reworded = [c for c in changes.promises if c.reworded]
    assert [(c.before.text, c.after.text) for c in reworded if c.before and c.after] == [
        ("Demo every sprint", "Demo every two weeks")
    ]
    assert [c.after.text for c in changes.promises if c.added and c.after] == ["Join the demo"]
    assert [c.before.text for c in changes.promises if c.dropped and c.before] == [
        "Answer within a day"
    ]
    fates = {c.now.text: c.fate for c in carried_actions(stored)}
    assert fates == {"Send the minutes": "done", "Book the room": "dropped"}

    clock.advance(30 * DAY)
    third = _renegotiate(store_location, clock, second.session.id)
    third.timing.start()
    third.timing.go_to(1)
    third.promises.decline(_promise_key(third, "Join the demo"), "no time")
    third.timing.go_to(2)
    carried_decision = third.session.decisions[-1]
    third.decisions.record(
        "Release monthly?",
        DecisionMethod.CONSENT,
        outcome="Every two months",
        agreed=True,
        key=carried_decision.key,
    )
    third.timing.finish()
    third.corrections.set_review_date(date(2027, 6, 1))

    store = open_store(store_location)
    summaries = store.list_sessions()
    assert chain.versions(summaries) == {
        first.session.id: 1,
        second.session.id: 2,
        third.session.id: 3,
    }
    assert [s.id for s in chain.chain_of(summaries, first.session.id)] == [
        first.session.id,
        second.session.id,
        third.session.id,
    ]
    _, s2 = store.load_session(second.session.id)
    s3script, s3 = store.load_session(third.session.id)
    diff = changes_between(agreement_of(script, s2), agreement_of(s3script, s3))
    restated = [c for c in diff.promises if c.restated]
    assert [(c.after.text, c.after.status) for c in restated if c.after] == [
        ("Join the demo", PromiseStatus.DECLINED)
    ]
    assert [d.question for d in diff.decisions] == ["Release monthly?"]
    assert not any(c.added for c in diff.promises)
    # nothing was left open in version 2, so version 3 carries no action
    assert carried_actions(s3) == ()

    # only the last version is reviewed; its date is "set" until two weeks before
    states = chain.reviews(summaries, date(2027, 5, 1))
    assert states[first.session.id] is chain.ReviewState.NONE
    assert states[third.session.id] is chain.ReviewState.SET
    assert chain.reviews(summaries, date(2027, 5, 25))[third.session.id] is chain.ReviewState.DUE
    due = chain.reviews_due(summaries, date(2027, 6, 2))
    assert [(r.summary.id, r.version, r.state) for r in due] == [
        (third.session.id, 3, chain.ReviewState.OVERDUE)
    ]

    with pytest.raises(CannotRenegotiate, match="renegotiated already"):
        prepare_renegotiation(store, first.session.id)


def test_an_unfinished_session_is_not_renegotiated(store_location: StoreLocation) -> None:
    store = open_store(store_location)
    setup = SessionSetup(customer="Acme", facilitator="Kim", participants=ROOM)
    engine = SessionEngine.begin(agreement_script(), SOURCE, setup, store, FakeClock())
    with pytest.raises(CannotRenegotiate, match="not finished"):
        prepare_renegotiation(store, engine.session.id)


def test_customers_match_however_typed_and_reattaching_is_recorded(
    store_location: StoreLocation,
) -> None:
    clock = FakeClock()
    store = open_store(store_location)
    names = ["Acme Health", "  acme   HEALTH ", "Acme Helth"]
    ids = []
    for name in names:
        setup = SessionSetup(customer=name, facilitator="Kim", participants=ROOM)
        engine = SessionEngine.begin(agreement_script(), SOURCE, setup, store, clock)
        ids.append(engine.session.id)
        clock.advance(60)
    summaries = store.list_sessions()
    assert [s.id for s in chain.of_customer(summaries, "ACME health")] == ids[:2]
    engine.corrections.reattach_customer("Acme Health", "typo")
    again = open_store(store_location)
    assert [s.id for s in chain.of_customer(again.list_sessions(), "acme health")] == ids
    _, stored = again.load_session(ids[2])
    event = stored.events[-1]
    assert (event.customer, event.customer_was, event.reason) == (
        "Acme Health",
        "Acme Helth",
        "typo",
    )
