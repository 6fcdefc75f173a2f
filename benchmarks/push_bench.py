"""Offline-first: how long a push takes, and how soon a commit on the laptop is in the team store.

Run: .venv/bin/python benchmarks/push_bench.py --team postgresql://... [--records 1000]
     [--samples 60] [--repeats 3]

``--team`` is a PostgreSQL database this script may fill (each run makes a new database
beside it, named workshop_push_bench_<pid>, and drops it at the end; the URL's user must
be allowed to create databases). Prints:

1. the first push of a session of ``--records`` records from a laptop's SQLite file (median
   of ``--repeats`` fresh sessions), and a second push with nothing new;
2. with the console's background pusher running (``app.pushing.Pusher``, as the app runs
   it), from a note committed on the laptop to the team store's NOTIFY of the push that
   carried it: median and p95 over ``--samples`` notes, one at a time, a little apart.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import threading
import time
from datetime import UTC, datetime
from pathlib import Path

import psycopg
from make_session import make_session
from psycopg import sql

from workshop_tui.app.pushing import Pusher
from workshop_tui.domain.records import Note
from workshop_tui.locations import StoreLocation
from workshop_tui.storage.opener import open_store
from workshop_tui.storage.server import upgrade_server_store
from workshop_tui.storage.sync.push import Stores, push_all


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def fresh_team(admin_url: str) -> str:
    name = f"workshop_push_bench_{time.monotonic_ns() % 10**9}"
    with psycopg.connect(admin_url, autocommit=True) as admin:
        admin.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    url = admin_url.rsplit("/", 1)[0] + "/" + name
    upgrade_server_store(StoreLocation(url=url))
    return url


def drop(admin_url: str, url: str) -> None:
    name = url.rsplit("/", 1)[1].split("?")[0]
    with psycopg.connect(admin_url, autocommit=True) as admin:
        admin.execute(
            sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
        )


def first_push(admin_url: str, records: int, folder: Path) -> tuple[float, float, int]:
    url = fresh_team(admin_url)
    try:
        busy = make_session(folder / f"laptop-{time.monotonic_ns()}.db", records=records)
        with open_store(busy.db_path) as laptop, open_store(StoreLocation(url=url)) as team:
            stores = Stores(laptop.engine, team.engine, laptop.where, team.where)
            started = time.perf_counter()
            (pushed,) = push_all(stores)
            first = time.perf_counter() - started
            started = time.perf_counter()
            assert push_all(stores) == []
            again = time.perf_counter() - started
        return first, again, pushed.records
    finally:
        drop(admin_url, url)


def commit_to_team(admin_url: str, samples: int, folder: Path) -> list[float]:
    url = fresh_team(admin_url)
    delays: list[float] = []
    try:
        busy = make_session(folder / "live.db", records=200)
        with open_store(busy.db_path) as laptop:
            laptop.open_session(busy.session_id, datetime.now(UTC))
            pusher = Pusher(laptop, StoreLocation(url=url), lambda state: None)
            thread = threading.Thread(target=pusher.run, daemon=True)
            thread.start()
            with psycopg.connect(url, autocommit=True) as listener:
                listener.execute("LISTEN workshop_tui")
                time.sleep(1.5)  # the first round pushes the session itself
                list(listener.notifies(timeout=0.5))
                for number in range(samples):
                    started = time.perf_counter()
                    laptop.add_record(
                        busy.session_id, Note("opening", datetime.now(UTC), f"note {number}")
                    )
                    for _ in listener.notifies(timeout=10, stop_after=1):
                        delays.append(time.perf_counter() - started)
                    time.sleep(0.15)
                    list(listener.notifies(timeout=0))
            pusher.stop()
            thread.join(timeout=10)
    finally:
        drop(admin_url, url)
    return delays


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--team", required=True, help="a PostgreSQL URL (its server is used)")
    parser.add_argument("--records", type=int, default=1000)
    parser.add_argument("--samples", type=int, default=60)
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="workshop-push-") as folder:
        runs = [first_push(args.team, args.records, Path(folder)) for _ in range(args.repeats)]
        firsts = [run[0] for run in runs]
        print(
            f"first push of a {runs[0][2]}-record session: median "
            f"{statistics.median(firsts) * 1000:.0f} ms (runs: "
            + ", ".join(f"{f * 1000:.0f}" for f in firsts)
            + " ms)"
        )
        print(
            "a push with nothing new: median "
            f"{statistics.median(run[1] for run in runs) * 1000:.1f} ms"
        )
        delays = commit_to_team(args.team, args.samples, Path(folder))
        print(
            f"commit on the laptop to the team store (background push, n={len(delays)}): "
            f"median {statistics.median(delays) * 1000:.1f} ms, p95 {p95(delays) * 1000:.1f} ms"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
