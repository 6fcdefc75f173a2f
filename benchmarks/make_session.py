"""Build a busy stored session for the UI benchmarks, through the real engine and store.

``make_session(db_path, records=1000)`` runs the bundled Customer Working
Agreement script with a fake clock: every part is started, given records of
its own kind (notes, classifications, promises, decisions, sign-offs, actions)
and a few minutes, then the session is left paused on one part, ready for
``workshop --db PATH resume ID``.

Run alone it builds one and prints where::

    .venv/bin/python benchmarks/make_session.py /tmp/busy.db [--records 1000] [--part ID]
"""

from __future__ import annotations

import argparse
import itertools
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from workshop_tui.content.catalog import find_script
from workshop_tui.content.loader import load_script
from workshop_tui.content.model import Part
from workshop_tui.domain.clock import FakeClock
from workshop_tui.domain.engine import SessionEngine
from workshop_tui.domain.kinds import ActivityKind, CynefinDomain, DecisionMethod, PromiseStatus
from workshop_tui.domain.records import Participant
from workshop_tui.domain.snapshot import SessionSetup
from workshop_tui.locations import StoreLocation
from workshop_tui.storage import open_store

SCRIPT_ID = "customer-working-agreement"
DEFAULT_PART = "negotiate-promises"
SETUP = SessionSetup(
    customer="Acme Health",
    facilitator="Kim",
    participants=(
        Participant("Ana", "Product Owner"),
        Participant("Bo", "Customer sponsor"),
        Participant("Cy", "Delivery lead"),
        Participant("Di", "Scrum Master"),
    ),
)


@dataclass(frozen=True, slots=True)
class BusySession:
    """What :func:`make_session` left in the store."""

    db_path: Path | StoreLocation
    """A SQLite file, or a team store (``--db`` takes its URL)."""
    session_id: int
    records: int
    part_id: str
    remaining_seconds: int
    """The current part's countdown, paused (whole seconds)."""


def _fill_part(engine: SessionEngine, part: Part, count: int, serial: itertools.count[int]) -> int:
    """Add ``count`` records of the part's own kind (and a note every fifth); return how many."""
    activity = part.activity
    promise_keys: list[str] = []
    for _ in range(count):
        n = next(serial)
        if n % 5 == 0:
            engine.notes.add(f"Note {n}: the room agreed to revisit this — see the flip chart")
        elif activity.kind == ActivityKind.CYNEFIN:
            engine.board.classify(
                f"Work item {n}: migrate the billing reports",
                list(CynefinDomain)[n % 5],
                f"rationale {n}",
            )
        elif activity.kind == ActivityKind.PROMISES:
            if promise_keys and n % 3 == 0:
                engine.promises.set(
                    promise_keys[n % len(promise_keys)], status=PromiseStatus.AGREED
                )
            else:
                party = activity.parties[n % len(activity.parties)].name
                promise = engine.promises.add(party, f"Promise {n}: answer within one working day")
                promise_keys.append(promise.key)
        elif activity.kind == ActivityKind.DECISIONS:
            engine.decisions.record(
                f"Question {n}: do we meet weekly?",
                list(DecisionMethod)[n % 3],
                outcome="yes" if n % 2 else "",
                agreed=bool(n % 2),
                rounds=({"3": 2, "5": 4},) if n % 3 == 1 else (),
            )
        elif activity.kind == ActivityKind.SIGNOFF:
            section = activity.sections[n % len(activity.sections)]
            roles = activity.roles_for(section)
            engine.signoff.sign(section.id, f"Person {n}", roles[n % len(roles)], "AB")
        elif activity.kind == ActivityKind.ACTIONS:
            due = date(2026, 12, 1) + timedelta(days=n % 30)
            engine.actions.add(f"Action {n}: send the notes", f"Owner {n % 7}", due)
        else:
            engine.notes.add(f"Note {n}: what the room said about the opening")
    return count


def make_session(
    db_path: Path | StoreLocation, *, records: int = 1000, part_id: str = DEFAULT_PART
) -> BusySession:
    """Store a session of the bundled script holding ``records`` records in a file or a team
    store; leave it paused."""
    loaded = load_script(find_script(SCRIPT_ID))
    script = loaded.script
    clock = FakeClock(datetime.now(UTC).replace(microsecond=0) - timedelta(hours=2))
    engine = SessionEngine.begin(script, loaded.source, SETUP, open_store(db_path), clock)
    parts = len(script.parts)
    serial = itertools.count(1)
    added = 0
    engine.timing.start()
    for index, part in enumerate(script.parts):
        if index:
            engine.timing.go_to(index)
        share = records // parts + (1 if index < records % parts else 0)
        added += _fill_part(engine, part, share, serial)
        clock.advance(180)
    target = script.part_index(part_id)
    engine.timing.go_to(target)
    clock.advance(60)
    engine.timing.pause()
    remaining = engine.timing.remaining()
    return BusySession(db_path, engine.session.id, added, part_id, round(remaining))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("db", type=Path, help="the database file to create (or add to)")
    parser.add_argument("--records", type=int, default=1000)
    parser.add_argument("--part", default=DEFAULT_PART, help="the part to leave it on")
    args = parser.parse_args()
    busy = make_session(args.db, records=args.records, part_id=args.part)
    print(
        f"session {busy.session_id} in {busy.db_path}: {busy.records} records, "
        f"paused on {busy.part_id} with {busy.remaining_seconds} s left"
    )
    print(f"resume it: workshop --db {busy.db_path} resume {busy.session_id}")


if __name__ == "__main__":
    main()
