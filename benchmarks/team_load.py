"""Load on a team store: 20 consoles writing 20 sessions at once, 40 room views following them.

Run: .venv/bin/python benchmarks/team_load.py [--consoles 20] [--rooms-per-session 2]
     [--seconds 60] [--interval 1.0] [--server URL]

Every console and every room view is a process of its own, with its own connections, as on
the team's laptops and room PCs. A console (``console`` below) begins a session of the
Customer Working Agreement through the real engine and, once all are ready, stores a note
every ``--interval`` seconds (0.5x to 1.5x, at random) for ``--seconds``, with one more
minute on the part every tenth write; it remembers the moment each write returned (what the
facilitator would see as done). A room view (``room``) follows one session with the real
``Follower``, looking as ``workshop room`` does (a commit wakes it through LISTEN/NOTIFY; it
beats every 2 s; after a failed look it says so and tries again a second later), and notes
the moment each note first reached it.

It prints errors (consoles and room views), lost updates (a write acknowledged but not in
the store at the end, or stored but never acknowledged), notes a room view never showed,
and commit-to-room latency: the p95 of each room view, and over all of them.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

import psycopg
from team_server import scratch_store, server_url
from tmux_harness import median, p95

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
BEAT_SECONDS = 2.0
RETRY_SECONDS = 1.0
POLL_SECONDS = 0.05


# -- a console ---------------------------------------------------------------------------------
def console(url: str, number: int, seconds: float, interval: float) -> None:
    """Begin a session, say READY, wait for GO, write for ``seconds``, print what was done."""
    loaded = load_script(find_script("customer-working-agreement"))
    store = open_store(StoreLocation(url=url))
    setup = SessionSetup(customer=f"Load {number:02d}", facilitator=f"Console {number:02d}")
    engine = SessionEngine.begin(loaded.script, loaded.source, setup, store, SystemClock())
    engine.timing.start()
    print(f"READY {engine.session.id}", flush=True)
    sys.stdin.readline()  # GO
    cpu_at_go = time.process_time()
    acked: dict[str, float] = {}
    extends = 0
    errors: list[str] = []
    end = time.monotonic() + seconds
    writes = 0
    while time.monotonic() < end:
        time.sleep(interval * random.uniform(0.5, 1.5))
        writes += 1
        try:
            text = f"c{number}-{writes}"
            engine.notes.add(text)
            acked[text] = time.time()
            if writes % 10 == 0:
                engine.timing.extend(60)
                extends += 1
        except StoreError as error:
            errors.append(str(error))
    engine.close()
    store.close()
    result = {
        "session": engine.session.id,
        "acked": acked,
        "extends": extends,
        "errors": errors,
        "cpu": time.process_time() - cpu_at_go,
    }
    print(json.dumps(result), flush=True)


# -- a room view -------------------------------------------------------------------------------
def room(url: str, session_id: int) -> None:
    """Follow the session as ``workshop room`` does until told STOP; print what reached it."""
    follower = Follower(StoreLocation(url=url), session_id)
    seen: dict[str, float] = {}
    errors: list[str] = []
    stop = threading.Event()
    threading.Thread(target=lambda: (sys.stdin.readline(), stop.set()), daemon=True).start()
    next_beat = 0.0
    follower.poll()  # the first read, before the others start writing
    cpu_at_ready = time.process_time()
    print("READY", flush=True)
    while not stop.is_set():
        try:
            changed, followed = follower.poll()
            if time.monotonic() >= next_beat:
                follower.beat(SystemClock().now())
                next_beat = time.monotonic() + BEAT_SECONDS
            if changed and followed is not None:
                now = time.time()
                for note in followed.session.notes:
                    seen.setdefault(note.text, now)
            follower.wait(POLL_SECONDS)
        except StoreError as error:
            errors.append(str(error))
            time.sleep(RETRY_SECONDS)
    follower.close()
    cpu = time.process_time() - cpu_at_ready
    print(
        json.dumps({"session": session_id, "seen": seen, "errors": errors, "cpu": cpu}), flush=True
    )


# -- the run -----------------------------------------------------------------------------------
def spawn(*args: object) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, str(HERE), *map(str, args)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )


def cpu_ticks() -> tuple[int, int]:
    """(busy, all) CPU ticks of the whole machine so far (Linux /proc/stat)."""
    values = [int(v) for v in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
    idle = values[3] + values[4]
    return sum(values) - idle, sum(values)


def server_backends(url: str) -> list[int]:
    """The server processes serving the team store's database now (consoles, room views)."""
    with psycopg.connect(url, autocommit=True) as connection:
        rows = connection.execute(
            "SELECT pid FROM pg_stat_activity "
            "WHERE datname = current_database() AND pid <> pg_backend_pid()"
        ).fetchall()
    return [pid for (pid,) in rows]


def backend_seconds(pids: list[int]) -> float:
    """CPU seconds the given server processes used so far (Linux /proc; 0 for one gone)."""
    total = 0
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        total += int(fields[11]) + int(fields[12])  # utime, stime
    return total / os.sysconf("SC_CLK_TCK")


def expect_ready(process: subprocess.Popen[str]) -> str:
    assert process.stdout is not None
    line = process.stdout.readline()
    if not line.startswith("READY"):
        raise SystemExit(f"a process did not start: {line!r}")
    return line


