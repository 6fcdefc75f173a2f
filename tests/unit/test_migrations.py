"""The schema's steps: a new file, upgrades from versions 1 and 2, and all-or-nothing steps."""

from __future__ import annotations

import sqlite3
from dataclasses import fields
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, inspect

from tests.unit.old_schema import old_database
from tests.unit.test_store_samples import T0, new_session, new_store, sample_records
from tests.unit.test_store_samples import old_database as sample_database
from workshop_tui.domain.kinds import InitialKind, PromiseStatus
from workshop_tui.domain.ports import StoreError
from workshop_tui.domain.records import Note
from workshop_tui.storage import migrations
from workshop_tui.storage.database import make_engine, sqlite_url
from workshop_tui.storage.errors import DatabaseDamaged, storage_errors
from workshop_tui.storage.migrations import APPLICATION_ID, BASELINE, SCHEMA_VERSION, migrate
from workshop_tui.storage.migrations.legacy import STEPS
from workshop_tui.storage.opener import open_store
from workshop_tui.storage.record_rows import KIND_OF, KINDS
from workshop_tui.storage.tables import ALL_TABLES

RECORD_TABLES = ("notes", "classifications", "promises", "signoffs", "decisions", "actions")
OLD_INDEXES = {f"ix_{t}_session_id_id" for t in RECORD_TABLES}
INDEXED = {f"ix_{t}_session_id_id" for t in (*RECORD_TABLES, "session_events")}


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


