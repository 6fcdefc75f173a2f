"""A team store on a real PostgreSQL server: opened, upgraded by its owner, used by a role
that may only read and write rows, reached the way PostgreSQL users expect, never showing
a password."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

import psycopg
import pytest
from psycopg import sql

from tests.conftest import REPO
from tests.postgres import PgServer
from tests.unit.test_store_samples import T0, new_session, sample_records
from workshop_tui.domain.ports import SessionChanged, SessionInUse, StoreError, StoreUnreachable
from workshop_tui.domain.records import Note
from workshop_tui.locations import StoreLocation, parse_location
from workshop_tui.storage.claims import STALE_AFTER, Holder
from workshop_tui.storage.migrations import SCHEMA_VERSION
from workshop_tui.storage.opener import open_store
from workshop_tui.storage.server import upgrade_server_store

ENV = {**os.environ, "PYTHONPATH": str(REPO)}


def workshop(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "workshop_tui", *args],
        capture_output=True,
        text=True,
        env={**ENV, **(env or {})},
        timeout=120,
    )


def test_a_session_is_stored_and_read_back_whole(store_location: StoreLocation) -> None:
    with open_store(store_location) as store:
        session_id = new_session(store)
        for record in sample_records():
            store.add_record(session_id, record)
        _, written = store.load_session(session_id)
    with open_store(store_location, readonly=True) as store:
        _, read = store.load_session(session_id)
        (summary,) = store.list_sessions()
    assert read == written and read.record_count == len(sample_records())
    assert summary.id == session_id


def test_a_new_server_database_is_refused_until_its_owner_upgrades_it(
    pg_server: PgServer,
) -> None:
    name = "workshop_fresh_" + os.urandom(4).hex()
    with pg_server.admin() as connection:
        connection.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    try:
        location = StoreLocation(url=pg_server.url(name))
        with pytest.raises(StoreError, match="workshop store upgrade"):
            open_store(location)
        assert upgrade_server_store(location) == (0, SCHEMA_VERSION)
        assert upgrade_server_store(location) == (SCHEMA_VERSION, SCHEMA_VERSION)
        with open_store(location) as store:
            assert store.list_sessions() == []
    finally:
        with pg_server.admin() as connection:
            drop = sql.SQL("DROP DATABASE {} WITH (FORCE)").format(sql.Identifier(name))
            connection.execute(drop)


def test_a_role_that_only_reads_and_writes_rows_runs_a_session_but_cannot_upgrade(
    pg_app_url: str,
) -> None:
    location = StoreLocation(url=pg_app_url)
    with open_store(location) as store:
        session_id = new_session(store)
        store.add_record(session_id, Note("welcome", T0, "written by the app's role"))
        _, session = store.load_session(session_id)
    assert [note.text for note in session.notes] == ["written by the app's role"]
    with psycopg.connect(pg_app_url) as connection, pytest.raises(psycopg.Error):
        connection.execute("CREATE TABLE anything (id integer)")


def test_one_writer_per_session_across_machines(pg_url: str) -> None:
    location = StoreLocation(url=pg_url)
    laptop, room_pc = open_store(location), open_store(location)
    room_pc._holder = Holder("another-machine", 4242, "room-pc.example.org")  # noqa: SLF001
    try:
        session_id = new_session(laptop)
        with pytest.raises(SessionInUse, match="room-pc|another workshop-tui"):
            room_pc.open_session(session_id, T0 + timedelta(seconds=5))
        # The laptop closed without a word: a minute later its claim is taken over ...
        room_pc.open_session(session_id, T0 + STALE_AFTER + timedelta(seconds=1))
        room_pc.add_record(session_id, Note("welcome", T0, "from the room's PC"))
        # ... and what it writes late is refused, with nothing lost.
        with pytest.raises(SessionChanged, match="nothing was lost"):
            laptop.add_record(session_id, Note("welcome", T0, "late"))
        _, session = room_pc.load_session(session_id)
        assert [note.text for note in session.notes] == ["from the room's PC"]
    finally:
        laptop.close()
        room_pc.close()


def test_libpq_finds_the_password_in_pgpass_and_the_server_in_a_service_file(
    pg_server: PgServer, pg_database: str, tmp_path: Path
) -> None:
    with_password = psycopg.conninfo.conninfo_to_dict(pg_server.url(pg_database))
    host, port = with_password["host"], with_password["port"]
    password = with_password["password"]
    pgpass = tmp_path / "pgpass"
    pgpass.write_text(f"{host}:{port}:*:postgres:{password}\n", encoding="utf-8")
    pgpass.chmod(0o600)
    services = tmp_path / "pg_service.conf"
    services.write_text(
        f"[team]\nhost={host}\nport={port}\ndbname={pg_database}\nuser=postgres\n",
        encoding="utf-8",
    )
    env = {"PGPASSFILE": str(pgpass), "PGSERVICEFILE": str(services)}
    for url in (
        f"postgresql://postgres@{host}:{port}/{pg_database}",
        "postgresql:///?service=team",
    ):
        done = workshop("store", "status", "--db", url, env=env)
        assert done.returncode == 0, done.stderr
        assert "team store on PostgreSQL" in done.stdout
        assert password not in done.stdout + done.stderr


def test_a_password_never_appears_in_any_output(pg_server: PgServer, pg_database: str) -> None:
    url = pg_server.url(pg_database)
    password = psycopg.conninfo.conninfo_to_dict(url)["password"]
    wrong_port = url.replace(str(psycopg.conninfo.conninfo_to_dict(url)["port"]), "1", 1)
    wrong_password = url.replace(password, "not-the-password-" + password[:4], 1)
    for db in (url, wrong_port, wrong_password):
        for command in (("sessions",), ("store", "status"), ("export", "1", "-o", "-")):
            done = workshop(*command, "--db", db)
            said = done.stdout + done.stderr
            assert password not in said and "not-the-password" not in said
            assert "Traceback" not in said
    refused = workshop("sessions", "--db", wrong_password)
    assert refused.returncode == 2 and "refused the login" in refused.stderr
    unreachable = workshop("sessions", "--db", wrong_port)
    assert unreachable.returncode == 2 and "cannot be reached" in unreachable.stderr
    assert "***" in unreachable.stderr  # the URL is named, its password hidden


def test_sslmode_in_the_url_is_honoured(pg_url: str) -> None:
    said = workshop("sessions", "--db", pg_url + "?sslmode=require")
    assert said.returncode == 2  # this throwaway server has no certificate
    assert "Traceback" not in said.stderr and said.stderr.count("\n") == 1
    assert workshop("sessions", "--db", pg_url + "?sslmode=disable").returncode == 0


def test_an_unreachable_server_is_one_sentence_and_nothing_is_stored(pg_url: str) -> None:
    location = StoreLocation(url=pg_url)
    with open_store(location) as store:
        session_id = new_session(store)
        with psycopg.connect(pg_url, autocommit=True) as admin:
            admin.execute(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                "WHERE datname = current_database() AND pid <> pg_backend_pid()"
            )
        # The pool's connection was killed: it is checked and opened again, the note stored.
        store.add_record(session_id, Note("welcome", T0, "after the connection was killed"))
        _, session = store.load_session(session_id)
    assert [note.text for note in session.notes] == ["after the connection was killed"]
    down = parse_location(pg_url.rsplit(":", 1)[0] + ":1/nowhere", "test")
    with pytest.raises(StoreUnreachable, match="cannot be reached"):
        open_store(down)
