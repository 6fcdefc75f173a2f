"""Two versions of one agreement in a real store: what the CLI, export and golden tests read.

``where`` is a folder (its ``living.db``) or any store (``store_location``: both kinds).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from tests.store_kinds import location_of
from tests.unit.engine_fixtures import ROOM, SOURCE, agreement_script
from workshop_tui.app.living import prepare_renegotiation
from workshop_tui.domain.clock import FakeClock
from workshop_tui.domain.engine import SessionEngine
from workshop_tui.domain.kinds import DecisionMethod
from workshop_tui.domain.snapshot import SessionSetup
from workshop_tui.locations import StoreLocation
from workshop_tui.storage import open_store

DAY = 24 * 3600


def two_versions(
    where: Path | StoreLocation, customer: str = "Acme Health"
) -> tuple[StoreLocation, int, int]:
    """Version 1 and its renegotiation; return the store and both session ids."""
    db = location_of(where, "living.db")
    clock = FakeClock()
    store = open_store(db)
    setup = SessionSetup(customer=customer, facilitator="Kim", participants=ROOM)
    first = SessionEngine.begin(agreement_script(), SOURCE, setup, store, clock)
    first.timing.start()
    first.timing.go_to(1)
    demo = first.promises.add("Supplier", "Demo every sprint")
    first.promises.agree(demo.key)
    mail = first.promises.add("Supplier", "Weekly status mail")
    first.promises.decline(mail.key, "too much")
    answer = first.promises.add("Customer", "Answer within a day")
    first.promises.park(answer.key, "ask legal")
    first.timing.go_to(2)
    first.decisions.record(
        "Release monthly?", DecisionMethod.CONSENT, outcome="Monthly releases", agreed=True
    )
    first.timing.go_to(4)
    first.actions.add("Send the minutes", "Kim", date(2026, 11, 28))
    first.actions.add("Book the room", "Bo")
    first.actions.add(
        "Share a 1,000-row sample of the claims data", "Alex Chen", date(2026, 12, 21)
    )
    clock.advance(600)
    first.timing.finish()
    first.corrections.set_review_date(date(2026, 12, 21))
    first.close()

    clock.advance(30 * DAY)
    plan = prepare_renegotiation(store, first.session.id)
    second = SessionEngine.begin(
        plan.loaded.script,
        plan.loaded.source,
        plan.setup,
        store,
        clock,
        baseline=plan.baseline,
        carried=plan.carried,
    )
    second.timing.start()
    second.timing.go_to(1)
    by_text = {p.text: p.key for p in second.session.promises}
    second.promises.amend(by_text["Demo every sprint"], "Demo every two weeks")
    second.promises.add("Customer", "Join the demo")
    second.promises.drop(by_text["Answer within a day"], "not needed")
    second.timing.go_to(4)
    minutes, room, sample = (a.key for a in second.session.actions)
    second.actions.complete(minutes, "sent on Monday")
    second.actions.keep(room, "still looking", date(2026, 11, 30))
    second.actions.drop(sample, "the data team shared the whole set")
    clock.advance(900)
    second.timing.finish()
    second.corrections.set_review_date(date(2027, 3, 1))
    second.close()
    store.close()
    return db, first.session.id, second.session.id
