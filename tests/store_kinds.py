"""What a test needs to run the same on a SQLite file and on a team store (PostgreSQL).

The ``store_location`` fixture (tests/postgres.py) gives a store of each kind; these helpers
name it on a command line and look at its rows directly, with plain SQL through SQLAlchemy
(no workshop-tui code in between), as a test of a file did with ``sqlite3``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, text
from sqlalchemy.pool import NullPool

from workshop_tui.locations import StoreLocation
from workshop_tui.storage.database import server_url, sqlite_url


def location_of(where: Path | StoreLocation, name: str) -> StoreLocation:
    """``where`` if it is a store already; else the file ``name`` in the folder ``where``."""
    if isinstance(where, StoreLocation):
        return where
    return StoreLocation(path=where / name)


def db_argument(location: StoreLocation | Path) -> str:
    """What ``--db`` is given for the store: the file's path, or the server's URL."""
    if isinstance(location, Path):
        return str(location)
    if location.path is not None:
        return str(location.path)
    assert location.url is not None
    return location.url


def run_sql(
    location: StoreLocation | Path, statement: str, **parameters: Any
) -> list[tuple[Any, ...]]:
    """Run one statement on the store in a transaction of its own, committed; its rows."""
    if isinstance(location, Path):
        location = StoreLocation(path=location)
    if location.path is not None:
        url: Any = sqlite_url(location.path)
    else:
        assert location.url is not None
        url = server_url(location.url)
    engine = create_engine(url, poolclass=NullPool)
    try:
        with engine.begin() as connection:
            result = connection.execute(text(statement), parameters)
            return [tuple(row) for row in result] if result.returns_rows else []
    finally:
        engine.dispose()
