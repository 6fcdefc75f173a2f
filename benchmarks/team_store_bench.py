"""A team store of 2,000 sessions (about 2 million records): the team's views, and opening a
session, on PostgreSQL against the same store in a SQLite file, in one run.

Run: .venv/bin/python benchmarks/team_store_bench.py [--sessions 2000] [--runs 7] [--server URL]
     [--keep]  (keep both stores and say where; --reuse-file PATH --reuse-db NAME use them)

Both stores are built by benchmarks/team_bulk.py (seeds through the engine, copies in bulk).
For each of ``workshop sessions``, ``history CUSTOMER`` (a typical customer's five versions,
and the customer with the most), ``due`` and ``stats``:

- the command's work: ``workshop_tui.cli.main([...])`` in this process, output thrown away,
  after one warm-up run (imports done): opening the store, its queries, the table printed;
  median and worst of ``--runs``. Target (issue 30): under 300 ms on PostgreSQL;
- the whole command line: ``workshop --db ... COMMAND`` as a process, start-up and imports
  included, median of 5, and the same for ``workshop --version`` (what starting costs alone).

Opening a session of 1,000 records (benchmarks/make_session.py, left paused) stored in each
store, and in a SQLite file holding that session alone (a facilitator's own laptop; opening
a file checks it whole, so a file of 2 million records opens slower): in-process, the store
opened, the session claimed and read (``SessionEngine.reopen``, what ``workshop resume``
does before drawing) and let go, median of ``--runs``; and as the facilitator sees it,
``workshop resume`` launched in tmux until the session is on screen, median of 5. Target:
PostgreSQL within 1.5x of SQLite.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from make_session import BusySession, make_session
from team_bulk import Practice, build_practice
from team_server import database_url, scratch_store, server_url
from tmux_harness import TmuxServer, launch_time, median
from ui_bench import RESUMED_TEXT, workshop_command

from workshop_tui.cli import main as workshop_main
from workshop_tui.domain.clock import SystemClock
from workshop_tui.domain.engine import SessionEngine
from workshop_tui.locations import StoreLocation
from workshop_tui.storage import open_store

COMMAND_TARGET = 0.300
OPEN_TARGET = 1.5


def db_argument(location: StoreLocation | Path) -> str:
    if isinstance(location, Path):
        return str(location)
    return location.url or str(location.path)


def timed(action: Callable[[], object], runs: int) -> list[float]:
    action()  # warm-up: imports, caches, the server's first plans
    found = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        found.append(time.perf_counter() - start)
    return found


def work(location: StoreLocation, command: list[str]) -> Callable[[], object]:
    """The command run in this process, its output thrown away."""

    def run() -> None:
        with contextlib.redirect_stdout(io.StringIO()):
            status = workshop_main(["--db", db_argument(location), *command])
        if status:
            raise SystemExit(f"workshop {' '.join(command)} failed with status {status}")

    return run


def command_line(location: StoreLocation | None, command: list[str]) -> Callable[[], object]:
    script = Path(sys.executable).with_name("workshop")
    db = ["--db", db_argument(location)] if location is not None else []
    env = {**os.environ, "WORKSHOP_DATA_DIR": tempfile.gettempdir()}

    def run() -> None:
        subprocess.run([str(script), *db, *command], stdout=subprocess.DEVNULL, check=True, env=env)

    return run


def opening(location: StoreLocation, session_id: int) -> Callable[[], object]:
    def run() -> None:
        with open_store(location) as store:
            engine, _ = SessionEngine.reopen(session_id, store, SystemClock())
            assert engine.session.record_count > 900
            engine.close()

    return run


def resume_times(busy: dict[str, BusySession], runs: int) -> dict[str, list[float]]:
    """Seconds from launching ``workshop resume`` in tmux to the session on screen, each
    store in turn."""
    found: dict[str, list[float]] = {name: [] for name in busy}
    with tempfile.TemporaryDirectory() as data, TmuxServer() as server:
        env = {"WORKSHOP_DATA_DIR": data, "WORKSHOP_CONFIG_DIR": data}
        for _ in range(runs):
            for name, session in busy.items():
                command = workshop_command(
                    "--db", db_argument(session.db_path), "resume", str(session.session_id)
                )
                found[name].append(launch_time(server, command, RESUMED_TEXT, env=env))
    return found


def ms(seconds: float) -> str:
    return f"{seconds * 1000:7.0f} ms"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sessions", type=int, default=2000)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--server", help="a PostgreSQL superuser's URL")
    parser.add_argument("--keep", action="store_true", help="keep both stores afterwards")
    parser.add_argument("--reuse-file", type=Path, help="a SQLite store this built before")
    parser.add_argument("--reuse-db", help="a database on the server this built before")
    args = parser.parse_args()
    admin = server_url(args.server)
    with contextlib.ExitStack() as stack:
        if args.reuse_db and args.reuse_file:
            team = StoreLocation(url=database_url(admin, args.reuse_db))
            file = StoreLocation(path=args.reuse_file)
            built = [None, None]
        else:
            team = stack.enter_context(scratch_store(admin, "bench_team", keep=args.keep))
            folder = tempfile.mkdtemp(prefix="workshop-bench-team-")
            if not args.keep:
                stack.callback(lambda: [p.unlink() for p in Path(folder).iterdir()])
            file = StoreLocation(path=Path(folder) / "team.db")
            built = [build_practice(team, sessions=args.sessions)]
            built.append(build_practice(file, sessions=args.sessions))
            for practice in built:
                print(describe(practice))
            if args.keep:
                name = (team.url or "").rpartition("/")[2]
                print(f"kept: --reuse-file {file.path} --reuse-db {name}")
        practice = built[0]
        typical = practice.typical_customer if practice else "Customer 223"
        biggest = practice.biggest_customer if practice else "Customer 000"
        commands = [
            ["sessions"],
            ["history", typical],
            ["history", biggest],
            ["due"],
            ["stats"],
        ]
        print(
            f"\nThe team's views, {args.sessions} sessions (work: median and worst of {args.runs})"
        )
        print(
            f"{'command':<28}{'PostgreSQL':>22}{'SQLite':>22}{'target':>14}"
            f"{'whole command line: PG':>26}{'SQLite':>10}"
        )
        for command in commands:
            server = timed(work(team, command), args.runs)
            sqlite = timed(work(file, command), args.runs)
            whole_server = median(timed(command_line(team, command), 5))
            whole_sqlite = median(timed(command_line(file, command), 5))
            verdict = "PASS" if median(server) < COMMAND_TARGET else "MISS"
            print(
                f"{' '.join(command):<28}{ms(median(server))} / {ms(max(server))}"
                f"{ms(median(sqlite))} / {ms(max(sqlite))}   <300 ms {verdict}"
                f"{ms(whole_server):>16}{ms(whole_sqlite):>12}"
            )
        start = median(timed(command_line(None, ["--version"]), 5))
        print(f"{'workshop --version (start-up alone)':<74}{ms(start):>28}")
        alone = StoreLocation(path=Path(tempfile.mkdtemp(prefix="workshop-bench-one-")) / "one.db")
        stack.callback(lambda: alone.path.unlink() if alone.path else None)
        stores = {"PostgreSQL": team, "SQLite, same store": file, "SQLite, alone": alone}
        busy = {name: make_session(where, records=1000) for name, where in stores.items()}
        inside = {
            name: median(timed(opening(stores[name], b.session_id), args.runs))
            for name, b in busy.items()
        }
        shown = resume_times(busy, runs=5)
        print(
            f"\nOpening a session of 1,000 records ({args.sessions} sessions in the first two)\n"
            f"{'':<22}{'open, claim, read':>20}{'workshop resume, launch to screen':>36}"
        )
        for name in stores:
            print(f"  {name:<20}{ms(inside[name]):>20}{ms(median(shown[name])):>36}")
        for base in ("SQLite, same store", "SQLite, alone"):
            for what, figures in (("in-process", inside), ("as seen", None)):
                server = figures["PostgreSQL"] if figures else median(shown["PostgreSQL"])
                other = figures[base] if figures else median(shown[base])
                ratio = server / other
                verdict = "PASS" if ratio <= OPEN_TARGET else "MISS"
                print(f"  PostgreSQL / {base}, {what}: {ratio:.2f}x (<= {OPEN_TARGET}x) {verdict}")
    return 0


def describe(practice: Practice) -> str:
    return (
        f"built {practice.location}: {practice.sessions} sessions, {practice.records:,} records, "
        f"{practice.customers} customers, in {practice.seconds:.0f} s"
    )


if __name__ == "__main__":
    sys.exit(main())
