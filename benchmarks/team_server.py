"""A PostgreSQL server for the team store's benchmarks, and scratch databases on it.

The server is the one ``--server URL`` names (a superuser's URL), else ``WORKSHOP_TEST_PG``
(``eval "$(bash .ci/postgres start)"`` starts a throwaway one and sets it). Each benchmark
works in a database of its own, created and upgraded to this version's schema, and dropped
afterwards. ``OwnCluster`` starts a cluster of the benchmark's own with ``.ci/postgres`` in a
folder of its own, to stop and start again (the fault figures).
"""

from __future__ import annotations

import os
import subprocess
import tempfile
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import psycopg
from psycopg import sql

from workshop_tui.locations import StoreLocation
from workshop_tui.storage.server import upgrade_server_store

REPO = Path(__file__).resolve().parents[1]
CI_POSTGRES = REPO / ".ci" / "postgres"
SERVER_ENV = "WORKSHOP_TEST_PG"


def server_url(given: str | None) -> str:
    """The superuser URL to work with; SystemExit with what to do when there is none."""
    url = given or os.environ.get(SERVER_ENV, "")
    if not url:
        raise SystemExit(
            f'no PostgreSQL server: pass --server URL, or run eval "$(bash .ci/postgres start)" '
            f"(it sets {SERVER_ENV})"
        )
    return url


def database_url(admin_url: str, name: str) -> str:
    return admin_url.rpartition("/")[0] + "/" + name


@contextmanager
def scratch_store(admin_url: str, prefix: str, *, keep: bool = False) -> Iterator[StoreLocation]:
    """A new database at this version's schema, dropped afterwards unless ``keep``."""
    name = f"{prefix}_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(admin_url, autocommit=True) as admin:
        admin.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    location = StoreLocation(url=database_url(admin_url, name))
    try:
        upgrade_server_store(location)
        yield location
    finally:
        if keep:
            print(f"kept the database {name}")
        else:
            with psycopg.connect(admin_url, autocommit=True) as admin:
                drop = sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)")
                admin.execute(drop.format(sql.Identifier(name)))


class OwnCluster:
    """A throwaway cluster of the benchmark's own (``.ci/postgres``), to stop and start."""

    def __init__(self) -> None:
        self.state = Path(tempfile.gettempdir()) / f"workshop-bench-pg-{uuid.uuid4().hex[:8]}"
        self.admin_url = ""

    def _run(self, command: str) -> str:
        done = subprocess.run(
            ["bash", str(CI_POSTGRES), command],
            env={**os.environ, "WORKSHOP_PG_STATE": str(self.state)},
            capture_output=True,
            text=True,
            timeout=300,
            check=False,
        )
        if done.returncode != 0:
            raise SystemExit(f".ci/postgres {command} failed: {done.stderr.strip()[-500:]}")
        return done.stdout

    def __enter__(self) -> OwnCluster:
        printed = self._run("start")
        self.admin_url = printed.strip().split("=", 1)[1].strip("'")
        return self

    def __exit__(self, *_exc: object) -> None:
        self._run("stop")

    def halt(self) -> None:
        """Stop the server: every connection ends; the data stays."""
        self._run("halt")

    def resume(self) -> None:
        """Start it again on the same port."""
        self._run("resume")
