"""The schema's first six steps, as the releases before Alembic ran them on SQLite files.

Frozen: they bring a file made by any of those releases (``PRAGMA user_version`` 1 to 5)
to schema 6, the baseline where the Alembic revisions (``versions/``) take over. Tests
also build the files of those releases with them.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sqlalchemy import Connection

APPLICATION_ID = int.from_bytes(b"WKSH", "big")
"""Marks a SQLite file as a workshop-tui database (``PRAGMA application_id``)."""

_RECORD_TABLES = ("notes", "classifications", "promises", "signoffs", "decisions", "actions")

_VERSION_1 = (
    """CREATE TABLE scripts (
        id INTEGER NOT NULL, script_id VARCHAR NOT NULL, title VARCHAR NOT NULL,
        content_hash VARCHAR NOT NULL, source VARCHAR NOT NULL, model_json VARCHAR NOT NULL,
        PRIMARY KEY (id), UNIQUE (content_hash))""",
    """CREATE TABLE sessions (
        id INTEGER NOT NULL, script_row_id INTEGER NOT NULL, customer VARCHAR NOT NULL,
        facilitator VARCHAR NOT NULL, state VARCHAR NOT NULL, current_part INTEGER NOT NULL,
        created_at VARCHAR(32) NOT NULL, started_at VARCHAR(32), finished_at VARCHAR(32),
        last_seen_at VARCHAR(32) NOT NULL, materials_checked JSON NOT NULL,
        PRIMARY KEY (id), FOREIGN KEY(script_row_id) REFERENCES scripts (id))""",
    """CREATE TABLE participants (
        id INTEGER NOT NULL, session_id INTEGER NOT NULL, position INTEGER NOT NULL,
        name VARCHAR NOT NULL, role VARCHAR NOT NULL,
        PRIMARY KEY (id), UNIQUE (session_id, position),
        FOREIGN KEY(session_id) REFERENCES sessions (id) ON DELETE CASCADE)""",
    """CREATE TABLE part_timings (
        id INTEGER NOT NULL, session_id INTEGER NOT NULL, position INTEGER NOT NULL,
        part_id VARCHAR NOT NULL, planned_seconds INTEGER NOT NULL,
        extra_seconds INTEGER NOT NULL, elapsed_seconds FLOAT NOT NULL,
        running_since VARCHAR(32), started_at VARCHAR(32), finished_at VARCHAR(32),
        skipped BOOLEAN NOT NULL,
        PRIMARY KEY (id), UNIQUE (session_id, position), UNIQUE (session_id, part_id),
        FOREIGN KEY(session_id) REFERENCES sessions (id) ON DELETE CASCADE)""",
    """CREATE TABLE notes (
        id INTEGER NOT NULL, session_id INTEGER NOT NULL, part_id VARCHAR NOT NULL,
        at VARCHAR(32) NOT NULL, text VARCHAR NOT NULL,
        PRIMARY KEY (id), FOREIGN KEY(session_id) REFERENCES sessions (id) ON DELETE CASCADE)""",
    """CREATE TABLE classifications (
        id INTEGER NOT NULL, session_id INTEGER NOT NULL, part_id VARCHAR NOT NULL,
        at VARCHAR(32) NOT NULL, "key" VARCHAR NOT NULL, item VARCHAR NOT NULL,
        domain VARCHAR NOT NULL, rationale VARCHAR NOT NULL,
        PRIMARY KEY (id), FOREIGN KEY(session_id) REFERENCES sessions (id) ON DELETE CASCADE)""",
    """CREATE TABLE promises (
        id INTEGER NOT NULL, session_id INTEGER NOT NULL, part_id VARCHAR NOT NULL,
        at VARCHAR(32) NOT NULL, "key" VARCHAR NOT NULL, party VARCHAR NOT NULL,
        text VARCHAR NOT NULL, status VARCHAR NOT NULL, owner VARCHAR NOT NULL,
        note VARCHAR NOT NULL,
        PRIMARY KEY (id), FOREIGN KEY(session_id) REFERENCES sessions (id) ON DELETE CASCADE)""",
    """CREATE TABLE signoffs (
        id INTEGER NOT NULL, session_id INTEGER NOT NULL, part_id VARCHAR NOT NULL,
        at VARCHAR(32) NOT NULL, section_id VARCHAR NOT NULL, section_title VARCHAR NOT NULL,
        person VARCHAR NOT NULL, role VARCHAR NOT NULL, initials VARCHAR NOT NULL,
        PRIMARY KEY (id), FOREIGN KEY(session_id) REFERENCES sessions (id) ON DELETE CASCADE)""",
    """CREATE TABLE decisions (
        id INTEGER NOT NULL, session_id INTEGER NOT NULL, part_id VARCHAR NOT NULL,
        at VARCHAR(32) NOT NULL, "key" VARCHAR NOT NULL, question VARCHAR NOT NULL,
        method VARCHAR NOT NULL, outcome VARCHAR NOT NULL, agreed BOOLEAN,
        votes JSON NOT NULL, rounds JSON NOT NULL, objections JSON NOT NULL,
        PRIMARY KEY (id), FOREIGN KEY(session_id) REFERENCES sessions (id) ON DELETE CASCADE)""",
    """CREATE TABLE actions (
        id INTEGER NOT NULL, session_id INTEGER NOT NULL, part_id VARCHAR NOT NULL,
        at VARCHAR(32) NOT NULL, "key" VARCHAR NOT NULL, text VARCHAR NOT NULL,
        owner VARCHAR NOT NULL, due DATE, done BOOLEAN NOT NULL,
        PRIMARY KEY (id), FOREIGN KEY(session_id) REFERENCES sessions (id) ON DELETE CASCADE)""",
    f"PRAGMA application_id = {APPLICATION_ID}",
)

_VERSION_2 = tuple(
    f"CREATE INDEX ix_{name}_session_id_id ON {name} (session_id, id)" for name in _RECORD_TABLES
)

_VERSION_3 = (
    "ALTER TABLE sessions ADD COLUMN revision INTEGER NOT NULL DEFAULT 0",
    """CREATE TABLE session_locks (
        session_id INTEGER NOT NULL, holder VARCHAR NOT NULL, pid INTEGER NOT NULL,
        host VARCHAR NOT NULL, since VARCHAR(32) NOT NULL,
        PRIMARY KEY (session_id),
        FOREIGN KEY(session_id) REFERENCES sessions (id) ON DELETE CASCADE)""",
)


_VERSION_4 = (
    # Time taken away is kept apart from the net change; a net cut was at least that much.
    "ALTER TABLE part_timings ADD COLUMN removed_seconds INTEGER NOT NULL DEFAULT 0",
    "UPDATE part_timings SET removed_seconds = -extra_seconds WHERE extra_seconds < 0",
    # Notes are corrected by revisions: each existing note is a thread of its own.
    """ALTER TABLE notes ADD COLUMN "key" VARCHAR NOT NULL DEFAULT ''""",
    """UPDATE notes SET "key" = 'note-' || id""",
    "ALTER TABLE notes ADD COLUMN retracted BOOLEAN NOT NULL DEFAULT 0",
    "ALTER TABLE notes ADD COLUMN reason VARCHAR NOT NULL DEFAULT ''",
    "ALTER TABLE promises ADD COLUMN reason VARCHAR NOT NULL DEFAULT ''",
    # Initials are bound to the wording initialled; filled in below for existing ones.
    "ALTER TABLE signoffs ADD COLUMN wording VARCHAR NOT NULL DEFAULT ''",
    "ALTER TABLE signoffs ADD COLUMN kind VARCHAR NOT NULL DEFAULT 'initialled'",
    "ALTER TABLE signoffs ADD COLUMN reason VARCHAR NOT NULL DEFAULT ''",
    "ALTER TABLE decisions ADD COLUMN advised VARCHAR NOT NULL DEFAULT ''",
    "ALTER TABLE actions ADD COLUMN reason VARCHAR NOT NULL DEFAULT ''",
    """CREATE TABLE session_events (
        id INTEGER NOT NULL, session_id INTEGER NOT NULL, part_id VARCHAR NOT NULL,
        at VARCHAR(32) NOT NULL, kind VARCHAR NOT NULL, reason VARCHAR NOT NULL,
        review_on DATE, reopened_finish VARCHAR(32),
        PRIMARY KEY (id), FOREIGN KEY(session_id) REFERENCES sessions (id) ON DELETE CASCADE)""",
    "CREATE INDEX ix_session_events_session_id_id ON session_events (session_id, id)",
)

_VERSION_5 = (
    # A renegotiation links its session to the one whose agreement it renegotiates.
    "ALTER TABLE sessions ADD COLUMN renegotiates INTEGER REFERENCES sessions (id)",
    # What a renegotiation carried over says where it came from.
    "ALTER TABLE classifications ADD COLUMN carried_from INTEGER",
    "ALTER TABLE promises ADD COLUMN carried_from INTEGER",
    "ALTER TABLE decisions ADD COLUMN carried_from INTEGER",
    "ALTER TABLE actions ADD COLUMN dropped BOOLEAN NOT NULL DEFAULT 0",
    "ALTER TABLE actions ADD COLUMN carried_from INTEGER",
    # Re-attaching a session to another customer is recorded with both names.
    "ALTER TABLE session_events ADD COLUMN customer VARCHAR NOT NULL DEFAULT ''",
    "ALTER TABLE session_events ADD COLUMN customer_was VARCHAR NOT NULL DEFAULT ''",
)


_VERSION_6 = (
    # Two screens: room views say they follow (a heartbeat), the console can blank them.
    """CREATE TABLE room_views (
        token VARCHAR NOT NULL, following INTEGER, pid INTEGER NOT NULL, host VARCHAR NOT NULL,
        seen_at VARCHAR(32) NOT NULL,
        PRIMARY KEY (token))""",
    """CREATE TABLE room_blanks (
        session_id INTEGER NOT NULL, blanked BOOLEAN NOT NULL, at VARCHAR(32) NOT NULL,
        PRIMARY KEY (session_id),
        FOREIGN KEY(session_id) REFERENCES sessions (id) ON DELETE CASCADE)""",
)


def _run(statements: tuple[str, ...]) -> Callable[[Connection], None]:
    def apply(connection: Connection) -> None:
        for statement in statements:
            connection.exec_driver_sql(statement)

    return apply


def _step_4(connection: Connection) -> None:
    """Schema 4, and the wording of every initial given before it.

    Before schema 4 a section read exactly its fixed ``text`` (nothing could be
    presented), so that text, from the copy of the script each session ran, is
    what was initialled.
    """
    _run(_VERSION_4)(connection)
    rows = connection.exec_driver_sql(
        "SELECT signoffs.id, signoffs.part_id, signoffs.section_id, scripts.model_json "
        "FROM signoffs JOIN sessions ON sessions.id = signoffs.session_id "
        "JOIN scripts ON scripts.id = sessions.script_row_id"
    ).all()
    texts: dict[str, dict[tuple[str, str], str]] = {}
    updates: list[tuple[str, int]] = []
    for row_id, part_id, section_id, model_json in rows:
        if model_json not in texts:
            texts[model_json] = _section_texts(model_json)
        text = texts[model_json].get((part_id, section_id))
        if text:
            updates.append((text, row_id))
    if updates:
        connection.exec_driver_sql("UPDATE signoffs SET wording = ? WHERE id = ?", updates)


def _section_texts(model_json: str) -> dict[tuple[str, str], str]:
    """``(part id, section id)`` to the section's text, read from a stored script's JSON."""
    try:
        parts = json.loads(model_json).get("parts", [])
    except (ValueError, AttributeError):
        return {}
    found: dict[tuple[str, str], str] = {}
    for part in parts:
        activity = part.get("activity") or {}
        for section in activity.get("sections") or []:
            found[(part.get("id", ""), section.get("id", ""))] = section.get("text", "")
    return found


@dataclass(frozen=True, slots=True)
class Step:
    """One released change of the schema."""

    version: int
    summary: str
    apply: Callable[[Connection], None]


STEPS: tuple[Step, ...] = (
    Step(1, "create the tables", _run(_VERSION_1)),
    Step(2, "index each record table by (session_id, id)", _run(_VERSION_2)),
    Step(
        3, "one writer per session: a revision on each session and a lock table", _run(_VERSION_3)
    ),
    Step(4, "reasons, corrections, initials bound to their wording, time taken away", _step_4),
    Step(
        5,
        "living agreements: renegotiation links, carried records, dropped actions, "
        "customers re-attached",
        _run(_VERSION_5),
    ),
    Step(6, "two screens: room views' heartbeats and the console's blanking", _run(_VERSION_6)),
)
