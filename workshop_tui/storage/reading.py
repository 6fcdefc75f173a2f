"""Reading sessions back: table rows to domain objects, checked before they are trusted.

Every function takes the connection of a transaction the caller holds (a read,
or the write that opens a session for writing), so what it returns is one
consistent moment of the file. Rows become domain objects straight from Core:
ORM objects cost too much at 10k records. A value this version cannot read is
refused with one sentence (``SessionUnreadable``), never a traceback.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from pydantic import ValidationError
from sqlalchemy import func, or_, select

from workshop_tui.domain.kinds import EventKind, SessionState, Side
from workshop_tui.domain.records import Participant
from workshop_tui.domain.snapshot import PartTiming, SessionSetup, SessionSnapshot, SessionSummary
from workshop_tui.domain.undoing import taken_back
from workshop_tui.storage import integrity
from workshop_tui.storage.errors import unknown_session, unreadable
from workshop_tui.storage.record_rows import KINDS, text
from workshop_tui.storage.script_codec import script_from_json
from workshop_tui.storage.tables import (
    ParticipantRow,
    PartTimingRow,
    ScriptRow,
    SessionEventRow,
    SessionRow,
    table,
)

if TYPE_CHECKING:
    from sqlalchemy import Connection

    from workshop_tui.content.model import Script

_scripts = table(ScriptRow)
_sessions = table(SessionRow)
_participants = table(ParticipantRow)
_timings = table(PartTimingRow)
_events = table(SessionEventRow)

_CONVERSION_ERRORS = (ValueError, TypeError, KeyError, IndexError, AttributeError)
"""What a value the checks missed would raise while being converted."""


def read_session(
    connection: Connection, session_id: int, where: str
) -> tuple[Script, SessionSnapshot]:
    """The script as it was run and every record revision of one session, in insertion order.

    A SQLite file is checked first (it stores whatever it is given in any column); a team
    store's server keeps each column's type itself.
    """
    in_file = connection.dialect.name == "sqlite"
    if in_file:
        integrity.check_session(connection, session_id, where)
    try:
        return _read_session(connection, session_id, where)
    except _CONVERSION_ERRORS as error:
        if in_file:
            integrity.name_bad_record(connection, session_id, where)  # raises, naming the value
        raise unreadable(  # what the checks cannot name is still one sentence
            where, f"session {session_id} holds something this version cannot read"
        ) from error


def _read_session(
    connection: Connection, session_id: int, where: str
) -> tuple[Script, SessionSnapshot]:
    head = connection.execute(
        select(_sessions, _scripts.c.script_id, _scripts.c.title, _scripts.c.model_json)
        .join(_scripts, _scripts.c.id == _sessions.c.script_row_id)
        .where(_sessions.c.id == session_id)
    ).one_or_none()
    if head is None:
        raise unknown_session(session_id, where)
    participants = connection.execute(
        select(_participants)
        .where(_participants.c.session_id == session_id)
        .order_by(_participants.c.position)
    ).all()
    timings = connection.execute(
        select(_timings).where(_timings.c.session_id == session_id).order_by(_timings.c.position)
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
    records["taken_back"] = taken_back(records)
    script = load_script(head.model_json, session_id, where)
    if [row.part_id for row in timings] != [part.id for part in script.parts]:
        raise unreadable(where, f"the parts of session {session_id} do not match its script")
    snapshot = SessionSnapshot(
        id=head.id,
        script_id=head.script_id,
        script_title=head.title,
        setup=SessionSetup(
            customer=head.customer,
            facilitator=head.facilitator,
            participants=tuple(_participant(row) for row in participants),
            materials_checked=tuple(text(item) for item in head.materials_checked),
            supplier=head.supplier,
        ),
        state=SessionState(head.state),
        current_part=head.current_part,
        created_at=head.created_at,
        last_seen_at=head.last_seen_at,
        started_at=head.started_at,
        finished_at=head.finished_at,
        timings=[timing_of(row) for row in timings],
        renegotiates=head.renegotiates,
        **records,
    )
    return script, snapshot


def latest_unfinished(connection: Connection) -> int | None:
    """The id of the most recently seen session that has not finished."""
    found = connection.execute(
        select(_sessions.c.id)
        .where(_sessions.c.state != SessionState.FINISHED.value)
        .order_by(_sessions.c.last_seen_at.desc(), _sessions.c.id.desc())
        .limit(1)
    ).scalar_one_or_none()
    return None if found is None else int(found)


def list_sessions(connection: Connection, where: str) -> list[SessionSummary]:
    """Every session, newest first, with how many of its parts are done."""
    done = (
        select(func.count())
        .where(
            _timings.c.session_id == _sessions.c.id,
            or_(_timings.c.finished_at.is_not(None), _timings.c.skipped),
        )
        .scalar_subquery()
    )
    total = select(func.count()).where(_timings.c.session_id == _sessions.c.id).scalar_subquery()
    review = (
        select(_events.c.review_on)
        .where(
            _events.c.session_id == _sessions.c.id,
            _events.c.kind == EventKind.REVIEW_DATE.value,
        )
        .order_by(_events.c.id.desc())
        .limit(1)
        .scalar_subquery()
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
            _sessions.c.renegotiates,
            review.label("review_on"),
            _sessions.c.started_at,
            _sessions.c.finished_at,
            _sessions.c.facilitator,
        )
        .join(_scripts, _scripts.c.id == _sessions.c.script_row_id)
        .order_by(_sessions.c.created_at.desc(), _sessions.c.id.desc())
    )
    try:
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
                renegotiates=row.renegotiates,
                review_on=_date(row.review_on),
                started_at=row.started_at,
                finished_at=row.finished_at,
                facilitator=row.facilitator,
            )
            for row in connection.execute(query)
        ]
    except _CONVERSION_ERRORS as error:  # changed since the file was opened and checked
        raise unreadable(where, "a session holds something this version cannot read") from error


def script_source(connection: Connection, session_id: int, where: str) -> str:
    """The text of the script as it was run with the session (YAML or Markdown)."""
    source = connection.execute(
        select(_scripts.c.source)
        .join(_sessions, _scripts.c.id == _sessions.c.script_row_id)
        .where(_sessions.c.id == session_id)
    ).scalar_one_or_none()
    if source is None:
        raise unknown_session(session_id, where)
    return text(source)


def _date(value: object) -> date | None:
    """A review date as a labelled subquery returns it: SQLite's text, or a date already."""
    if value is None or isinstance(value, date):
        return value
    return date.fromisoformat(text(value))


def _participant(row: Any) -> Participant:
    return Participant(
        name=row.name,
        role=row.role,
        side=Side(row.side),
        delegate_for=row.delegate_for,
        joined_at=row.joined_at,
        left_at=row.left_at,
    )


def timing_of(row: Any) -> PartTiming:
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


def load_script(model_json: str, session_id: int, where: str) -> Script:

    try:
        return script_from_json(model_json)
    except ValidationError as error:
        raise unreadable(
            where, f"the script of session {session_id} is not one this version can run"
        ) from error
