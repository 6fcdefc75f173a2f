"""The session tables' handles, the statements of the hot path, and the row helpers of writes.

The statements of every key press that changes time or adds a record are built
once: building one costs more than the commit it feeds.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from sqlalchemy import bindparam, case, func, insert, select, update

from workshop_tui.domain.records import Participant, Record
from workshop_tui.domain.snapshot import PartTiming
from workshop_tui.storage.coltypes import UTCDateTime
from workshop_tui.storage.database import upsert
from workshop_tui.storage.record_rows import KIND_OF, KINDS
from workshop_tui.storage.tables import ParticipantRow, PartTimingRow, ScriptRow, SessionRow, table

if TYPE_CHECKING:
    from sqlalchemy import Connection

SCRIPTS = table(ScriptRow)
SESSIONS = table(SessionRow)
PARTICIPANTS = table(ParticipantRow)
TIMINGS = table(PartTimingRow)

MARK_SEEN = (
    update(SESSIONS)
    .where(SESSIONS.c.id == bindparam("session_id"), SESSIONS.c.revision == bindparam("revision"))
    .values(last_seen_at=bindparam("at", type_=UTCDateTime()), revision=SESSIONS.c.revision + 1)
)
_at = bindparam("at", type_=UTCDateTime())
SAVE_PROGRESS = (
    update(SESSIONS)
    .where(SESSIONS.c.id == bindparam("session_id"), SESSIONS.c.revision == bindparam("revision"))
    .values(
        revision=SESSIONS.c.revision + 1,
        state=bindparam("state"),
        current_part=bindparam("current_part"),
        started_at=case(
            (bindparam("has_started"), func.coalesce(SESSIONS.c.started_at, _at)),
            else_=SESSIONS.c.started_at,
        ),
        finished_at=case(
            (bindparam("has_finished"), func.coalesce(SESSIONS.c.finished_at, _at)),
            else_=None,
        ),
        last_seen_at=_at,
    )
)
TIMING_FIELDS = (
    "planned_seconds",
    "extra_seconds",
    "elapsed_seconds",
    "running_since",
    "started_at",
    "finished_at",
    "skipped",
    "removed_seconds",
)
UPDATE_TIMING = (
    update(TIMINGS)
    .where(
        TIMINGS.c.session_id == bindparam("match_session_id"),
        TIMINGS.c.part_id == bindparam("match_part_id"),
    )
    .values({name: bindparam(name, type_=TIMINGS.c[name].type) for name in TIMING_FIELDS})
)
INSERT_RECORD = {kind.table.name: insert(kind.table).returning(kind.table.c.id) for kind in KINDS}


def insert_participants(
    connection: Connection, session_id: int, participants: Sequence[Participant]
) -> None:
    if participants:
        connection.execute(
            insert(PARTICIPANTS),
            [
                {
                    "session_id": session_id,
                    "position": i,
                    "name": p.name,
                    "role": p.role,
                    "side": p.side.value,
                    "delegate_for": p.delegate_for,
                    "joined_at": p.joined_at,
                    "left_at": p.left_at,
                }
                for i, p in enumerate(participants)
            ],
        )


def insert_records(connection: Connection, session_id: int, records: Sequence[Record]) -> list[int]:
    ids: list[int] = []
    for record in records:
        kind = KIND_OF[type(record)]
        row = kind.to_row(record)
        row["session_id"] = session_id
        ids.append(int(connection.execute(INSERT_RECORD[kind.table.name], row).scalar_one()))
    return ids


def timing_row(session_id: int, position: int, timing: PartTiming) -> dict[str, Any]:
    return {
        "session_id": session_id,
        "position": position,
        "part_id": timing.part_id,
        "planned_seconds": timing.planned_seconds,
        "extra_seconds": timing.extra_seconds,
        "elapsed_seconds": timing.elapsed_seconds,
        "running_since": timing.running_since,
        "started_at": timing.started_at,
        "finished_at": timing.finished_at,
        "skipped": timing.skipped,
        "removed_seconds": timing.removed_seconds,
    }


def upsert_timings(connection: Connection, session_id: int, timings: Sequence[PartTiming]) -> None:
    """Update the given parts' timings; a part not stored yet is added at the end."""
    missing: list[PartTiming] = []
    for timing in timings:  # the usual case: the part is stored already, one UPDATE
        row = timing_row(session_id, 0, timing)
        # SQLAlchemy reserves a column's own name for the SET clause of an UPDATE,
        # so the row's keys are matched under other names.
        row["match_session_id"] = row.pop("session_id")
        row["match_part_id"] = row.pop("part_id")
        del row["position"]
        updated = connection.execute(UPDATE_TIMING, row)
        if updated.rowcount == 0:
            missing.append(timing)
    if not missing:
        return
    timings = missing
    next_position = connection.execute(
        select(func.coalesce(func.max(TIMINGS.c.position) + 1, 0)).where(
            TIMINGS.c.session_id == session_id
        )
    ).scalar_one()
    statement = upsert(connection, TIMINGS)
    statement = statement.on_conflict_do_update(
        index_elements=["session_id", "part_id"],
        set_={name: statement.excluded[name] for name in TIMING_FIELDS},
    )
    for offset, timing in enumerate(timings):
        connection.execute(statement, timing_row(session_id, next_position + offset, timing))
