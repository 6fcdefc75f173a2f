"""A session's rows as one store holds them, and the same rows written into another store.

Rows are copied as they are, column by column, with the store's own ids left behind: a
session and its records are known by their uids in every store, and a reference to another
session (``renegotiates``, a record's ``carried_from``) travels as that session's uid and is
turned back into an id of the store it is written to; so do the records an undo took back
(``session_events.undoes``: ``[kind, id]`` pairs travel as ``[kind, uid]``). Records are
append-only, so a record written twice is written once (``ON CONFLICT (uid) DO NOTHING``);
the session's own row, its people and its part timings are the writer's to replace.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from sqlalchemy import delete, select, update

from workshop_tui.storage.database import upsert
from workshop_tui.storage.record_rows import KINDS
from workshop_tui.storage.tables import (
    ParticipantRow,
    PartTimingRow,
    ScriptRow,
    SessionLockRow,
    SessionRow,
    table,
)

if TYPE_CHECKING:
    from sqlalchemy import Connection, Table

SCRIPTS = table(ScriptRow)
SESSIONS = table(SessionRow)
PARTICIPANTS = table(ParticipantRow)
TIMINGS = table(PartTimingRow)
LOCKS = table(SessionLockRow)
RECORD_TABLES: tuple[Table, ...] = tuple(kind.table for kind in KINDS)
"""In the order they are written: an event that takes records back comes after them."""
TABLE_OF_KIND: dict[str, Table] = {kind.snapshot_field: kind.table for kind in KINDS}
SESSION_FIELDS = (
    "customer",
    "supplier",
    "facilitator",
    "state",
    "current_part",
    "created_at",
    "started_at",
    "finished_at",
    "last_seen_at",
    "materials_checked",
)
"""What a session's own row says, copied as it is (ids, revision and links aside)."""


class MissingSession(LookupError):
    """A session referred to (by uid) is not in the store written to yet."""

    def __init__(self, uid: str) -> None:
        super().__init__(uid)
        self.uid = uid


@dataclass
class SessionRows:
    """One session, read from one store: everything another store needs to hold it too."""

    id: int
    uid: str
    revision: int
    origin: str
    fields: dict[str, Any]
    renegotiates: str | None
    """The uid of the session it renegotiates."""
    script: dict[str, Any]
    participants: list[dict[str, Any]]
    timings: list[dict[str, Any]]
    records: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    """Per record table, the rows read (each with ``carried_from`` as a uid)."""
    lock: dict[str, Any] | None = None

    def record_count(self) -> int:
        return sum(len(rows) for rows in self.records.values())

    def referred(self) -> set[str]:
        """The uids of the other sessions these rows refer to."""
        found = {self.renegotiates} if self.renegotiates else set()
        for rows in self.records.values():
            found.update(row["carried_from"] for row in rows if row.get("carried_from"))
        return found


def read_session(
    connection: Connection, session_id: int, after: dict[str, int] | None = None
) -> SessionRows:
    """The session's rows; only the records past ``after`` (per table, the last id taken)."""
    head = connection.execute(select(SESSIONS).where(SESSIONS.c.id == session_id)).one()
    script = connection.execute(
        select(SCRIPTS.c.script_id, SCRIPTS.c.title, SCRIPTS.c.content_hash, SCRIPTS.c.source)
        .add_columns(SCRIPTS.c.model_json)
        .where(SCRIPTS.c.id == head.script_row_id)
    ).one()
    uids = _uids_of(connection, [head.renegotiates] if head.renegotiates else [])
    rows = SessionRows(
        id=head.id,
        uid=head.uid,
        revision=head.revision,
        origin=head.origin,
        fields={name: head._mapping[name] for name in SESSION_FIELDS},
        renegotiates=uids.get(head.renegotiates) if head.renegotiates else None,
        script=dict(script._mapping),
        participants=[
            {k: v for k, v in p._mapping.items() if k not in ("id", "session_id")}
            for p in connection.execute(
                select(PARTICIPANTS).where(PARTICIPANTS.c.session_id == session_id)
            )
        ],
        timings=[
            {k: v for k, v in t._mapping.items() if k not in ("id", "session_id")}
            for t in connection.execute(select(TIMINGS).where(TIMINGS.c.session_id == session_id))
        ],
    )
    lock = connection.execute(select(LOCKS).where(LOCKS.c.session_id == session_id)).first()
    rows.lock = None if lock is None else dict(lock._mapping)
    for record_table in RECORD_TABLES:
        last = (after or {}).get(record_table.name, 0)
        found = [
            dict(row._mapping)
            for row in connection.execute(
                select(record_table)
                .where(record_table.c.session_id == session_id, record_table.c.id > last)
                .order_by(record_table.c.id)
            )
        ]
        _carried_as_uids(connection, found)
        _undone_as(connection, found, "uid")
        rows.records[record_table.name] = found
    return rows


def cursors_after(rows: SessionRows, before: dict[str, int] | None = None) -> dict[str, int]:
    """Per record table, the last id read (or the one before, when nothing new was)."""
    cursors = dict(before or {})
    for name, found in rows.records.items():
        if found:
            cursors[name] = max(row["id"] for row in found)
    return cursors


