"""One writer per session, across real processes: refused while held, taken over once gone.

The holder is a process of its own with an engine on the session
(tests/fixtures/session_holder.py); the second app is the real ``workshop``
command line, run headless (tests/fixtures/headless_workshop.py). Each runs on a SQLite
file and on a team store (PostgreSQL), where the holder's claim is a row on the server.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

import pytest
from textual.app import App
from textual.pilot import Pilot

from tests.conftest import REPO
from tests.store_kinds import db_argument, run_sql
from workshop_tui.app.workshop_app import WorkshopApp
from workshop_tui.cli import main
from workshop_tui.domain.clock import FakeClock, SystemClock
from workshop_tui.domain.engine import SessionEngine
from workshop_tui.domain.ports import SessionInUse
from workshop_tui.locations import StoreLocation
from workshop_tui.screens.facilitate import FacilitateScreen
from workshop_tui.storage import open_store
from workshop_tui.storage.claims import STALE_AFTER

HOLDER = REPO / "tests" / "fixtures" / "session_holder.py"
HEADLESS = REPO / "tests" / "fixtures" / "headless_workshop.py"
ENV = {**os.environ, "PYTHONPATH": str(REPO)}


@dataclass
class Holder:
    """A process holding a session; ``send`` a command, read its one-line answer."""

    process: subprocess.Popen[str]
    session_id: int
    pid: int

    def send(self, command: str) -> str:
        assert self.process.stdin is not None and self.process.stdout is not None
        self.process.stdin.write(command + "\n")
        self.process.stdin.flush()
        return self.process.stdout.readline().strip()

    def kill(self) -> None:
        os.kill(self.pid, signal.SIGKILL)
        self.process.wait(timeout=30)  # reaped: the pid is gone, as after a crash
        assert self.process.returncode == -signal.SIGKILL


@contextmanager
def holding(db: Path | StoreLocation, session_id: int | None = None) -> Iterator[Holder]:
    args = [] if session_id is None else [str(session_id)]
    process = subprocess.Popen(
        [sys.executable, str(HOLDER), db_argument(db), *args],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        env=ENV,
    )
    try:
        assert process.stdout is not None
        line = process.stdout.readline().split()
        assert line[:1] == ["HOLDING"], line
        yield Holder(process, int(line[1]), int(line[2]))
    finally:
        if process.poll() is None:
            process.kill()
        process.wait(timeout=30)
        for stream in (process.stdin, process.stdout):
            if stream is not None:
                stream.close()


def workshop(*args: str | Path | StoreLocation) -> subprocess.CompletedProcess[str]:
    """The real command line, headless; a store is named by its path or URL."""
    named = [db_argument(arg) if isinstance(arg, StoreLocation) else str(arg) for arg in args]
    return subprocess.run(
        [sys.executable, str(HEADLESS), *named],
        capture_output=True,
        text=True,
        env=ENV,
        timeout=60,
    )


def extra_seconds(db: Path | StoreLocation, session_id: int = 1) -> int:
    with open_store(db, readonly=True) as store:
        return store.load_session(session_id)[1].timings[0].extra_seconds


def locks(db: Path | StoreLocation) -> list[tuple[int, int]]:
    return [(int(s), int(p)) for s, p in run_sql(db, "SELECT session_id, pid FROM session_locks")]


def test_a_second_app_is_told_which_process_has_the_session(store_location: StoreLocation) -> None:
    db = store_location
    with holding(db) as holder:
        assert holder.send("extend 60") == "OK 60 0"
        for command in (["resume", "1"], ["resume"]):
            result = workshop("--db", db, *command)
            assert result.returncode == 2, result.stderr
            assert result.stderr.startswith(
                f"workshop: session 1 in {db.shown} is open in another workshop-tui "
                f"(pid {holder.pid} on {socket.gethostname()}, since "
            ), result.stderr
            assert result.stderr.endswith("); close it there first\n")
            assert result.stderr.count("\n") == 1
        # readers need no claim: listing and exporting go on while the session is held
        listed = workshop("--db", db, "sessions")
        assert listed.returncode == 0 and "Holder" in listed.stdout, listed.stderr
        exported = workshop("--db", db, "export", "1", "-o", "-")
        assert exported.returncode == 0, exported.stderr
        assert holder.send("extend 60") == "OK 120 0", "the refused app changed nothing"
        assert locks(db) == [(1, holder.pid)]
    assert extra_seconds(db) == 120


def test_a_claim_left_by_kill_minus_nine_is_taken_over(store_location: StoreLocation) -> None:
    db = store_location
    with holding(db) as holder:
        assert holder.send("extend 300") == "OK 300 0"
        holder.kill()
    assert locks(db) == [(1, holder.pid)], "a crash leaves its claim behind"
    engine, _ = SessionEngine.reopen(1, open_store(db), SystemClock())
    assert engine.timing.current.extra_seconds == 300, (
        "nothing the holder was told was done is lost"
    )
    engine.timing.extend(60)
    engine.close()
    assert extra_seconds(db) == 360
    assert locks(db) == []


def test_a_claim_whose_heartbeat_is_stale_is_taken_over_and_its_holder_loses_nothing(
    store_location: StoreLocation,
) -> None:
    """A live holder that stopped beating (a laptop asleep, a process stuck) is taken over."""
    db = store_location
    with holding(db) as holder:
        assert holder.send("extend 60") == "OK 60 0"
        with pytest.raises(SessionInUse):
            SessionEngine.reopen(1, open_store(db), SystemClock())
        later = FakeClock(SystemClock().now() + STALE_AFTER + timedelta(seconds=5))
        taker, _ = SessionEngine.reopen(1, open_store(db), later)
        taker.timing.extend(120)
        answer = holder.send("extend 60")
        assert answer.startswith("REFUSED SessionChanged session 1 in "), answer
        assert answer.endswith("nothing was lost; resume it again to carry on")
        assert holder.send("beat").startswith("REFUSED SessionChanged")
        taker.timing.extend(120)
    assert extra_seconds(db) == 300  # 60 + 120 + 120: every acknowledged extend, none lost


def test_two_processes_extending_and_moving_lose_no_update(store_location: StoreLocation) -> None:
    """The issue's figures across processes: 5 x e in each, and PgDn in one with e in the other."""
    db = store_location
    with holding(db) as holder:
        later = FakeClock(SystemClock().now() + STALE_AFTER + timedelta(seconds=5))
        other, _ = SessionEngine.reopen(1, open_store(db), later)  # bypasses the live claim
        acknowledged = 0
        for _ in range(5):
            acknowledged += holder.send("extend 60").startswith("OK")
            other.timing.extend(60)
            acknowledged += 1
        assert extra_seconds(db) == 60 * acknowledged
        other.timing.next_part()
        assert holder.send("extend 60").startswith("REFUSED SessionChanged")
    with open_store(db, readonly=True) as store:
        assert store.load_session(1)[1].current_part == 1, "PgDn in one stays, whatever e did"


def test_quitting_the_app_lets_go_of_the_session(
    store_location: StoreLocation, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = store_location
    with holding(db) as holder:
        assert holder.send("quit") == "BYE"
    assert locks(db) == []

    async def quit_once_open(pilot: Pilot[None]) -> None:
        while not isinstance(pilot.app.screen, FacilitateScreen):
            await pilot.pause(0.05)
        assert locks(db) == [(1, os.getpid())]
        await pilot.press("q")

    monkeypatch.setattr(
        WorkshopApp, "run", lambda self: App.run(self, headless=True, auto_pilot=quit_once_open)
    )
    assert main(["--db", db_argument(db), "resume", "1"]) == 0
    assert locks(db) == []
