"""Faults on a team store while a console writes and a room view follows: the server
restarted, every connection killed, the console killed with kill -9.

Run: .venv/bin/python benchmarks/team_faults.py [--down 3] [--steady 3]

A cluster of the benchmark's own (``.ci/postgres`` in a folder of its own) is stopped and
started again. The console is a process storing a note every 50 ms through the real engine
and printing ``ACK n`` for each stored (what the facilitator would see as done), ``REFUSED
n`` for each refused (an unreachable store: not shown, kept in the dialog in the app); the
room view is a process following the session with the real ``Follower`` as ``workshop
room`` does, printing when each note first reached it and when a look failed. In turn:

1. the server stopped for ``--down`` seconds, then started (``pg_ctl stop -m fast``);
2. every connection to the database killed (``pg_terminate_backend``);
3. the console killed with kill -9, and a new console resuming the session (taken over at
   once: same machine, its process gone).

For each: writes refused, the console's recovery (from the server back / the kill, to the
next note stored), the room view's (to showing a note stored after it). At the end: every
acknowledged note must be in the store (lost: 0); a note stored but never acknowledged (the
one in flight at a kill) is not lost, only never shown as done.
"""

from __future__ import annotations

import argparse
import os
import queue
import signal
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

import psycopg
from team_server import OwnCluster, scratch_store

from workshop_tui.content.catalog import find_script
from workshop_tui.content.loader import load_script
from workshop_tui.domain.clock import SystemClock
from workshop_tui.domain.engine import SessionEngine
from workshop_tui.domain.ports import StoreError
from workshop_tui.domain.snapshot import SessionSetup
from workshop_tui.locations import StoreLocation
from workshop_tui.storage import open_store
from workshop_tui.storage.following import Follower

HERE = Path(__file__).resolve()
WRITE_EVERY = 0.05


# -- the children ------------------------------------------------------------------------------
def console(url: str, session: str, first: int) -> None:
    """Store a note every 50 ms: ``ACK n time`` or ``REFUSED n time``, until killed."""
    store = open_store(StoreLocation(url=url))
    if session == "new":
        loaded = load_script(find_script("customer-working-agreement"))
        setup = SessionSetup(customer="Faults", facilitator="Kim")
        engine = SessionEngine.begin(loaded.script, loaded.source, setup, store, SystemClock())
    else:
        engine, _ = SessionEngine.reopen(int(session), store, SystemClock())
    print(f"READY {engine.session.id} {os.getpid()}", flush=True)
    n = first
    while True:
        try:
            engine.notes.add(f"n{n}")
            print(f"ACK {n} {time.time()}", flush=True)
        except StoreError:
            print(f"REFUSED {n} {time.time()}", flush=True)
        n += 1
        time.sleep(WRITE_EVERY)


def room(url: str, session_id: int) -> None:
    """Follow the session: ``SEEN n time`` for each note as it first shows, ``TROUBLE time``."""
    follower = Follower(StoreLocation(url=url), session_id)
    shown: set[str] = set()
    print("READY", flush=True)
    while True:
        try:
            changed, followed = follower.poll()
            if changed and followed is not None:
                now = time.time()
                for note in followed.session.notes:
                    if note.text not in shown:
                        shown.add(note.text)
                        print(f"SEEN {note.text[1:]} {now}", flush=True)
            follower.wait(0.05)
        except StoreError:
            print(f"TROUBLE {time.time()}", flush=True)
            time.sleep(1.0)  # as the room view: one second, then again


# -- the run -----------------------------------------------------------------------------------
@dataclass
class Child:
    process: subprocess.Popen[str]
    lines: queue.Queue[str] = field(default_factory=queue.Queue)
    events: list[tuple[str, int, float]] = field(default_factory=list)

    def start_reading(self) -> None:
        def read() -> None:
            assert self.process.stdout is not None
            for line in self.process.stdout:
                self.lines.put(line)
                parts = line.split()
                if parts[0] in ("ACK", "REFUSED", "SEEN"):
                    self.events.append((parts[0], int(parts[1]), float(parts[2])))
                elif parts[0] == "TROUBLE":
                    self.events.append(("TROUBLE", -1, float(parts[1])))

        threading.Thread(target=read, daemon=True).start()

    def ready(self) -> list[str]:
        line = self.lines.get(timeout=60)
        if not line.startswith("READY"):
            raise SystemExit(f"a child did not start: {line!r}")
        return line.split()

    def first(self, kind: str, after: float) -> tuple[int, float] | None:
        found = [(n, t) for k, n, t in self.events if k == kind and t >= after]
        return min(found, key=lambda e: e[1]) if found else None

    def count(self, kind: str, since: float, until: float) -> int:
        return sum(1 for k, _, t in self.events if k == kind and since <= t < until)


