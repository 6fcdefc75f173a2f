"""Two stores side by side for the offline-first tests: a laptop's file and a team store."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import select

from workshop_tui.app.living import lineage_for
from workshop_tui.export.markdown import render_agreement, render_markdown
from workshop_tui.locations import StoreLocation
from workshop_tui.storage.opener import open_store
from workshop_tui.storage.repository import SqlSessionStore
from workshop_tui.storage.sync.push import Stores
from workshop_tui.storage.sync.rows import RECORD_TABLES, SESSIONS
from workshop_tui.storage.sync.rows import read_session as read_rows


@contextmanager
def laptop_and_team(
    laptop_file: Path, team_url: str
) -> Iterator[tuple[SqlSessionStore, SqlSessionStore, Stores]]:
    with open_store(laptop_file) as laptop, open_store(StoreLocation(url=team_url)) as team:
        yield laptop, team, Stores(laptop.engine, team.engine, laptop.where, team.where)


def team_id(team: SqlSessionStore, laptop: SqlSessionStore, session_id: int) -> int:
    """The team store's id of the laptop's session ``session_id``."""
    with laptop.engine.connect() as connection:
        uid = connection.execute(
            select(SESSIONS.c.uid).where(SESSIONS.c.id == session_id)
        ).scalar_one()
    with team.engine.connect() as connection:
        return int(
            connection.execute(select(SESSIONS.c.id).where(SESSIONS.c.uid == uid)).scalar_one()
        )


def rows_of(store: SqlSessionStore, session_id: int) -> dict[str, Any]:
    """What a store holds of a session, without its own ids: comparable across stores."""
    with store.engine.connect() as connection:
        rows = read_rows(connection, session_id)
    records = {
        name: sorted(
            ({k: v for k, v in row.items() if k not in ("id", "session_id")} for row in found),
            key=lambda row: row["uid"],
        )
        for name, found in rows.records.items()
    }
    return {
        "uid": rows.uid,
        "fields": rows.fields,
        "renegotiates": rows.renegotiates,
        "script": rows.script,
        "participants": sorted(rows.participants, key=lambda p: p["position"]),
        "timings": sorted(
            ({k: v for k, v in t.items()} for t in rows.timings), key=lambda t: t["position"]
        ),
        "records": records,
    }


def exports_of(store: SqlSessionStore, session_id: int) -> tuple[str, str]:
    """The session's notes and agreement, as the export commands write them."""
    script, session = store.load_session(session_id)
    lineage = lineage_for(store, script, session)
    return render_markdown(script, session, lineage), render_agreement(script, session, lineage)


def record_counts(store: SqlSessionStore) -> dict[str, int]:
    with store.engine.connect() as connection:
        return {t.name: len(connection.execute(select(t.c.uid)).all()) for t in RECORD_TABLES}
