"""``SqlSessionStore``: the ``SessionStore`` port over SQLite, with SQLAlchemy Core.

Each write is one short ``BEGIN IMMEDIATE`` transaction that also moves the
session's ``last_seen_at``, and is committed (with ``synchronous=FULL``) before
the call returns. Reads run in one transaction, so a read-only follower sees a
consistent session while the facilitator keeps writing, and build domain
objects straight from Core rows: ORM objects cost too much at 10k records.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import bindparam, case, delete, func, insert, or_, select, update
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from workshop_tui.domain.kinds import SessionState
from workshop_tui.domain.records import Participant, Record
from workshop_tui.domain.snapshot import PartTiming, SessionSetup, SessionSnapshot, SessionSummary
from workshop_tui.storage.coltypes import UTCDateTime
from workshop_tui.storage.database import writer
from workshop_tui.storage.errors import DatabaseReadOnly, storage_errors, unknown_session
from workshop_tui.storage.record_rows import KIND_OF, KINDS
from workshop_tui.storage.script_codec import content_hash, script_from_json, script_to_json
from workshop_tui.storage.tables import (
    ParticipantRow,
    PartTimingRow,
    ScriptRow,
    SessionRow,
    table,
)

if TYPE_CHECKING:
    from sqlalchemy import Connection, Engine

    from workshop_tui.content.model import Script

_scripts = table(ScriptRow)
_sessions = table(SessionRow)
_participants = table(ParticipantRow)
_timings = table(PartTimingRow)

# The statements of the hot path (every key press that changes time or adds a
# record) are built once: building one costs more than the commit it feeds.
_MARK_SEEN = (
    update(_sessions)
    .where(_sessions.c.id == bindparam("session_id"))
    .values(last_seen_at=bindparam("at", type_=UTCDateTime()))
)
_at = bindparam("at", type_=UTCDateTime())
_SAVE_PROGRESS = (
    update(_sessions)
    .where(_sessions.c.id == bindparam("session_id"))
    .values(
        state=bindparam("state"),
        current_part=bindparam("current_part"),
        started_at=case(
            (bindparam("has_started"), func.coalesce(_sessions.c.started_at, _at)),
            else_=_sessions.c.started_at,
        ),
        finished_at=case(
            (bindparam("has_finished"), func.coalesce(_sessions.c.finished_at, _at)),
            else_=None,
        ),
        last_seen_at=_at,
    )
)
_TIMING_FIELDS = (
    "planned_seconds",
    "extra_seconds",
    "elapsed_seconds",
    "running_since",
    "started_at",
    "finished_at",
    "skipped",
    "removed_seconds",
)
_UPDATE_TIMING = (
    update(_timings)
    .where(
        _timings.c.session_id == bindparam("match_session_id"),
        _timings.c.part_id == bindparam("match_part_id"),
    )
    .values({name: bindparam(name, type_=_timings.c[name].type) for name in _TIMING_FIELDS})
)
_INSERT_RECORD = {kind.table.name: insert(kind.table) for kind in KINDS}


class SqlSessionStore:
    """Sessions and their records in one SQLite file (see ``open_store``)."""

    def __init__(self, engine: Engine, *, where: str | None = None, readonly: bool = False):
        self._engine = engine
        self._writer = writer(engine)
        self.where = where or str(engine.url.database)
        """How error messages name the file."""
        self.readonly = readonly

    # -- life cycle -------------------------------------------------------------

    def close(self) -> None:
        """Release the file (pooled connections are closed)."""
        self._engine.dispose()

    def __enter__(self) -> SqlSessionStore:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    @contextmanager
    def _write(self, session_id: int | None, at: datetime | None) -> Iterator[Connection]:
        """One committed transaction; it first marks the session as seen at ``at``."""
        if self.readonly:
            raise DatabaseReadOnly(self.where, "it was opened only to follow a session")
        with storage_errors(self.where), self._writer.begin() as connection:
            if session_id is not None:
                seen = connection.execute(_MARK_SEEN, {"session_id": session_id, "at": at})
                if seen.rowcount == 0:
                    raise unknown_session(session_id, self.where)
            yield connection

    @contextmanager
    def _read(self) -> Iterator[Connection]:
        with storage_errors(self.where), self._engine.connect() as connection:
            yield connection

    # -- writes -----------------------------------------------------------------

    def create_session(
        self,
        script: Script,
        script_source: str,
        setup: SessionSetup,
        timings: Sequence[PartTiming],
        at: datetime,
    ) -> int:
        """Store a new session of ``script`` (a copy of it as run) and return its id."""
        model_json = script_to_json(script)
        digest = content_hash(script_source, model_json)
        with self._write(None, at) as connection:
            connection.execute(
                sqlite_insert(_scripts)
                .values(
                    script_id=script.id,
                    title=script.title,
                    content_hash=digest,
                    source=script_source,
                    model_json=model_json,
                )
                .on_conflict_do_nothing(index_elements=["content_hash"])
            )
            script_row = connection.execute(
                select(_scripts.c.id).where(_scripts.c.content_hash == digest)
            ).scalar_one()
            session_id = int(
                connection.execute(
                    insert(_sessions).values(
                        script_row_id=script_row,
                        customer=setup.customer,
                        facilitator=setup.facilitator,
                        state=SessionState.SETUP.value,
                        current_part=0,
                        created_at=at,
                        last_seen_at=at,
                        materials_checked=list(setup.materials_checked),
                    )
                ).lastrowid
            )
            _insert_participants(connection, session_id, setup.participants)
            if timings:
                connection.execute(
                    insert(_timings),
                    [_timing_row(session_id, i, t) for i, t in enumerate(timings)],
                )
        return session_id

    def save_setup(self, session_id: int, setup: SessionSetup, at: datetime) -> None:
        """Replace who is in the room and which materials are ticked."""
        with self._write(session_id, at) as connection:
            connection.execute(
                update(_sessions)
                .where(_sessions.c.id == session_id)
                .values(
                    customer=setup.customer,
                    facilitator=setup.facilitator,
                    materials_checked=list(setup.materials_checked),
                )
            )
            connection.execute(
                delete(_participants).where(_participants.c.session_id == session_id)
            )
            _insert_participants(connection, session_id, setup.participants)

    def save_progress(
        self,
        session_id: int,
        *,
        state: SessionState,
        current_part: int,
        timings: Sequence[PartTiming],
        at: datetime,
    ) -> None:
        """Store the state, the current part and the given timings (matched by part id).

        The session's ``started_at`` is set the first time it leaves setup and
        ``finished_at`` when it finishes (cleared if it is reopened).
        """
        values = {
            "session_id": session_id,
            "state": state.value,
            "current_part": current_part,
            "has_started": state != SessionState.SETUP,
            "has_finished": state == SessionState.FINISHED,
            "at": at,
        }
        with self._write(None, at) as connection:  # one UPDATE marks it seen and moves it on
            moved = connection.execute(_SAVE_PROGRESS, values)
            if moved.rowcount == 0:
                raise unknown_session(session_id, self.where)
            _upsert_timings(connection, session_id, timings)

    def add_record(self, session_id: int, record: Record) -> int:
        """Append one record (its ``id`` is ignored) and return the id it was given."""
        kind = KIND_OF[type(record)]
        row = kind.to_row(record)
        row["session_id"] = session_id
        with self._write(session_id, record.at) as connection:
            result = connection.execute(_INSERT_RECORD[kind.table.name], row)
            return int(result.lastrowid)

    def add_records(self, session_id: int, records: Sequence[Record]) -> list[int]:
        """Append several records in one transaction (all or none); return their ids in order."""
        if not records:
            return []
        ids: list[int] = []
        with self._write(session_id, records[-1].at) as connection:
            for record in records:
                kind = KIND_OF[type(record)]
                row = kind.to_row(record)
                row["session_id"] = session_id
                result = connection.execute(_INSERT_RECORD[kind.table.name], row)
                ids.append(int(result.lastrowid))
        return ids

    def touch(self, session_id: int, at: datetime) -> None:
        """Note that the session was alive at ``at``."""
        with self._write(session_id, at):
            pass

    # -- reads ------------------------------------------------------------------

    def load_session(self, session_id: int) -> tuple[Script, SessionSnapshot]:
        """The script as it was run and every record revision, in insertion order."""
        with self._read() as connection:
            head = connection.execute(
                select(_sessions, _scripts.c.script_id, _scripts.c.title, _scripts.c.model_json)
                .join(_scripts, _scripts.c.id == _sessions.c.script_row_id)
                .where(_sessions.c.id == session_id)
            ).one_or_none()
            if head is None:
                raise unknown_session(session_id, self.where)
            participants = connection.execute(
                select(_participants.c.name, _participants.c.role)
                .where(_participants.c.session_id == session_id)
                .order_by(_participants.c.position)
            ).all()
            timings = connection.execute(
                select(_timings)
                .where(_timings.c.session_id == session_id)
                .order_by(_timings.c.position)
            ).all()
            records: dict[str, list[Any]] = {}
            for kind in KINDS:
                rows = connection.execute(
                    select(kind.table)
                    .where(kind.table.c.session_id == session_id)
                    .order_by(kind.table.c.id)
                ).all()
                convert = kind.from_row
                records[kind.snapshot_field] = [convert(row) for row in rows]
        script = _load_script(head.model_json, session_id, self.where)
        snapshot = SessionSnapshot(
            id=head.id,
            script_id=head.script_id,
            script_title=head.title,
            setup=SessionSetup(
                customer=head.customer,
                facilitator=head.facilitator,
                participants=tuple(Participant(name=p.name, role=p.role) for p in participants),
                materials_checked=tuple(head.materials_checked),
            ),
            state=SessionState(head.state),
            current_part=head.current_part,
            created_at=head.created_at,
            last_seen_at=head.last_seen_at,
            started_at=head.started_at,
            finished_at=head.finished_at,
            timings=[_timing(row) for row in timings],
            **records,
        )
        return script, snapshot

    def latest_unfinished(self) -> int | None:
        """The id of the most recently seen session that has not finished."""
        with self._read() as connection:
            found = connection.execute(
                select(_sessions.c.id)
                .where(_sessions.c.state != SessionState.FINISHED.value)
                .order_by(_sessions.c.last_seen_at.desc(), _sessions.c.id.desc())
                .limit(1)
            ).scalar_one_or_none()
        return None if found is None else int(found)

    def list_sessions(self) -> list[SessionSummary]:
        """Every session, newest first, with how many of its parts are done."""
        done = (
            select(func.count())
            .where(
                _timings.c.session_id == _sessions.c.id,
                or_(_timings.c.finished_at.is_not(None), _timings.c.skipped),
            )
            .scalar_subquery()
        )
        total = (
            select(func.count()).where(_timings.c.session_id == _sessions.c.id).scalar_subquery()
        )
        query = (
            select(
                _sessions.c.id,
                _scripts.c.script_id,
                _scripts.c.title,
                _sessions.c.customer,
                _sessions.c.created_at,
                _sessions.c.state,
                done.label("parts_done"),
                total.label("parts_total"),
                _sessions.c.last_seen_at,
            )
            .join(_scripts, _scripts.c.id == _sessions.c.script_row_id)
            .order_by(_sessions.c.created_at.desc(), _sessions.c.id.desc())
        )
        with self._read() as connection:
            rows = connection.execute(query).all()
        return [
            SessionSummary(
                id=row.id,
                script_id=row.script_id,
                script_title=row.title,
                customer=row.customer,
                created_at=row.created_at,
                state=SessionState(row.state),
                parts_done=row.parts_done,
                parts_total=row.parts_total,
                last_seen_at=row.last_seen_at,
            )
            for row in rows
        ]


def _insert_participants(
    connection: Connection, session_id: int, participants: Sequence[Participant]
) -> None:
    if participants:
        connection.execute(
            insert(_participants),
            [
                {"session_id": session_id, "position": i, "name": p.name, "role": p.role}
                for i, p in enumerate(participants)
            ],
        )


def _timing_row(session_id: int, position: int, timing: PartTiming) -> dict[str, Any]:
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


def _upsert_timings(connection: Connection, session_id: int, timings: Sequence[PartTiming]) -> None:
    """Update the given parts' timings; a part not stored yet is added at the end."""
    missing: list[PartTiming] = []
    for timing in timings:  # the usual case: the part is stored already, one UPDATE
        row = _timing_row(session_id, 0, timing)
        # SQLAlchemy reserves a column's own name for the SET clause of an UPDATE,
        # so the row's keys are matched under other names.
        row["match_session_id"] = row.pop("session_id")
        row["match_part_id"] = row.pop("part_id")
        del row["position"]
        updated = connection.execute(_UPDATE_TIMING, row)
        if updated.rowcount == 0:
            missing.append(timing)
    if not missing:
        return
    timings = missing
    next_position = connection.execute(
        select(func.coalesce(func.max(_timings.c.position) + 1, 0)).where(
            _timings.c.session_id == session_id
        )
    ).scalar_one()
    statement = sqlite_insert(_timings)
    statement = statement.on_conflict_do_update(
        index_elements=["session_id", "part_id"],
        set_={name: statement.excluded[name] for name in _TIMING_FIELDS},
    )
    for offset, timing in enumerate(timings):
        connection.execute(statement, _timing_row(session_id, next_position + offset, timing))


def _timing(row: Any) -> PartTiming:
    return PartTiming(
        part_id=row.part_id,
        planned_seconds=row.planned_seconds,
        extra_seconds=row.extra_seconds,
        elapsed_seconds=row.elapsed_seconds,
        running_since=row.running_since,
        started_at=row.started_at,
        finished_at=row.finished_at,
        skipped=row.skipped,
        removed_seconds=row.removed_seconds,
    )


def _load_script(model_json: str, session_id: int, where: str) -> Script:
    from pydantic import ValidationError

    from workshop_tui.storage.errors import StoreError

    try:
        return script_from_json(model_json)
    except ValidationError as error:
        raise StoreError(
            f"the script of session {session_id} in {where} cannot be read by this "
            "version of workshop-tui"
        ) from error
