"""The schema's steps: a new file, an upgrade from version 1, and all-or-nothing steps."""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, inspect

from tests.unit.test_store_samples import T0, new_session, new_store, old_database, sample_records
from workshop_tui.domain.ports import StoreError
from workshop_tui.domain.records import Note
from workshop_tui.storage.database import make_engine, sqlite_url
from workshop_tui.storage.errors import DatabaseDamaged, storage_errors
from workshop_tui.storage.migrations import (
    APPLICATION_ID,
    SCHEMA_VERSION,
    STEPS,
    migrate,
)
from workshop_tui.storage.opener import open_store
from workshop_tui.storage.tables import ALL_TABLES

RECORD_TABLES = ("notes", "classifications", "promises", "signoffs", "decisions", "actions")
INDEXES = {f"ix_{t}_session_id_id" for t in RECORD_TABLES}


def marks(path: Path) -> tuple[int, int]:
    with sqlite3.connect(path) as connection:
        version = connection.execute("PRAGMA user_version").fetchone()[0]
        app = connection.execute("PRAGMA application_id").fetchone()[0]
    return version, app


def indexes(path: Path) -> set[str]:
    with sqlite3.connect(path) as connection:
        rows = connection.execute(
            "SELECT name FROM sqlite_master WHERE type = 'index' AND name LIKE 'ix_%'"
        ).fetchall()
    return {name for (name,) in rows}


def version_1(path: Path) -> Engine:
    """A database as version 1 of workshop-tui left it."""
    path.parent.mkdir(parents=True, exist_ok=True)
    engine = make_engine(sqlite_url(path))
    assert migrate(engine, target=1) == 1
    return engine


def schema(engine: Engine) -> dict[str, Any]:
    """Columns, keys, constraints and indexes of every table, as SQLite reports them."""
    inspector = inspect(engine)
    found: dict[str, Any] = {}
    for name in inspector.get_table_names():
        found[name] = {
            "columns": [
                (c["name"], str(c["type"]), c["nullable"]) for c in inspector.get_columns(name)
            ],
            "primary": inspector.get_pk_constraint(name)["constrained_columns"],
            "foreign": sorted(
                (tuple(fk["constrained_columns"]), fk["referred_table"], str(fk["options"]))
                for fk in inspector.get_foreign_keys(name)
            ),
            "unique": sorted(
                tuple(u["column_names"]) for u in inspector.get_unique_constraints(name)
            ),
            "indexes": sorted(
                (i["name"], tuple(i["column_names"]), bool(i["unique"]))
                for i in inspector.get_indexes(name)
            ),
        }
    return found


def test_the_steps_are_numbered_one_by_one() -> None:
    assert [step.version for step in STEPS] == list(range(1, len(STEPS) + 1))
    assert SCHEMA_VERSION == STEPS[-1].version == 3


def test_a_new_file_gets_the_newest_schema_and_is_marked_as_ours(tmp_path: Path) -> None:
    open_store(tmp_path / "new.db").close()
    assert marks(tmp_path / "new.db") == (SCHEMA_VERSION, APPLICATION_ID)
    assert indexes(tmp_path / "new.db") == {f"ix_{t}_session_id_id" for t in RECORD_TABLES}


def test_the_steps_build_what_the_tables_describe(tmp_path: Path) -> None:
    migrated = make_engine(sqlite_url(tmp_path / "migrated.db"))
    migrate(migrated)
    described = make_engine(sqlite_url(tmp_path / "described.db"))
    with described.begin() as connection:
        ALL_TABLES[0].metadata.create_all(connection, tables=list(ALL_TABLES))
    try:
        assert schema(migrated) == schema(described)
        assert set(schema(migrated)) == {table.name for table in ALL_TABLES}
    finally:
        migrated.dispose()
        described.dispose()


@pytest.mark.parametrize("version", [1, 2])
def test_an_older_database_is_upgraded_with_its_data(tmp_path: Path, version: int) -> None:
    path = tmp_path / "old.db"
    session_id = old_database(path, version)
    assert marks(path) == (version, APPLICATION_ID)
    assert indexes(path) == (set() if version == 1 else INDEXES)
    expected_store, _ = new_store(tmp_path / "expected")
    with expected_store:  # the same session, written by this version
        expected_id = new_session(expected_store)
        for record in sample_records():
            expected_store.add_record(expected_id, record)
        expected = expected_store.load_session(expected_id)

    with open_store(path) as store:
        script, snapshot = store.load_session(session_id)
        assert script == expected[0]
        assert replace(snapshot, last_seen_at=T0) == replace(expected[1], last_seen_at=T0)
        assert snapshot.record_count == len(sample_records())
        store.open_session(session_id, T0)  # and it takes writes again
        store.add_record(session_id, Note("welcome", T0, "after the upgrade"))
    assert marks(path) == (SCHEMA_VERSION, APPLICATION_ID)
    assert indexes(path) == INDEXES


def test_migrating_twice_changes_nothing(tmp_path: Path) -> None:
    engine = make_engine(sqlite_url(tmp_path / "a.db"))
    assert migrate(engine) == SCHEMA_VERSION
    assert migrate(engine) == SCHEMA_VERSION
    engine.dispose()
    assert marks(tmp_path / "a.db") == (SCHEMA_VERSION, APPLICATION_ID)


def test_a_failing_step_leaves_the_database_as_it_was(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    engine = version_1(path)
    with engine.begin() as connection:  # the last index of step 2 already exists
        connection.exec_driver_sql("CREATE INDEX ix_actions_session_id_id ON actions (id)")
    with pytest.raises(StoreError, match="already exists"), storage_errors(str(path)):
        migrate(engine)
    engine.dispose()
    assert marks(path) == (1, APPLICATION_ID)
    assert indexes(path) == {"ix_actions_session_id_id"}


def test_tables_are_never_created_in_another_programs_file(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    with sqlite3.connect(path) as other:
        other.execute("CREATE TABLE contacts (name TEXT)")
    other.close()
    engine = make_engine(sqlite_url(path))
    with pytest.raises(DatabaseDamaged):
        migrate(engine, where=str(path))
    with engine.connect() as connection:
        tables = connection.exec_driver_sql("SELECT name FROM sqlite_master").scalars().all()
    engine.dispose()
    assert tables == ["contacts"]
    assert marks(path) == (0, 0)
