"""How every connection to the database is set up."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import text

from workshop_tui.storage.database import BUSY_TIMEOUT_MS, make_engine, sqlite_url


def pragmas(url: str) -> dict[str, object]:
    engine = make_engine(url)
    try:
        with engine.connect() as connection:
            return {
                name: connection.exec_driver_sql(f"PRAGMA {name}").scalar_one()
                for name in ("journal_mode", "synchronous", "foreign_keys", "busy_timeout")
            }
    finally:
        engine.dispose()


def test_connections_are_durable_and_lock_aware(tmp_path: Path) -> None:
    assert pragmas(sqlite_url(tmp_path / "a.db")) == {
        "journal_mode": "wal",
        "synchronous": 2,  # FULL
        "foreign_keys": 1,
        "busy_timeout": BUSY_TIMEOUT_MS,
    }
    assert 1000 <= BUSY_TIMEOUT_MS <= 2000


def test_ddl_is_transactional(tmp_path: Path) -> None:
    engine = make_engine(sqlite_url(tmp_path / "a.db"))
    with pytest.raises(RuntimeError), engine.begin() as connection:
        connection.execute(text("CREATE TABLE t (x)"))
        raise RuntimeError("roll back")
    with engine.connect() as connection:
        tables = connection.execute(text("SELECT name FROM sqlite_master")).scalars().all()
    engine.dispose()
    assert tables == []


def test_a_read_only_url_cannot_write(tmp_path: Path) -> None:
    path = tmp_path / "a.db"
    writer = make_engine(sqlite_url(path))
    with writer.begin() as connection:
        connection.execute(text("CREATE TABLE t (x)"))
    writer.dispose()
    reader = make_engine(sqlite_url(path, readonly=True))
    with pytest.raises(Exception, match="readonly"), reader.begin() as connection:
        connection.execute(text("INSERT INTO t VALUES (1)"))
    reader.dispose()


def test_the_url_names_the_file_whatever_its_characters(tmp_path: Path) -> None:
    folder = tmp_path / "a b?c#d%e ü"
    folder.mkdir()
    engine = make_engine(sqlite_url(folder / "x?.db"))
    with engine.begin() as connection:
        connection.execute(text("CREATE TABLE t (x)"))
    engine.dispose()
    assert sorted(p.name for p in folder.iterdir() if p.suffix == ".db") == ["x?.db"]