def spawn(*args: object) -> Child:
    process = subprocess.Popen(
        [sys.executable, str(HERE), *map(str, args)], stdout=subprocess.PIPE, text=True
    )
    child = Child(process)
    child.start_reading()
    return child


def recovery(console: Child, viewer: Child, since: float, steady: float) -> str:
    """Wait ``steady`` seconds, then say how soon after ``since`` each recovered."""
    time.sleep(steady)
    ack = console.first("ACK", since)
    if ack is None:
        return "the console stored nothing since"
    shown = [t for k, n, t in viewer.events if k == "SEEN" and n >= ack[0]]
    room = f"{(min(shown) - since) * 1000:.0f} ms" if shown else "never"
    stored = f"{(ack[1] - since) * 1000:.0f} ms"
    return f"the console stores again after {stored}, the room view shows it after {room}"


def main() -> int:
    if len(sys.argv) > 1 and sys.argv[1] == "console":
        console(sys.argv[2], sys.argv[3], int(sys.argv[4]))
        return 0
    if len(sys.argv) > 1 and sys.argv[1] == "room":
        room(sys.argv[2], int(sys.argv[3]))
        return 0
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--down", type=float, default=3.0, help="seconds the server is down")
    parser.add_argument("--steady", type=float, default=3.0, help="seconds between faults")
    args = parser.parse_args()
    with OwnCluster() as cluster, scratch_store(cluster.admin_url, "bench_faults") as team:
        assert team.url is not None
        url = team.url
        writer = spawn("console", url, "new", 1)
        session_id = int(writer.ready()[1])
        viewer = spawn("room", url, session_id)
        viewer.ready()
        time.sleep(args.steady)

        print(f"1. the server stopped for {args.down:.0f} s, then started again")
        down = time.time()
        cluster.halt()
        time.sleep(args.down)
        cluster.resume()
        back = time.time()
        refused = writer.count("REFUSED", down, back + args.steady)
        troubles = viewer.count("TROUBLE", down, back + args.steady)
        print(f"   writes refused while down: {refused}; room view said so {troubles} time(s)")
        print("   " + recovery(writer, viewer, back, args.steady))

        print("2. every connection to the database killed (pg_terminate_backend)")
        with psycopg.connect(cluster.admin_url, autocommit=True) as admin:
            killed_at = time.time()
            admin.execute(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                "WHERE datname = %s AND pid <> pg_backend_pid()",
                (url.rpartition("/")[2],),
            )
        print("   " + recovery(writer, viewer, killed_at, args.steady))
        refused = writer.count("REFUSED", killed_at, killed_at + args.steady)
        troubles = viewer.count("TROUBLE", killed_at, killed_at + args.steady)
        print(f"   writes refused: {refused}; room view said so {troubles} time(s)")

        print("3. the console killed with kill -9; a new console resumes the session")
        last = max(n for k, n, _ in writer.events if k in ("ACK", "REFUSED"))
        os.kill(writer.process.pid, signal.SIGKILL)
        killed_at = time.time()
        writer.process.wait(10)
        resumed = spawn("console", url, session_id, last + 1000)
        resumed.ready()
        print("   " + recovery(resumed, viewer, killed_at, args.steady))
        os.kill(resumed.process.pid, signal.SIGKILL)
        resumed.process.wait(10)
        time.sleep(2)  # the last notes reach the room view
        os.kill(viewer.process.pid, signal.SIGKILL)
        viewer.process.wait(10)

        acked = {n for child in (writer, resumed) for k, n, _ in child.events if k == "ACK"}
        with open_store(team, readonly=True) as store:
            stored = {int(note.text[1:]) for note in store.load_session(session_id)[1].notes}
        shown = {n for k, n, _ in viewer.events if k == "SEEN"}
        print(f"at the end: {len(acked)} notes acknowledged, {len(stored)} stored")
        print(f"  acknowledged but lost: {len(acked - stored)}")
        print(f"  stored but never acknowledged (in flight at a kill): {len(stored - acked)}")
        print(f"  stored but never shown by the room view: {len(stored - shown)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
