"""A busy practice's store, built fast: thousands of sessions of about 1,000 records each.

``build_practice(location, sessions=2000)`` stores one seed session of each bundled script
through the real engine (about 1,000 records each, of every kind: mostly notes, with
classifications, promises and their revisions, decisions, initials, a dozen actions, and the
parts' timings, finished), then copies the seeds in bulk with ``INSERT ... SELECT`` (SQLAlchemy
Core, the same on a SQLite file and on PostgreSQL) until the store holds ``sessions``
sessions: 400 customers with about five versions each over four years, each version
renegotiating the one before; eight facilitators; the newest version of each customer with a
review date (some overdue, some due soon, most later); a dozen sessions still under way.
Copies keep their seed's records (texts, times and due dates), so ``due`` and ``stats`` read
realistic rows. About 2 million records in a few minutes, where the engine takes an hour.
"""

from __future__ import annotations

import itertools
import time
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import (
    Column,
    Connection,
    Engine,
    Integer,
    MetaData,
    String,
    Table,
    cast,
    func,
    insert,
    select,
)

from workshop_tui.content.catalog import find_script
from workshop_tui.content.loader import load_script
from workshop_tui.domain.clock import FakeClock
from workshop_tui.domain.engine import SessionEngine
from workshop_tui.domain.kinds import (
    ActivityKind,
    CynefinDomain,
    DecisionMethod,
    EventKind,
    PromiseStatus,
    SessionState,
)
from workshop_tui.domain.records import Participant, SessionEvent
from workshop_tui.domain.snapshot import SessionSetup
from workshop_tui.locations import StoreLocation
from workshop_tui.storage import open_store
from workshop_tui.storage.database import make_engine, server_engine, sqlite_url
from workshop_tui.storage.identity import new_uid
from workshop_tui.storage.record_rows import KIND_OF, KINDS
from workshop_tui.storage.repository import SqlSessionStore
from workshop_tui.storage.tables import ParticipantRow, PartTimingRow, SessionRow, table

SCRIPTS = ("customer-working-agreement", "product-engineering-agreement", "partnership-agreement")
CUSTOMERS = 400
FACILITATORS = ("Kim", "Ana", "Bo", "Cy", "Dee", "Eli", "Fay", "Gus")
UNDER_WAY = 12
YEARS = 4
SEED_RECORDS = 1000
ROOM = (
    Participant("Ana Ruiz", "Product Owner"),
    Participant("Bo Chen", "Customer sponsor"),
    Participant("Cy Diaz", "Delivery lead"),
    Participant("Dee Evans", "Scrum Master"),
)

_sessions = table(SessionRow)
_copies = Table(
    "bench_copies",
    MetaData(),
    Column("new_id", Integer, primary_key=True),
    Column("seed_id", Integer, nullable=False),
)
"""Which seed each copied session copies (a table of the benchmark's, dropped afterwards)."""


@dataclass(frozen=True)
class Practice:
    location: StoreLocation | Path
    sessions: int
    records: int
    customers: int
    seconds: float
    biggest_customer: str
    """The customer with the most versions (for ``history``)."""
    typical_customer: str


def seed_session(store: SqlSessionStore, script_id: str, start: datetime) -> int:
    """One finished session of ``script_id`` holding about ``SEED_RECORDS`` records."""
    loaded = load_script(find_script(script_id))
    script = loaded.script
    clock = FakeClock(start)
    setup = SessionSetup(customer="Seed", facilitator="Kim", participants=ROOM)
    engine = SessionEngine.begin(script, loaded.source, setup, store, clock)
    engine.timing.start()
    serial = itertools.count(1)
    for index, part in enumerate(script.parts):
        if index:
            engine.timing.go_to(index)
        _activity_records(engine, part.activity, serial)
        clock.advance(part.duration * (0.8 + 0.1 * (index % 5)))
    per_part = max(0, SEED_RECORDS - engine.session.record_count) // len(script.parts)
    for index, part in enumerate(script.parts):
        engine.timing.go_to(index)
        for _ in range(per_part):
            engine.notes.add(f"Note {next(serial)} on {part.name}: the room agreed to revisit it")
    engine.timing.finish()
    session_id = engine.session.id
    engine.close()
    return session_id


def _activity_records(
    engine: SessionEngine, activity: object, serial: itertools.count[int]
) -> None:
    kind = getattr(activity, "kind", None)
    if kind == ActivityKind.CYNEFIN:
        for n in range(40):
            row = engine.board.classify(
                f"Work item {n}", list(CynefinDomain)[n % 5], f"rationale {next(serial)}"
            )
            if n % 4 == 0:
                engine.board.move(row.key, CynefinDomain.COMPLEX, "it changed as we spoke")
    elif kind == ActivityKind.PROMISES:
        parties = activity.parties
        for n in range(30):
            party = parties[n % len(parties)].name
            promise = engine.promises.add(party, f"Promise {next(serial)}: answer within a day")
            if n % 3:
                engine.promises.set(promise.key, status=PromiseStatus.AGREED)
    elif kind == ActivityKind.DECISIONS:
        for n in range(6):
            engine.decisions.record(
                f"Question {next(serial)}: do we meet weekly?",
                list(DecisionMethod)[n % 3],
                outcome="yes" if n % 2 else "",
                agreed=bool(n % 2),
            )
    elif kind == ActivityKind.SIGNOFF:
        for section in activity.sections:
            for m, role in enumerate(activity.roles_for(section)):
                engine.signoff.sign(section.id, f"Person {m}", role, "PA")
    elif kind == ActivityKind.ACTIONS:
        for n in range(12):
            due = date(2026, 10, 1) + timedelta(days=15 * n)
            action = engine.actions.add(f"Action {next(serial)}: send the notes", "Kim", due)
            if n < 9:
                engine.actions.update(action.key, done=True)


