"""A Customer Working Agreement session negotiated through the engine, for pictures and tests.

Promises amended (one at length), declined and parked with reasons; the
Delivery team's section initialled and then left on an earlier wording by a
later amendment; a hold on the customer's section. The session waits on the
part asked for, paused, for ``WorkshopApp`` to resume.
"""

from __future__ import annotations

from pathlib import Path

from workshop_tui.content.catalog import find_script
from workshop_tui.content.loader import load_script
from workshop_tui.domain.clock import FakeClock
from workshop_tui.domain.engine import SessionEngine
from workshop_tui.domain.kinds import PromiseStatus
from workshop_tui.domain.records import Participant
from workshop_tui.domain.snapshot import SessionSetup
from workshop_tui.storage import open_store

TEAM = "A dedicated team of Developers who can turn the requested value into a usable increment"
LONG = (
    f"{TEAM}, four Developers full time for the whole engagement, with a tester from Sprint 2"
    " and no change to the team without the customer's consent"
)
ROOM = (
    Participant("Ana Lopez", "Product Owner"),
    Participant("Bo Chen", "Customer sponsor"),
    Participant("Cy Diaz", "Delivery lead"),
    Participant("Di Evans", "Scrum Master"),
)


def negotiated_session(db_path: Path, clock: FakeClock, part: str = "sign-off") -> int:
    """Store the negotiated session in ``db_path``; leave it paused on ``part``; its id."""
    loaded = load_script(find_script("customer-working-agreement", []))
    script = loaded.script
    store = open_store(db_path)
    try:
        engine = SessionEngine.begin(
            script,
            loaded.source,
            SessionSetup(customer="Northwind Clinics", facilitator="Kim Park", participants=ROOM),
            store,
            clock,
        )
        engine.timing.start()
        engine.timing.go_to(script.part_index("negotiate-promises"))
        increment = engine.promises.add("Delivery team", "A usable increment every Sprint")
        engine.promises.agree(increment.key, "Sprint 1 included")
        team = engine.promises.add("Delivery team", TEAM)
        engine.promises.amend(team.key, f"{TEAM}, four Developers full time", reason="asked")
        engine.promises.agree(team.key)
        master = engine.promises.add("Delivery team", "A Scrum Master who keeps it working")
        engine.promises.decline(master.key, "no budget this year")
        owner = engine.promises.add("Customer", "Provide a Product Owner")
        engine.promises.park(owner.key, "nobody can be named before March")
        review = engine.promises.add("Customer", "Attend the Sprint Review", owner="Bo Chen")
        engine.promises.agree(review.key)
        clock.advance(10 * 60)
        engine.timing.go_to(script.part_index("sign-off"))
        engine.signoff.sign_for_everyone("delivery-team-promises")
        engine.signoff.hold("customer-promises", "Customer sponsor", "legal reads it first")
        engine.signoff.sign("customer-promises", "Ana Lopez", "Product Owner", "AL")
        engine.timing.go_to(script.part_index("negotiate-promises"))
        clock.advance(60)
        engine.promises.amend(team.key, LONG, reason="the tester")
        engine.promises.set(team.key, status=PromiseStatus.AGREED)
        engine.timing.go_to(script.part_index(part))
        engine.timing.pause()
        return engine.session.id
    finally:
        store.close()
