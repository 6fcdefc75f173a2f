"""The one place that knows how workshop-tui reaches SQLite: URLs and engines.

Every connection is set up the same way: write-ahead logging, ``synchronous=FULL``
(a facilitator's action is on disk before it is shown), foreign keys enforced and
a short busy timeout, so a database locked by another program gives an error
rather than a hang, and small caches (a session is read into memory once, when
it opens, and after that mostly written). SQLAlchemy, not the ``sqlite3``
driver, emits ``BEGIN``, so DDL is transactional and a write can take its lock
up front (``BEGIN IMMEDIATE``).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from sqlalchemy import URL, create_engine, event, make_url

if TYPE_CHECKING:
    from sqlalchemy import Connection, Engine

BUSY_TIMEOUT_MS = 1500
"""How long a statement waits for another program's lock before giving up."""

PAGE_CACHE_KIB = 128
"""SQLite's page cache per connection. Its default (2 MiB) holds the whole file of a
1,000-record session in each of the two connections; a page read again comes from
the system's file cache."""

STATEMENT_CACHE = 16
"""Prepared statements kept per connection (the driver's default is 128); a key stores
a row or two, so preparing one again now and then costs microseconds."""

BEGIN_OPTION = "workshop_begin"
"""Execution option naming the ``BEGIN`` flavour: "" (deferred) or "IMMEDIATE"."""


def sqlite_url(path: Path, *, readonly: bool = False) -> str:
    """The SQLAlchemy URL of the SQLite file at ``path``, read-only if asked.

    The path goes through SQLite's ``file:`` URI form, so any character in a
    folder name ("?", "#", "%", spaces) is safe.
    """

    query = {"uri": "true"}
    if readonly:
        query["mode"] = "ro"
    database = "file:" + quote(str(Path(path).absolute()))
    return URL.create("sqlite", database=database, query=query).render_as_string(
        hide_password=False
    )


def make_engine(url: str) -> Engine:
    """An engine whose connections are set up for durable, lock-aware use."""

    readonly = make_url(url).query.get("mode") == "ro"
    engine = create_engine(url, connect_args={"cached_statements": STATEMENT_CACHE})

    @event.listens_for(engine, "connect")
    def _configure(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None  # SQLAlchemy emits BEGIN, see below
        cursor = dbapi_connection.cursor()
        try:
            cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            cursor.execute("PRAGMA foreign_keys = ON")
            cursor.execute("PRAGMA synchronous = FULL")
            cursor.execute(f"PRAGMA cache_size = -{PAGE_CACHE_KIB}")
            if not readonly:
                cursor.execute("PRAGMA journal_mode = WAL")
        finally:
            cursor.close()

    @event.listens_for(engine, "begin")
    def _begin(connection: Connection) -> None:
        mode = connection.get_execution_options().get(BEGIN_OPTION, "")
        connection.exec_driver_sql(f"BEGIN {mode}".strip())

    return engine


def writer(engine: Engine) -> Engine:
    """``engine`` with transactions that take the write lock at ``BEGIN``."""
    return engine.execution_options(**{BEGIN_OPTION: "IMMEDIATE"})