def tell(process: subprocess.Popen[str], word: str) -> None:
    assert process.stdin is not None
    process.stdin.write(word + "\n")
    process.stdin.flush()


def result(process: subprocess.Popen[str]) -> dict[str, Any]:
    assert process.stdout is not None
    line = process.stdout.readline()
    process.wait(60)
    return json.loads(line)  # type: ignore[no-any-return]


def stored_notes(url: str, session_id: int) -> tuple[list[str], int]:
    with open_store(StoreLocation(url=url), readonly=True) as store:
        session = store.load_session(session_id)[1]
    return [note.text for note in session.notes], session.timings[0].extra_seconds


def run(url: str, consoles: int, per_session: int, seconds: float, interval: float) -> None:
    began = time.perf_counter()
    writers = [spawn("console", url, n, seconds, interval) for n in range(consoles)]
    sessions = [int(expect_ready(w).split()[1]) for w in writers]
    viewers = [(s, spawn("room", url, s)) for s in sessions for _ in range(per_session)]
    for _, viewer in viewers:
        expect_ready(viewer)
    up = time.perf_counter() - began
    print(f"{consoles} consoles and {len(viewers)} room views up in {up:.0f} s")
    before = cpu_ticks()
    backends = server_backends(url)
    server_before = backend_seconds(backends)
    for writer in writers:
        tell(writer, "GO")
    written = [result(w) for w in writers]
    busy, total = (after - first for after, first in zip(cpu_ticks(), before, strict=True))
    time.sleep(2 * RETRY_SECONDS)  # the last commits reach every room view
    server = backend_seconds(backends) - server_before
    print(f"the machine's CPUs were {100 * busy / total:.0f} % busy while the consoles wrote")
    for _, viewer in viewers:
        tell(viewer, "STOP")
    followed = [result(v) for _, v in viewers]
    report(url, written, followed, seconds, server)


def report(
    url: str,
    written: list[dict[str, Any]],
    followed: list[dict[str, Any]],
    seconds: float,
    server: float,
) -> None:
    by_session = {w["session"]: w for w in written}
    acked_total = sum(len(w["acked"]) for w in written)
    lost = extra = 0
    for w in written:
        notes, extra_seconds = stored_notes(url, w["session"])
        lost += len(set(w["acked"]) - set(notes))
        extra += len(set(notes) - set(w["acked"]))
        lost += int(extra_seconds != 60 * w["extends"])
    console_errors = sum(len(w["errors"]) for w in written)
    room_errors = sum(len(f["errors"]) for f in followed)
    missed = 0
    every: list[float] = []
    per_room: list[float] = []
    for f in followed:
        acked = by_session[f["session"]]["acked"]
        delays = [f["seen"][text] - at for text, at in acked.items() if text in f["seen"]]
        missed += len(acked) - len(delays)
        every.extend(delays)
        per_room.append(p95(delays))
    print(
        f"{len(written)} consoles, {len(followed)} room views, {seconds:.0f} s: "
        f"{acked_total} writes acknowledged ({acked_total / seconds:.1f} a second)"
    )
    print(f"  errors: consoles {console_errors}, room views {room_errors}")
    writes = max(1, acked_total)
    consoles = 1000 * sum(w["cpu"] for w in written) / writes
    rooms = 1000 * sum(f["cpu"] for f in followed) / writes
    print(
        f"  CPU ms a write (start-up left out): consoles {consoles:.1f}, "
        f"room views {rooms:.1f}, the server {1000 * server / writes:.1f}"
    )
    print(f"  lost updates: {lost} (acknowledged but not stored); stored unacknowledged: {extra}")
    print(f"  notes a room view never showed: {missed}")
    print(
        f"  commit to room view, all: median {median(every) * 1000:.0f} ms, "
        f"p95 {p95(every) * 1000:.0f} ms, max {max(every) * 1000:.0f} ms (n={len(every)})"
    )
    ordered = sorted(per_room)
    print(
        f"  p95 of each room view: best {ordered[0] * 1000:.0f} ms, "
        f"median {median(ordered) * 1000:.0f} ms, worst {ordered[-1] * 1000:.0f} ms"
    )
    print("  each room view's p95 (ms): " + " ".join(f"{v * 1000:.0f}" for v in per_room))


def main() -> int:
    if len(sys.argv) > 1 and sys.argv[1] == "console":
        console(sys.argv[2], int(sys.argv[3]), float(sys.argv[4]), float(sys.argv[5]))
        return 0
    if len(sys.argv) > 1 and sys.argv[1] == "room":
        room(sys.argv[2], int(sys.argv[3]))
        return 0
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--consoles", type=int, default=20)
    parser.add_argument("--rooms-per-session", type=int, default=2)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--interval", type=float, default=1.0)
    parser.add_argument("--server", help="a PostgreSQL superuser's URL")
    args = parser.parse_args()
    with scratch_store(server_url(args.server), "bench_load") as team:
        assert team.url is not None
        run(team.url, args.consoles, args.rooms_per_session, args.seconds, args.interval)
    return 0


if __name__ == "__main__":
    sys.exit(main())
