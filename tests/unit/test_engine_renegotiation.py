"""Dropping promises and actions, settling carried actions, re-attaching: each a revision."""

from __future__ import annotations

from datetime import date

import pytest

from tests.unit.engine_fixtures import new_engine, reload
from workshop_tui.domain.engine import EngineError
from workshop_tui.domain.kinds import PromiseStatus
from workshop_tui.domain.read_models import standing
from workshop_tui.domain.read_models.agreement import agreement_of
from workshop_tui.locations import StoreLocation


def test_a_dropped_promise_is_kept_with_its_reason_and_never_promised(
    store_location: StoreLocation,
) -> None:
    engine, clock = new_engine(store_location)
    engine.timing.go_to(2)
    promise = engine.promises.add("Supplier", "Demo weekly", status=PromiseStatus.AGREED)
    engine.promises.drop(promise.key, "no longer needed")
    with pytest.raises(EngineError, match="dropped already"):
        engine.promises.drop(promise.key)
    again = reload(store_location, engine, clock)
    history = standing.promise_threads(again.session.promises)[0]
    assert [p.status for p in history.history] == [
        PromiseStatus.AGREED,
        PromiseStatus.DROPPED,
    ]
    assert history.current.reason == "no longer needed"
    terms = agreement_of(again.script, again.session).parties
    assert [t.party for t in terms] == ["Supplier"]
    assert terms[0].promised == () and [p.text for p in terms[0].dropped] == ["Demo weekly"]


def test_actions_are_done_kept_or_dropped_with_a_note(store_location: StoreLocation) -> None:
    engine, clock = new_engine(store_location)
    one = engine.actions.add("Send the minutes", "Kim")
    two = engine.actions.add("Book the room", "Bo")
    engine.actions.complete(one.key, "sent")
    with pytest.raises(EngineError, match="done already"):
        engine.actions.complete(one.key)
    engine.actions.keep(two.key, "still looking", date(2026, 12, 4))
    engine.actions.drop(two.key, "we meet online")
    again = reload(store_location, engine, clock)
    assert standing.open_actions(again.session.actions) == []
    assert [a.text for a in standing.standing_actions(again.session.actions)] == [
        "Send the minutes"
    ]
    kept = standing.action_history(again.session.actions)[two.key]
    assert [(a.due, a.reason) for a in kept[1:]] == [
        (date(2026, 12, 4), "still looking"),
        (date(2026, 12, 4), "we meet online"),
    ]


def test_review_date_and_reattaching_work_on_a_finished_session(
    store_location: StoreLocation,
) -> None:
    engine, clock = new_engine(store_location)
    engine.timing.finish()
    engine.corrections.set_review_date(date(2027, 3, 1), "quarterly")
    engine.corrections.reattach_customer("  Acme   Health ", "typo")
    with pytest.raises(EngineError, match="already"):
        engine.corrections.reattach_customer("Acme Health")
    again = reload(store_location, engine, clock)
    assert again.corrections.review_date == date(2027, 3, 1)
    assert again.session.setup.customer == "Acme Health"
    assert again.session.events[-1].customer_was == "Acme"
