"""Databases as older versions of workshop-tui left them, written with those versions' SQL.

The repository of today writes today's schema only, so an older file is made
here row by row, with the columns that schema had and nothing more.
"""

from __future__ import annotations

import json
from pathlib import Path

from sqlalchemy import Engine

from tests.unit.test_store_samples import sample_script
from workshop_tui.storage.database import make_engine, sqlite_url
from workshop_tui.storage.migrations import migrate
from workshop_tui.storage.script_codec import script_to_json

START = "2026-11-21T09:00:00.000000+00:00"


def at(minute: int) -> str:
    """The stored text of 09:MM on the sample day, as schema 1 wrote times."""
    return f"2026-11-21T09:{minute:02d}:00.000000+00:00"


def old_script_json() -> str:
    """The sample script as schema 2 stored it: sections had a text and nothing presented."""
    data = json.loads(script_to_json(sample_script()))
    for part in data["parts"]:
        for section in part["activity"].get("sections", []):
            section.pop("presents", None)
    return json.dumps(data)


def old_database(path: Path, version: int) -> tuple[Engine, int]:
    """A file at schema ``version`` (1 or 2) holding one session with a record of each kind."""
    path.parent.mkdir(parents=True, exist_ok=True)
    engine = make_engine(sqlite_url(path))
    assert migrate(engine, target=version) == version
    script = sample_script()
    with engine.begin() as connection:
        run = connection.exec_driver_sql
        run(
            "INSERT INTO scripts (script_id, title, content_hash, source, model_json) "
            "VALUES (?, ?, ?, ?, ?)",
            (script.id, script.title, "hash", "id: storage-test\n", old_script_json()),
        )
        run(
            "INSERT INTO sessions (script_row_id, customer, facilitator, state, current_part, "
            "created_at, started_at, finished_at, last_seen_at, materials_checked) "
            "VALUES (1, 'Acme', 'Kim', 'finished', 1, ?, ?, ?, ?, '[]')",
            (START, START, at(50), at(50)),
        )
        run(
            "INSERT INTO participants (session_id, position, name, role) "
            "VALUES (1, 0, 'Ana', 'Lead'), (1, 1, 'Bo', 'Sponsor')"
        )
        for position, part in enumerate(script.parts):
            extra = {0: 120, 1: -300}.get(position, 0)
            run(
                "INSERT INTO part_timings (session_id, position, part_id, planned_seconds, "
                "extra_seconds, elapsed_seconds, running_since, started_at, finished_at, skipped) "
                "VALUES (1, ?, ?, ?, ?, ?, NULL, NULL, NULL, 0)",
                (position, part.id, part.duration, extra, 60.0 * position),
            )
        for minute, text in ((1, "first"), (2, "second")):
            run(
                "INSERT INTO notes (session_id, part_id, at, text) VALUES (1, 'welcome', ?, ?)",
                (at(minute), text),
            )
        run(
            'INSERT INTO classifications (session_id, part_id, at, "key", item, domain, rationale) '
            "VALUES (1, 'classify', ?, 'c1', 'Hiring', 'complex', '')",
            (at(3),),
        )
        run(
            'INSERT INTO promises (session_id, part_id, at, "key", party, text, status, owner, '
            "note) VALUES (1, 'promises', ?, 'p1', 'Lab', 'Share data', 'declined', '', 'Not now')",
            (at(4),),
        )
        run(
            "INSERT INTO signoffs (session_id, part_id, at, section_id, section_title, person, "
            "role, initials) VALUES (1, 'sign', ?, 'scope', 'Scope', 'Ana', 'Lead', 'A')",
            (at(5),),
        )
        run(
            'INSERT INTO decisions (session_id, part_id, at, "key", question, method, outcome, '
            "agreed, votes, rounds, objections) VALUES (1, 'decide', ?, 'd1', 'Go?', "
            "'facilitator', 'Overruled: Fixed scope', 1, '{}', '[]', '[]')",
            (at(6),),
        )
        run(
            'INSERT INTO actions (session_id, part_id, at, "key", text, owner, due, done) '
            "VALUES (1, 'follow-up', ?, 'a1', 'Send notes', 'Bo', '2026-12-01', 0)",
            (at(7),),
        )
    return engine, 1
