"""A console session with everything the boards cut when drawn narrowly: long names and dates."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from tests.ui.room_harness import bundled_engine
from workshop_tui.domain.clock import FakeClock
from workshop_tui.domain.kinds import CynefinDomain, DecisionMethod, PromiseStatus


def seed_full_session(db: Path, clock: FakeClock) -> int:
    """A Customer Working Agreement paused on its first part, every board holding content."""
    engine = bundled_engine(db, "customer-working-agreement", clock)
    engine.timing.start()
    clock.advance(60)
    engine.notes.add("Parking lot: data migration")
    engine.timing.next_part()
    engine.board.classify("Move customer records into the new CRM", CynefinDomain.COMPLEX)
    engine.board.classify("Nightly invoice run", CynefinDomain.CLEAR)
    engine.board.classify("Replace the billing engine", CynefinDomain.COMPLICATED)
    engine.board.classify("Weekly demo", CynefinDomain.COMPLICATED)
    engine.timing.next_part()
    row = engine.promises.add("Delivery team", "Show working software every two weeks")
    engine.promises.set(row.key, status=PromiseStatus.AGREED)
    engine.timing.next_part()
    fingers = engine.part.activity.questions[1].question  # type: ignore[union-attr]
    engine.decisions.record(fingers, DecisionMethod.FIST_OF_FIVE, rounds=({"1": 1, "3": 2},))
    engine.timing.next_part()
    section = engine.part.activity.sections[1]  # type: ignore[union-attr]
    engine.signoff.sign(section.id, "Bo Chen", "Customer sponsor", "BC")
    engine.signoff.sign(section.id, "Ana Lopez", "Product Owner", "AL")
    engine.promises.amend(row.key, "Show working software every Sprint Review")
    engine.signoff.hold(section.id, "Delivery lead", "waits for the new wording in writing")
    engine.timing.next_part()
    engine.actions.add("Send the notes to everyone", "Priya Sharma", date(2027, 1, 1))
    engine.timing.go_to(0)
    engine.timing.pause()
    return engine.session.id
