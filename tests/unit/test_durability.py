"""A session killed with SIGKILL mid-action loses nothing it had acknowledged, on a SQLite file
and on a team store."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

from tests.conftest import REPO
from tests.store_kinds import db_argument
from workshop_tui.domain.clock import SystemClock
from workshop_tui.domain.engine import SessionEngine
from workshop_tui.domain.kinds import SessionState
from workshop_tui.locations import StoreLocation
from workshop_tui.storage import open_store

WORKER = REPO / "tests" / "fixtures" / "crash_worker.py"
SCRIPT = REPO / "workshop_tui" / "facilitation_scripts" / "customer-working-agreement.yaml"


def _run_and_kill(db: StoreLocation, after_acks: int) -> tuple[int, int]:
    """Start the worker, kill -9 it once it acknowledged ``after_acks`` actions."""
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    process = subprocess.Popen(
        [sys.executable, str(WORKER), db_argument(db), str(SCRIPT)],
        stdout=subprocess.PIPE,
        text=True,
        env=env,
    )
    assert process.stdout is not None
    session_id = int(process.stdout.readline().split()[1])
    last = 0
    deadline = time.monotonic() + 60
    while last < after_acks and time.monotonic() < deadline:
        line = process.stdout.readline()
        if line.startswith("ACK"):
            last = int(line.split()[1])
    os.kill(process.pid, signal.SIGKILL)
    # Whatever was printed before the kill landed was also acknowledged.
    for line in process.stdout:
        if line.startswith("ACK"):
            last = int(line.split()[1])
    process.wait()
    assert process.returncode == -signal.SIGKILL
    return session_id, last


def test_kill_minus_nine_loses_no_acknowledged_action(store_location: StoreLocation) -> None:
    db = store_location
    for attempt, after in enumerate((5, 137, 401)):
        session_id, acked = _run_and_kill(db, after)
        assert acked >= after
        engine, resumed = SessionEngine.reopen(session_id, open_store(db), SystemClock())
        session = engine.session
        notes = {note.text for note in session.notes}
        items = {row.item for row in session.classifications}
        for n in range(1, acked + 1):
            if n % 3 == 0:
                assert f"item {n}" in items, f"attempt {attempt}: item {n} was lost"
            else:
                assert f"note {n}" in notes, f"attempt {attempt}: note {n} was lost"
        assert engine.timing.current.extra_seconds >= acked // 50
        assert resumed.was_running
        assert session.state is SessionState.PAUSED
        assert not engine.timing.running
        assert session.timings[0].started_at is not None