def schema(engine: Engine, *, defaults: bool = False) -> dict[str, Any]:
    """Columns, keys, constraints and indexes of every table, as SQLite reports them
    (with ``defaults``, each column's default too)."""
    inspector = inspect(engine)
    found: dict[str, Any] = {}
    for name in inspector.get_table_names():
        if name == "alembic_version":  # Alembic's own, checked by the tests of revisions
            continue
        found[name] = {
            "columns": sorted(  # in any order: a later revision adds its columns at the end
                (c["name"], str(c["type"]), c["nullable"], c["default"] if defaults else None)
                for c in inspector.get_columns(name)
            ),
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
    assert STEPS[-1].version == BASELINE == 6


def test_the_newest_revision_is_the_schema_this_version_reads() -> None:
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    config = Config()
    config.set_main_option("script_location", str(migrations.HERE))
    scripts = ScriptDirectory.from_config(config)
    assert scripts.get_heads() == [migrations.revision_id(SCHEMA_VERSION)]
    ids = [script.revision for script in scripts.walk_revisions()]
    assert sorted(ids) == [migrations.revision_id(n) for n in range(BASELINE, SCHEMA_VERSION + 1)]


def test_the_baseline_builds_what_the_legacy_steps_built(tmp_path: Path) -> None:
    legacy = make_engine(sqlite_url(tmp_path / "legacy.db"))
    with legacy.begin() as connection:
        for step in STEPS:
            step.apply(connection)
    baseline = make_engine(sqlite_url(tmp_path / "baseline.db"))
    assert migrate(baseline, target=BASELINE) == BASELINE
    try:
        assert schema(baseline, defaults=True) == schema(legacy, defaults=True)
    finally:
        legacy.dispose()
        baseline.dispose()


def test_a_new_file_gets_the_newest_schema_and_is_marked_as_ours(tmp_path: Path) -> None:
    open_store(tmp_path / "new.db").close()
    assert marks(tmp_path / "new.db") == (SCHEMA_VERSION, APPLICATION_ID)
    assert indexes(tmp_path / "new.db") == INDEXED


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


def old_columns(path: Path) -> dict[str, set[str]]:
    """The columns of each record table the file has."""
    with sqlite3.connect(path) as connection:
        tables = [name for (name,) in connection.execute("SELECT name FROM sqlite_master")]
        found = {
            name: {row[1] for row in connection.execute(f"PRAGMA table_info({name})")}
            for name in tables
            if name in (*RECORD_TABLES, "session_events")
        }
    connection.close()
    return found


def as_held(snapshot: Any, held: dict[str, set[str]]) -> dict[str, Any]:
    """The snapshot's records reduced to the fields an older schema held."""
    reduced: dict[str, Any] = {"setup": snapshot.setup, "state": snapshot.state}
    for kind in KINDS:
        columns = held.get(kind.table.name, set())
        reduced[kind.snapshot_field] = [
            {name: value for name, value in vars_of(record).items() if name in columns}
            for record in getattr(snapshot, kind.snapshot_field)
        ]
    return reduced


def vars_of(record: Any) -> dict[str, Any]:
    return {field.name: getattr(record, field.name) for field in fields(record)}


@pytest.mark.parametrize("version", [1, 2])
def test_an_older_database_is_upgraded_with_its_data(tmp_path: Path, version: int) -> None:
    path = tmp_path / "old.db"
    session_id = sample_database(path, version)
    assert marks(path) == (version, APPLICATION_ID)
    assert indexes(path) == (set() if version == 1 else OLD_INDEXES)
    held = old_columns(path)
    kept = [record for record in sample_records() if KIND_OF[type(record)].table.name in held]
    expected_store, _ = new_store(tmp_path / "expected")
    with expected_store:  # the same session, written by this version
        expected_id = new_session(expected_store)
        for record in kept:
            expected_store.add_record(expected_id, record)
        expected = expected_store.load_session(expected_id)

    with open_store(path) as store:
        script, snapshot = store.load_session(session_id)
        assert script == expected[0]
        # every value the old schema held is kept (what the upgrade fills in is tested below)
        assert as_held(snapshot, held) == as_held(expected[1], held)
        assert snapshot.record_count == len(kept)
        store.open_session(session_id, T0)  # and it takes writes again
        store.add_record(session_id, Note("welcome", T0, "after the upgrade"))
    assert marks(path) == (SCHEMA_VERSION, APPLICATION_ID)
    assert indexes(path) == INDEXED


@pytest.mark.parametrize("version", [1, 2])
def test_an_older_database_is_upgraded_with_sensible_values(tmp_path: Path, version: int) -> None:
    path = tmp_path / "old.db"
    engine, session_id = old_database(path, version)
    engine.dispose()
    assert marks(path) == (version, APPLICATION_ID)

    with open_store(path) as store:
        script, session = store.load_session(session_id)
    assert marks(path) == (SCHEMA_VERSION, APPLICATION_ID)
    assert indexes(path) == INDEXED
    # Nothing was lost, and every new field has a value that tells the truth.
    assert session.setup.customer == "Acme" and session.finished_at is not None
    assert [(n.text, n.key, n.retracted, n.reason) for n in session.notes] == [
        ("first", "note-1", False, ""),
        ("second", "note-2", False, ""),
    ]
    assert [(t.extra_seconds, t.removed_seconds) for t in session.timings[:3]] == [
        (120, 0),
        (-300, 300),  # a net cut was at least that much taken away
        (0, 0),
    ]
    assert session.timings[1].allowed_seconds == script.parts[1].duration - 300
    (promise,) = session.promises
    assert (promise.status, promise.note, promise.reason) == (PromiseStatus.DECLINED, "Not now", "")
    (initial,) = session.signoffs
    assert (initial.kind, initial.reason) == (InitialKind.INITIALLED, "")
    assert initial.wording == "What we do", "the section read exactly its text before schema 4"
    (decision,) = session.decisions
    assert (decision.outcome, decision.advised) == ("Overruled: Fixed scope", "")
    (action,) = session.actions
    assert (action.text, action.reason) == ("Send notes", "")
    assert session.events == []


def test_an_upgraded_initial_still_counts_for_its_section(tmp_path: Path) -> None:
    from workshop_tui.domain.rules.signoff_state import part_progress

    engine, session_id = old_database(tmp_path / "old.db", 2)
    engine.dispose()
    with open_store(tmp_path / "old.db") as store:
        script, session = store.load_session(session_id)
    sign = script.parts[script.part_index("sign")]
    (scope,) = part_progress(script, session, sign)
    assert scope.complete, "the upgrade binds the old initial to the wording it was given for"


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
