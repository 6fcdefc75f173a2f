"""Customer notes are nobody else's: the data folder, the database and its side files."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from tests.unit.engine_fixtures import new_engine
from tests.unit.test_store_samples import new_session
from workshop_tui.locations import data_dir, database_path
from workshop_tui.storage import open_store

pytestmark = pytest.mark.skipif(os.name == "nt", reason="POSIX permissions")


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def companions(db: Path) -> list[Path]:
    return [db.with_name(f"{db.name}-wal"), db.with_name(f"{db.name}-shm")]


def test_a_new_database_and_its_folder_are_owner_only() -> None:
    db = database_path()
    store = open_store(db)  # the default: in the data folder
    new_session(store)  # the write-ahead log and its index exist while the store is open
    try:
        assert mode(data_dir()) == 0o700
        assert mode(db) == 0o600
        for side in companions(db):
            assert side.exists() and mode(side) == 0o600, side.name
    finally:
        store.close()


def test_the_app_s_own_data_folder_is_created_owner_only_through_the_cli(tmp_path: Path) -> None:
    """``workshop sessions`` creates nothing; starting a session does, owner-only."""
    result = subprocess.run(
        [sys.executable, "-m", "workshop_tui", "sessions"],
        capture_output=True,
        text=True,
        env=os.environ.copy(),
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert not data_dir().exists()
    open_store(database_path()).close()
    assert mode(data_dir()) == 0o700
    assert mode(database_path()) == 0o600


def test_a_database_an_older_version_left_open_is_tightened(tmp_path: Path) -> None:
    store = open_store(tmp_path / "engine.db")
    new_engine(tmp_path, store=store)
    store.close()
    db = tmp_path / "engine.db"
    db.chmod(0o644)
    with open_store(db) as store:
        assert mode(db) == 0o600
        store.list_sessions()
        for side in companions(db):
            if side.exists():
                assert mode(side) == 0o600


def test_a_folder_the_user_chose_is_left_as_it_is(tmp_path: Path) -> None:
    chosen = tmp_path / "shared"
    chosen.mkdir()
    chosen.chmod(0o755)
    open_store(chosen / "team.db").close()
    assert mode(chosen) == 0o755
    assert mode(chosen / "team.db") == 0o600
    nested = tmp_path / "new" / "deeper" / "team.db"
    open_store(nested).close()  # folders workshop-tui had to create are its own: owner-only
    assert mode(nested.parent) == mode(nested.parent.parent) == 0o700


def test_an_existing_data_folder_left_open_is_tightened() -> None:
    data_dir().mkdir(parents=True)
    data_dir().chmod(0o755)
    open_store(database_path()).close()
    assert mode(data_dir()) == 0o700


def test_reading_a_database_left_open_is_enough_to_tighten_it() -> None:
    """`workshop sessions` or `export` on an older version's open files: owner-only after."""
    open_store(database_path()).close()
    data_dir().chmod(0o755)
    database_path().chmod(0o644)
    result = subprocess.run(
        [sys.executable, "-m", "workshop_tui", "sessions"],
        capture_output=True,
        text=True,
        env=os.environ.copy(),
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert (mode(data_dir()), mode(database_path())) == (0o700, 0o600)
    with open_store(database_path(), readonly=True) as reader:
        reader.list_sessions()
        for side in companions(database_path()):
            if side.exists():
                assert mode(side) == 0o600, side.name