def build_practice(location: StoreLocation | Path, *, sessions: int = 2000) -> Practice:
    """Fill an empty store with ``sessions`` sessions (see the module's docstring)."""
    began = time.perf_counter()
    now = datetime.now(UTC).replace(microsecond=0)
    first = now - timedelta(days=365 * YEARS)
    with open_store(location) as store:
        seeds = [seed_session(store, script_id, first) for script_id in SCRIPTS]
    copies = sessions - len(seeds)
    plan = _plan(copies, first, now)
    engine = bulk_engine(location)
    try:
        with engine.begin() as connection:
            seed_rows = {
                row.id: row
                for row in connection.execute(_sessions.select().where(_sessions.c.id.in_(seeds)))
            }
            _copies.create(connection)
            previous: dict[int, int] = {}
            pairs = []
            for number, (customer, created, under_way) in enumerate(plan):
                seed = seed_rows[seeds[customer % len(seeds)]]
                new_id = connection.execute(
                    insert(_sessions)
                    .returning(_sessions.c.id)
                    .values(
                        script_row_id=seed.script_row_id,
                        customer=f"Customer {customer:03d}",
                        facilitator=FACILITATORS[(number * 7 + customer) % len(FACILITATORS)],
                        state=(SessionState.PAUSED if under_way else SessionState.FINISHED).value,
                        current_part=seed.current_part,
                        created_at=created,
                        started_at=created + timedelta(minutes=5),
                        finished_at=None if under_way else created + timedelta(hours=2),
                        last_seen_at=created + timedelta(hours=2),
                        materials_checked=seed.materials_checked,
                        renegotiates=previous.get(customer),
                        uid=new_uid(),
                    )
                ).scalar_one()
                previous[customer] = new_id
                pairs.append({"new_id": new_id, "seed_id": seed.id})
            connection.execute(insert(_copies), pairs)
            for copied in (table(ParticipantRow), table(PartTimingRow), *(k.table for k in KINDS)):
                _copy_rows(connection, copied)
            _review_dates(connection, previous, now)
            _copies.drop(connection)
        with engine.connect() as connection:
            records = sum(
                connection.execute(select(func.count()).select_from(kind.table)).scalar_one()
                for kind in KINDS
            )
    finally:
        engine.dispose()
    counts: dict[int, int] = {}
    for customer, _, _ in plan:
        counts[customer] = counts.get(customer, 0) + 1
    biggest = max(counts, key=lambda c: (counts[c], -c))
    return Practice(
        location=location,
        sessions=sessions,
        records=records,
        customers=len(counts),
        seconds=time.perf_counter() - began,
        biggest_customer=f"Customer {biggest:03d}",
        typical_customer=f"Customer {sorted(counts)[len(counts) // 2]:03d}",
    )


def bulk_engine(location: StoreLocation | Path) -> Engine:
    """An engine straight on the store, for the bulk copy (one transaction, no claims)."""
    if isinstance(location, Path):
        return make_engine(sqlite_url(location))
    if location.path is not None:
        return make_engine(sqlite_url(location.path))
    assert location.url is not None
    return server_engine(location.url)


def _plan(copies: int, first: datetime, now: datetime) -> list[tuple[int, datetime, bool]]:
    """(customer, created at, still under way) of each copy, oldest first."""
    span = (now - first).total_seconds() - 86400
    plan = []
    for number in range(copies):
        customer = (number * 7919) % CUSTOMERS  # customers interleaved over the years
        created = first + timedelta(seconds=span * number / copies)
        plan.append((customer, created, number >= copies - UNDER_WAY))
    return plan


def _copy_rows(connection: Connection, copied: Table) -> None:
    """Every row of the seeds in ``copied``, once for each session copying that seed."""
    columns = [c for c in copied.columns if c.name not in ("id", "session_id")]
    picked = [fresh_uid(connection).label("uid") if c.name == "uid" else c for c in columns]
    source = (
        select(_copies.c.new_id, *picked)
        .join(_copies, _copies.c.seed_id == copied.c.session_id)
        .order_by(_copies.c.new_id, copied.c.id)
    )
    statement = insert(copied).from_select(["session_id", *(c.name for c in columns)], source)
    connection.execute(statement)


def fresh_uid(connection: Connection) -> Any:
    """A new record's uid made by the database itself, one per row copied (32 hex digits)."""
    if connection.dialect.name == "postgresql":
        return func.replace(cast(func.gen_random_uuid(), String), "-", "")
    return func.lower(func.hex(func.randomblob(16)))


def _review_dates(connection: Connection, latest: dict[int, int], now: datetime) -> None:
    """A review date on each customer's newest version: some overdue, most later."""
    convert = KIND_OF[SessionEvent].to_row
    rows = []
    for customer, session_id in latest.items():
        event = SessionEvent(
            "opening",
            now - timedelta(days=1),
            EventKind.REVIEW_DATE,
            review_on=now.date() + timedelta(days=(customer % 150) - 20),
        )
        rows.append({**convert(event), "session_id": session_id})
    connection.execute(insert(KIND_OF[SessionEvent].table), rows)