def session_id_of(connection: Connection, uid: str, *, lock: bool = False) -> int | None:
    """The id this store gives the session of ``uid`` (locking its row if asked)."""
    query = select(SESSIONS.c.id).where(SESSIONS.c.uid == uid)
    if lock:
        query = query.with_for_update()
    found = connection.execute(query).scalar_one_or_none()
    return None if found is None else int(found)


def write_session(
    connection: Connection, rows: SessionRows, *, origin: str, session_id: int | None
) -> int:
    """Hold ``rows`` in this store: a new session, or the one at ``session_id`` brought up to
    them. Its records are added (those already here are left as they are); its own row, its
    people and its part timings are replaced. Returns the session's id here.

    ``MissingSession`` when a session it refers to is not in this store.
    """
    ids = {uid: _id_or_missing(connection, uid) for uid in rows.referred()}
    script_row = _script_row(connection, rows.script)
    values = {
        **rows.fields,
        "script_row_id": script_row,
        "renegotiates": ids[rows.renegotiates] if rows.renegotiates else None,
    }
    if session_id is None:
        session_id = int(
            connection.execute(
                SESSIONS.insert()
                .values(**values, uid=rows.uid, origin=origin, revision=0)
                .returning(SESSIONS.c.id)
            ).scalar_one()
        )
    else:
        connection.execute(
            update(SESSIONS)
            .where(SESSIONS.c.id == session_id)
            .values(**values, revision=SESSIONS.c.revision + 1)
        )
    connection.execute(delete(PARTICIPANTS).where(PARTICIPANTS.c.session_id == session_id))
    if rows.participants:
        connection.execute(
            PARTICIPANTS.insert(), [{**p, "session_id": session_id} for p in rows.participants]
        )
    _replace_timings(connection, session_id, rows.timings)
    for record_table in RECORD_TABLES:
        found = rows.records.get(record_table.name, [])
        if found:
            statement = upsert(connection, record_table).on_conflict_do_nothing(
                index_elements=["uid"]
            )
            placed = [_here(row, session_id, ids) for row in found]
            _undone_as(connection, placed, "id")
            connection.execute(statement, placed)
    return session_id


def _here(row: dict[str, Any], session_id: int, ids: dict[str, int]) -> dict[str, Any]:
    """A record row as this store holds it: its session's id here, no id of its own yet, and
    the session it was carried from named by this store's id."""
    placed = {name: value for name, value in row.items() if name != "id"}
    placed["session_id"] = session_id
    if placed.get("carried_from"):
        placed["carried_from"] = ids[placed["carried_from"]]
    return placed


def revision_of(connection: Connection, session_id: int) -> int:
    return int(
        connection.execute(
            select(SESSIONS.c.revision).where(SESSIONS.c.id == session_id)
        ).scalar_one()
    )


def _replace_timings(
    connection: Connection, session_id: int, timings: list[dict[str, Any]]
) -> None:
    """The part timings of ``timings``, matched by part id (a part's row keeps its id)."""
    statement = upsert(connection, TIMINGS)
    statement = statement.on_conflict_do_update(
        index_elements=["session_id", "part_id"],
        set_={k: statement.excluded[k] for k in timings[0] if k != "part_id"} if timings else {},
    )
    for timing in timings:
        connection.execute(statement, {**timing, "session_id": session_id})


def _script_row(connection: Connection, script: dict[str, Any]) -> int:
    connection.execute(
        upsert(connection, SCRIPTS)
        .values(**script)
        .on_conflict_do_nothing(index_elements=["content_hash"])
    )
    return int(
        connection.execute(
            select(SCRIPTS.c.id).where(SCRIPTS.c.content_hash == script["content_hash"])
        ).scalar_one()
    )


def _uids_of(connection: Connection, session_ids: list[int]) -> dict[int, str]:
    if not session_ids:
        return {}
    return {
        int(row.id): str(row.uid)
        for row in connection.execute(
            select(SESSIONS.c.id, SESSIONS.c.uid).where(SESSIONS.c.id.in_(session_ids))
        )
    }


def _carried_as_uids(connection: Connection, found: list[dict[str, Any]]) -> None:
    carried = [row["carried_from"] for row in found if row.get("carried_from")]
    uids = _uids_of(connection, sorted(set(carried)))
    for row in found:
        if row.get("carried_from"):
            row["carried_from"] = uids[row["carried_from"]]


def _undone_as(connection: Connection, found: list[dict[str, Any]], key: str) -> None:
    """Name the records each undo event took back by ``key`` ("uid" to read them out of this
    store, "id" to write them into it), in place."""
    other = "id" if key == "uid" else "uid"
    for row in found:
        if row.get("undoes"):
            row["undoes"] = [
                [kind, _record_column(connection, kind, other, value, key)]
                for kind, value in row["undoes"]
            ]


def _record_column(connection: Connection, kind: str, by: str, value: object, want: str) -> Any:
    record_table = TABLE_OF_KIND[kind]
    return connection.execute(
        select(record_table.c[want]).where(record_table.c[by] == value)
    ).scalar_one()


def _id_or_missing(connection: Connection, uid: str) -> int:
    found = session_id_of(connection, uid)
    if found is None:
        raise MissingSession(uid)
    return found
