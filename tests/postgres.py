"""A real PostgreSQL server for the tests: the throwaway cluster ``.ci/postgres`` starts.

``WORKSHOP_TEST_PG`` is its superuser's URL. Each test gets a database of its own, copied
from a template that this test process migrated once (``CREATE DATABASE ... TEMPLATE``),
owned by the superuser; ``APP_ROLE`` may only read and write rows, as the README's SQL
grants. Copying a database costs 0.1-0.8 s on a busy machine, so a database a test is done
with is emptied for the next test of the process instead: its connections are ended, its
rows deleted and its ids started again at 1 (it is dropped instead if its schema is no
longer the template's). Without a server the tests that need one are skipped with one line
saying how to get it; CI sets ``WORKSHOP_REQUIRE_PG=1`` and fails instead, so they cannot
be skipped there.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import tempfile
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import psycopg
import pytest
from psycopg import sql

from workshop_tui.locations import StoreLocation
from workshop_tui.storage.server import upgrade_server_store

SERVER_ENV = "WORKSHOP_TEST_PG"
REQUIRE_ENV = "WORKSHOP_REQUIRE_PG"
HOW = (
    'PostgreSQL tests skipped: start a throwaway server with eval "$(bash .ci/postgres start)" '
    "(it sets WORKSHOP_TEST_PG), then run pytest again"
)
APP_ROLE = "workshop_app"


def app_password(admin_url: str) -> str:
    """The row-only role's password on the server of ``admin_url``: made from the superuser's
    URL, so every test process on one server (pytest-xdist's workers, another worktree's run)
    sets the same one, and none locks the others out by setting its own."""
    return "app-" + hashlib.sha256(admin_url.encode()).hexdigest()[:32]


APP_GRANTS = """
GRANT CONNECT ON DATABASE {database} TO {role};
GRANT USAGE ON SCHEMA public TO {role};
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO {role};
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {role};
"""
"""The grants of a role that reads and writes rows and nothing more (README "For a team")."""


@dataclass(frozen=True)
class PgServer:
    admin_url: str
    template: str
    spare: list[str] = field(default_factory=list)
    """Databases emptied after a test, ready for the next one."""

    def url(self, database: str, *, role: str | None = None, password: str = "") -> str:
        """``database``'s URL, as the superuser or as ``role``."""
        base, _, _ = self.admin_url.rpartition("/")
        if role is None:
            return f"{base}/{database}"
        scheme, _, rest = base.partition("://")
        host = rest.rpartition("@")[2]
        return f"{scheme}://{role}:{password}@{host}/{database}"

    def admin(self) -> psycopg.Connection:
        return psycopg.connect(self.admin_url, autocommit=True)


def one_skip_line(report: pytest.TestReport) -> None:
    """Report a test skipped for want of a server at one place, so that pytest's summary
    folds them all into one line saying how to get them (not a line per test)."""
    longrepr = report.longrepr
    if report.skipped and isinstance(longrepr, tuple) and HOW in str(longrepr[2]):
        report.longrepr = (__file__, 1, longrepr[2])


def server_or_skip() -> str:
    url = os.environ.get(SERVER_ENV, "")
    if url:
        return url
    if os.environ.get(REQUIRE_ENV):
        pytest.fail(f"{SERVER_ENV} is not set, but CI requires the PostgreSQL tests to run")
    pytest.skip(HOW)


@pytest.fixture(scope="session")
def pg_server() -> Iterator[PgServer]:
    admin_url = server_or_skip()
    worker = os.environ.get("PYTEST_XDIST_WORKER", "main")
    server = PgServer(admin_url, f"workshop_template_{worker}_{os.getpid()}")
    with server.admin() as connection:
        connection.execute(sql.SQL("DROP DATABASE IF EXISTS {}").format(_name(server.template)))
        connection.execute(sql.SQL("CREATE DATABASE {}").format(_name(server.template)))
        _ensure_app_role(connection, app_password(admin_url))
    upgrade_server_store(StoreLocation(url=server.url(server.template)))
    with psycopg.connect(server.url(server.template), autocommit=True) as connection:
        grants = APP_GRANTS.format(database=server.template, role=APP_ROLE)
        connection.execute(grants.encode())
    try:
        yield server
    finally:
        with server.admin() as connection:
            for name in (*server.spare, server.template):
                connection.execute(
                    sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(_name(name))
                )


@pytest.fixture
def pg_database(pg_server: PgServer) -> Iterator[str]:
    """A database at this version's schema, empty, for one test; its name."""
    name = pg_server.spare.pop() if pg_server.spare else _new_database(pg_server)
    try:
        yield name
    finally:
        if _emptied(pg_server, name):
            pg_server.spare.append(name)
        else:
            with pg_server.admin() as connection:
                connection.execute(
                    sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(_name(name))
                )


def _new_database(pg_server: PgServer) -> str:
    name = f"workshop_test_{uuid.uuid4().hex[:12]}"
    with pg_server.admin() as connection:
        connection.execute(
            sql.SQL("CREATE DATABASE {} TEMPLATE {}").format(_name(name), _name(pg_server.template))
        )
        connection.execute(
            sql.SQL("GRANT CONNECT ON DATABASE {} TO {}").format(_name(name), _name(APP_ROLE))
        )
    with psycopg.connect(pg_server.url(name), autocommit=True) as connection:
        connection.execute(NEW_IDENTITY)
    return name


SCHEMA_PRINT = """
SELECT string_agg(table_name || '.' || column_name || ':' || data_type, ','
                  ORDER BY table_name, column_name)
       || (SELECT string_agg(version_num, ',') FROM alembic_version)
FROM information_schema.columns WHERE table_schema = 'public'
"""
"""The tables, columns and schema version of a database, as one string."""

