"""The one place that knows how workshop-tui reaches its stores: SQLite files and PostgreSQL.

A SQLite file (one facilitator's laptop):
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

from sqlalchemy import URL, Table, create_engine, event, make_url
from sqlalchemy.dialects.postgresql import Insert as PostgresInsert
from sqlalchemy.dialects.postgresql import insert as postgres_insert
from sqlalchemy.dialects.sqlite import Insert as SqliteInsert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

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


SERVER_DRIVER = "postgresql+psycopg"
NOTIFY_CHANNEL = "workshop_tui"
"""Every write transaction on a team store notifies this channel; room views LISTEN to it."""
KEEPALIVES = {
    "keepalives": 1,
    "keepalives_idle": 10,
    "keepalives_interval": 3,
    "keepalives_count": 3,
}
"""TCP keepalives, so a network that dropped is noticed within about 20 seconds."""
CONNECT_SECONDS = 5
"""How long connecting to a team store may take before it counts as unreachable."""


def server_url(url: str) -> URL:
    """A PostgreSQL URL for SQLAlchemy's psycopg driver. Whatever it leaves out (host, user,
    password, sslmode ...) libpq finds as PostgreSQL users expect: ``PG*`` variables, the
    service file, ``~/.pgpass``."""
    return make_url(url).set(drivername=SERVER_DRIVER)


def server_engine(url: str, *, pool_size: int = 2) -> Engine:
    """An engine on a team store: connections checked before use (a server restarted or a
    network dropped is reconnected), TCP keepalives so a dead network is noticed within
    seconds, and the app's name on the server's list of connections."""
    return create_engine(
        server_url(url),
        pool_pre_ping=True,
        pool_size=pool_size,
        max_overflow=2,
        pool_recycle=600,
        connect_args={
            "connect_timeout": CONNECT_SECONDS,
            "application_name": "workshop-tui",
            **KEEPALIVES,
        },
    )


def server_conninfo(url: str) -> str:
    """A libpq connection string for ``url`` (psycopg's own connections: the listener)."""
    # late: psycopg loads only for a team store, never for a SQLite file
    from psycopg.conninfo import make_conninfo

    plain = make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)
    return make_conninfo(
        plain,
        connect_timeout=CONNECT_SECONDS,
        application_name="workshop-tui room view",
        **KEEPALIVES,
    )


def upsert(connection: Connection, table: Table) -> SqliteInsert | PostgresInsert:
    """An INSERT of ``table`` that can say what to do ON CONFLICT, in the connection's dialect."""
    if connection.dialect.name == "postgresql":
        return postgres_insert(table)
    return sqlite_insert(table)
