"""How soon the room view shows a commit, and how fast it starts next to the console.

The facilitator's side is a real engine in this process, writing to a real
SQLite file; the room view is ``workshop room`` in a real terminal (tmux), read
with ``capture-pane``. Each sample adds a note ("mark N") on the first part,
whose board lists the notes, and times from the commit returning to the pane
showing it. Start-up is launch to the first frame showing the part
("Part 1 of 6"), for ``workshop room`` and for ``workshop resume`` (the console,
on a copy of the file that nobody holds).

    .venv/bin/python benchmarks/room_latency.py [--samples 40] [--runs 5]
"""

from __future__ import annotations

import argparse
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

from tmux_harness import TmuxServer, launch_time, launched, median, p95, summary, wait_for

from workshop_tui.content.catalog import find_script
from workshop_tui.content.loader import load_script
from workshop_tui.domain.clock import SystemClock
from workshop_tui.domain.engine import SessionEngine
from workshop_tui.domain.snapshot import SessionSetup
from workshop_tui.storage import open_store

WORKSHOP = f"{sys.executable} -m workshop_tui"
READY = "Part 1 of 6"


def begin(db: Path) -> SessionEngine:
    loaded = load_script(find_script("customer-working-agreement", []))
    setup = SessionSetup(customer="Acme", facilitator="Kim")
    return SessionEngine.begin(loaded.script, loaded.source, setup, open_store(db), SystemClock())


def latencies(server: TmuxServer, engine: SessionEngine, db: Path, samples: int) -> list[float]:
    """Seconds from each committed note to the room view showing it."""
    found: list[float] = []
    with launched(server, f"{WORKSHOP} --db {db} room", size=(160, 45)) as pane:
        wait_for(pane, lambda screen: READY in screen, what="the room view's first part")
        for n in range(samples):
            marker = f"mark {n:03d}"
            engine.notes.add(marker)
            committed = time.perf_counter()
            wait_for(pane, lambda screen, m=marker: m in screen, poll=0.002, what=marker)
            found.append(time.perf_counter() - committed)
            time.sleep(0.05 + (n % 7) * 0.013)  # commits land anywhere in the poll interval
    return found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--samples", type=int, default=40)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder, TmuxServer() as server:
        db = Path(folder) / "w.db"
        engine = begin(db)
        copy = Path(folder) / "console.db"
        source, target = sqlite3.connect(db), sqlite3.connect(copy)
        source.backup(target)  # the write-ahead log's pages too
        with target:
            target.execute("DELETE FROM session_locks")
        source.close()
        target.close()
        times = latencies(server, engine, db, args.samples)
        print(summary("commit to room view", times))
        print(f"  median {median(times) * 1000:.0f} ms, p95 {p95(times) * 1000:.0f} ms")
        room = [launch_time(server, f"{WORKSHOP} --db {db} room", READY) for _ in range(args.runs)]
        console = [
            launch_time(server, f"{WORKSHOP} --db {copy} resume 1", READY) for _ in range(args.runs)
        ]
        print(summary("start-up, room view (workshop room)", room))
        print(summary("start-up, console (workshop resume)", console))
    return 0


if __name__ == "__main__":
    sys.exit(main())