EMPTY = """
SET session_replication_role = replica;
DO $$ DECLARE name text; BEGIN
    FOR name IN SELECT tablename FROM pg_tables
                WHERE schemaname = 'public' AND tablename <> 'alembic_version' LOOP
        EXECUTE format('DELETE FROM %I', name);
    END LOOP;
    PERFORM setval(c.oid, 1, false) FROM pg_class AS c
    WHERE c.relkind = 'S' AND c.relnamespace = 'public'::regnamespace;
    INSERT INTO store_facts (key, value)
    VALUES ('store_uid', replace(gen_random_uuid()::text, '-', ''));
END $$;
"""
"""Every row deleted (foreign keys not checked meanwhile) and every id started again at 1:
a few milliseconds, where TRUNCATE makes new files for every table (40-140 ms). The store
gets an identity of its own again, as a new store would."""

NEW_IDENTITY = """
UPDATE store_facts SET value = replace(gen_random_uuid()::text, '-', '') WHERE key = 'store_uid'
"""
"""A copy of the template is a store of its own: not the template's uid, nor its siblings'."""


def _emptied(pg_server: PgServer, name: str) -> bool:
    """End every connection to the database, then delete every row, if its schema is
    still the template's; whether it was (and is now as empty as a new copy)."""
    try:
        with pg_server.admin() as admin:
            admin.execute(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                "WHERE datname = %s AND pid <> pg_backend_pid()",
                (name,),
            )
        with psycopg.connect(pg_server.url(name), autocommit=True) as connection:
            found = connection.execute(SCHEMA_PRINT).fetchone()
            if found is None or found[0] != _template_print(pg_server):
                return False
            connection.execute(EMPTY)
    except psycopg.Error:
        return False
    return True


_prints: dict[str, str] = {}


def _template_print(pg_server: PgServer) -> str:
    if pg_server.template not in _prints:
        with psycopg.connect(pg_server.url(pg_server.template)) as connection:
            found = connection.execute(SCHEMA_PRINT).fetchone()
            assert found is not None
            _prints[pg_server.template] = found[0]
    return _prints[pg_server.template]


@pytest.fixture
def pg_url(pg_server: PgServer, pg_database: str) -> str:
    """A team store for one test, as its owner sees it."""
    return pg_server.url(pg_database)


@pytest.fixture
def pg_app_url(pg_server: PgServer, pg_database: str) -> str:
    """The same team store as a role that may only read and write rows."""
    return pg_server.url(pg_database, role=APP_ROLE, password=app_password(pg_server.admin_url))


@pytest.fixture(params=["sqlite", "postgresql"])
def store_location(request: pytest.FixtureRequest, tmp_path: Path) -> StoreLocation:
    """A store of each kind: a SQLite file, and a team store on the test server."""
    if request.param == "sqlite":
        return StoreLocation(path=tmp_path / "store.db")
    return StoreLocation(url=request.getfixturevalue("pg_url"))


CI_POSTGRES = Path(__file__).resolve().parents[1] / ".ci" / "postgres"


@dataclass(frozen=True)
class OwnServer:
    """A cluster of this test process's own (``.ci/postgres`` in a folder of its own), to
    stop and start again: a server restarted mid-session, which the shared one cannot be
    while other tests use it."""

    state: Path
    admin_url: str

    def _run(self, command: str) -> str:
        done = subprocess.run(
            ["bash", str(CI_POSTGRES), command],
            env={**os.environ, "WORKSHOP_PG_STATE": str(self.state)},
            capture_output=True,
            text=True,
            timeout=120,
        )
        if done.returncode != 0:
            raise RuntimeError(f".ci/postgres {command} failed: {done.stderr.strip()[-300:]}")
        return done.stdout

    def halt(self) -> None:
        """Stop the server (its connections end); its data stays."""
        self._run("halt")

    def resume(self) -> None:
        """Start it again, on the same port."""
        self._run("resume")

    def new_store(self) -> StoreLocation:
        """A database of its own, upgraded to this version's schema by its owner."""
        name = f"workshop_faults_{uuid.uuid4().hex[:12]}"
        with psycopg.connect(self.admin_url, autocommit=True) as connection:
            connection.execute(sql.SQL("CREATE DATABASE {}").format(_name(name)))
        location = StoreLocation(url=self.admin_url.rpartition("/")[0] + "/" + name)
        upgrade_server_store(location)
        return location


@pytest.fixture(scope="session")
def own_server() -> Iterator[OwnServer]:
    """A server to restart, started once per test process when a test asks for it (about
    2 s); skipped, as every PostgreSQL test is, where there is no PostgreSQL."""
    server_or_skip()
    state = Path(tempfile.gettempdir()) / f"workshop-test-pg-{os.getpid()}-{uuid.uuid4().hex[:6]}"
    server = OwnServer(state, "")
    try:
        printed = server._run("start")  # noqa: SLF001
    except RuntimeError as problem:
        if os.environ.get(REQUIRE_ENV):
            pytest.fail(str(problem))
        pytest.skip(f"no PostgreSQL server of the tests' own to restart: {problem}")
    url = printed.strip().split("=", 1)[1].strip("'")
    try:
        yield OwnServer(state, url)
    finally:
        server._run("stop")  # noqa: SLF001


def _ensure_app_role(connection: psycopg.Connection, password: str) -> None:
    """Create the row-only role, or give it ``password`` if another test process made it."""
    for verb in ("CREATE", "ALTER"):
        statement = sql.SQL(verb + " ROLE {} LOGIN PASSWORD {}")
        try:
            connection.execute(statement.format(_name(APP_ROLE), sql.Literal(password)))
            return
        except psycopg.errors.DuplicateObject:  # made already, by this run or another
            continue


def _name(text: str) -> sql.Identifier:
    return sql.Identifier(text)
