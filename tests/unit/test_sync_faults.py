"""A push cut by the world, not by the test: the pushing process killed, its connection
terminated by the server, the server stopped and started. The next push finishes it, and
stores nothing twice."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest

from tests.conftest import REPO
from tests.postgres import server_or_skip
from tests.unit.sync_helpers import exports_of, laptop_and_team, rows_of, team_id
from tests.unit.test_store_samples import T0, new_session, sample_records
from workshop_tui.domain.records import Note
from workshop_tui.locations import StoreLocation
from workshop_tui.storage.server import upgrade_server_store
from workshop_tui.storage.sync.push import push_all

WORKER = REPO / "tests" / "fixtures" / "push_worker.py"
ENV = {**os.environ, "PYTHONPATH": str(REPO)}


def laptop_with_a_session(path: Path, team_url: str) -> int:
    with laptop_and_team(path, team_url) as (laptop, _, _):
        session_id = new_session(laptop)
        for number in range(40):
            laptop.add_record(session_id, Note("welcome", T0, f"note {number}"))
        for record in sample_records():
            laptop.add_record(session_id, record)
        return session_id


def paused_push(path: Path, team_url: str, at: int) -> subprocess.Popen[str]:
    worker = subprocess.Popen(
        [sys.executable, str(WORKER), str(path), team_url, str(at)],
        stdout=subprocess.PIPE,
        text=True,
        env=ENV,
    )
    assert worker.stdout is not None
    assert worker.stdout.readline().strip() == "paused", "the push stops where it was told"
    return worker


def assert_same(path: Path, team_url: str, session_id: int) -> None:
    with laptop_and_team(path, team_url) as (laptop, team, stores):
        push_all(stores)
        assert push_all(stores) == []
        there = team_id(team, laptop, session_id)
        assert rows_of(team, there) == rows_of(laptop, session_id)
        assert exports_of(team, there) == exports_of(laptop, session_id)


@pytest.mark.parametrize("at", [3, 9, 17])
def test_a_pushing_process_killed_midway_leaves_nothing_the_next_push_cannot_finish(
    tmp_path: Path, pg_url: str, at: int
) -> None:
    session_id = laptop_with_a_session(tmp_path / "laptop.db", pg_url)
    worker = paused_push(tmp_path / "laptop.db", pg_url, at)
    os.kill(worker.pid, signal.SIGKILL)
    worker.wait(timeout=30)
    assert_same(tmp_path / "laptop.db", pg_url, session_id)


def test_a_connection_terminated_by_the_server_midway(tmp_path: Path, pg_url: str) -> None:
    session_id = laptop_with_a_session(tmp_path / "laptop.db", pg_url)
    worker = paused_push(tmp_path / "laptop.db", pg_url, 12)
    with psycopg.connect(pg_url, autocommit=True) as admin:
        admin.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
            "WHERE datname = current_database() AND pid <> pg_backend_pid()"
        )
    worker.kill()
    worker.wait(timeout=30)
    assert_same(tmp_path / "laptop.db", pg_url, session_id)


@pytest.fixture
def own_server(tmp_path: Path) -> Iterator[tuple[str, Path]]:
    """A PostgreSQL cluster of this test's own, so it can be stopped and started."""
    server_or_skip()
    state = Path("/tmp") / f"workshop-pg-{os.getpid()}-{tmp_path.name}"
    env = {**ENV, "WORKSHOP_PG_STATE": str(state)}
    started = subprocess.run(
        ["bash", str(REPO / ".ci" / "postgres"), "start"],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
    )
    assert started.returncode == 0, started.stderr
    url = started.stdout.strip().split("=", 1)[1].strip("'")
    try:
        yield url, state
    finally:
        subprocess.run(["bash", str(REPO / ".ci" / "postgres"), "stop"], env=env, timeout=120)


def restart(state: Path, url: str) -> None:
    bin_dir = (state / "bin").read_text().strip()
    port = psycopg.conninfo.conninfo_to_dict(url)["port"]
    as_owner = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
    data = str(state / "data")
    subprocess.run(
        [*as_owner, f"{bin_dir}/pg_ctl", "-D", data, "-m", "immediate", "stop"],
        check=True,
        capture_output=True,
        timeout=120,
    )
    options = (
        f"-c listen_addresses=127.0.0.1 -c port={port} -c unix_socket_directories={state} "
        "-c fsync=off -c max_connections=200"
    )
    subprocess.run(
        [
            *as_owner,
            f"{bin_dir}/pg_ctl",
            "-D",
            data,
            "-l",
            str(state / "log"),
            "-w",
            "-o",
            options,
            "start",
        ],
        check=True,
        capture_output=True,
        timeout=120,
    )


def test_the_server_stopped_and_started_midway(
    tmp_path: Path, own_server: tuple[str, Path]
) -> None:
    url, state = own_server
    upgrade_server_store(StoreLocation(url=url))
    session_id = laptop_with_a_session(tmp_path / "laptop.db", url)
    worker = paused_push(tmp_path / "laptop.db", url, 15)
    restart(state, url)
    worker.kill()
    worker.wait(timeout=30)
    assert_same(tmp_path / "laptop.db", url, session_id)
