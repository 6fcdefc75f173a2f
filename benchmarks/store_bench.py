"""How fast the SQLite store is: durable commits and loading big sessions.

Run: .venv/bin/python benchmarks/store_bench.py

(a) one ``add_record`` (a Note), committed with ``synchronous=FULL``, 1,000 times:
    median and p95 in ms (target p95 <= 3 ms);
(b) one ``extend(60)`` through the session engine, 1,000 times (the ``e`` key's
    store cost: a progress save with its timing row), median and p95 in ms;
(c) opening the file: ``open_store`` for writing and read-only, and a read-only
    open plus ``list_sessions`` (what ``workshop sessions`` does), best of 20;
(d) sessions of 1k, 10k and 100k records over every kind: ``open_store`` plus
    ``load_session`` (target 10k <= 0.5 s), what the SQL checks of the session's own
    rows cost within that, and ``PRAGMA quick_check`` for scale;
(e) ``add_records`` of six initials in one transaction (a section initialled for
    everyone present at once), 300 times: median and p95 in ms.
Databases live in a temporary folder that is removed afterwards.
"""

from __future__ import annotations

import os
import statistics
import tempfile
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import insert

from workshop_tui.content.model import Script
from workshop_tui.domain.clock import SystemClock
from workshop_tui.domain.engine import SessionEngine
from workshop_tui.domain.kinds import CynefinDomain, DecisionMethod, PromiseStatus
from workshop_tui.domain.records import (
    ActionItem,
    Classification,
    Decision,
    Note,
    Objection,
    Promise,
    Record,
    SignOff,
)
from workshop_tui.domain.snapshot import PartTiming, SessionSetup
from workshop_tui.storage.database import make_engine, sqlite_url, writer
from workshop_tui.storage.opener import open_store
from workshop_tui.storage.record_rows import KIND_OF

START = datetime(2026, 11, 21, 9, 0, tzinfo=UTC)

SCRIPT = Script.model_validate(
    {
        "id": "bench",
        "title": "Benchmark workshop",
        "purpose": "Measure the store",
        "duration": "2h",
        "parts": [
            {"name": "Open", "duration": "20m"},
            {"name": "Classify", "duration": "40m", "activity": {"kind": "cynefin"}},
            {"name": "Close", "duration": "1h"},
        ],
    }
)


def sample_record(n: int) -> Record:
    """The n-th record of a busy session, cycling through every kind."""
    at = START + timedelta(seconds=n)
    key = f"k{n % 97}"
    match n % 6:
        case 0:
            return Note("open", at, f"note {n}: the room agreed — next step ✅")
        case 1:
            return Classification("classify", at, key, f"item {n}", list(CynefinDomain)[n % 5])
        case 2:
            return Promise("classify", at, key, "Lab", f"promise {n}", PromiseStatus.AGREED)
        case 3:
            wording = "We agree the scope.\n\nSupplier promises:\n- promise one\n- promise two"
            return SignOff(
                "close", at, "scope", "Scope", f"person {n}", "lead", "AB", wording=wording
            )
        case 4:
            return Decision(
                "close",
                at,
                key,
                f"question {n}?",
                DecisionMethod.FIST_OF_FIVE,
                "yes",
                True,
                rounds=({"3": 2, "5": 4},),
                objections=(Objection("too soon", "moved a week"),),
            )
        case _:
            return ActionItem("close", at, key, f"action {n}", "Sam", date(2026, 12, 1))


def new_session(path: Path) -> int:
    with open_store(path) as store:
        timings = [PartTiming(part.id, part.duration) for part in SCRIPT.parts]
        return store.create_session(SCRIPT, "# yaml", SessionSetup("Acme"), timings, START)


def bench_fsync(folder: Path, calls: int = 1000) -> None:
    """The disk's own latency, as SQLite syncs its log: rewrite 4 KiB, then fdatasync."""
    laps: list[float] = []
    descriptor = os.open(folder / "fsync.bin", os.O_WRONLY | os.O_CREAT, 0o600)
    try:
        for _ in range(calls):
            os.pwrite(descriptor, b"x" * 4096, 0)
            began = time.perf_counter()
            os.fdatasync(descriptor)
            laps.append((time.perf_counter() - began) * 1000)
    finally:
        os.close(descriptor)
    laps.sort()
    print(
        f"(-) raw fdatasync of 4 KiB x{calls}: median {statistics.median(laps):.3f} ms, "
        f"p95 {laps[int(len(laps) * 0.95) - 1]:.3f} ms  (the disk's floor, for scale)"
    )


def bench_commits(folder: Path, calls: int = 1000) -> None:
    path = folder / "commits.db"
    session_id = new_session(path)
    with open_store(path) as store:
        store.open_session(session_id, START)  # a writer holds the session it writes to
        for n in range(20):  # warm up the connection pool and statement cache
            store.add_record(session_id, Note("open", START, f"warm {n}"))
        laps: list[float] = []
        for n in range(calls):
            note = Note("open", START + timedelta(seconds=n), f"note {n}")
            began = time.perf_counter()
            store.add_record(session_id, note)
            laps.append((time.perf_counter() - began) * 1000)
    laps.sort()
    p95 = laps[int(len(laps) * 0.95) - 1]
    print(
        f"(a) add_record x{calls}: median {statistics.median(laps):.3f} ms, "
        f"p95 {p95:.3f} ms, max {laps[-1]:.3f} ms  (target p95 <= 3 ms)"
    )


def bench_extends(folder: Path, calls: int = 1000) -> None:
    path = folder / "extends.db"
    store = open_store(path)
    setup = SessionSetup("Acme")
    engine = SessionEngine.begin(SCRIPT, "# yaml", setup, store, SystemClock())
    engine.timing.start()
    for _ in range(20):
        engine.timing.extend(60)
    laps: list[float] = []
    for _ in range(calls):
        began = time.perf_counter()
        engine.timing.extend(60)
        laps.append((time.perf_counter() - began) * 1000)
    store.close()
    laps.sort()
    print(
        f"(b) extend(60) x{calls}: median {statistics.median(laps):.3f} ms, "
        f"p95 {laps[int(len(laps) * 0.95) - 1]:.3f} ms, max {laps[-1]:.3f} ms"
    )


def bench_opens(folder: Path, runs: int = 20) -> None:
    path = folder / "opens.db"
    new_session(path)
    laps: dict[str, list[float]] = {"write": [], "read-only": [], "sessions": []}
    for _ in range(runs):
        began = time.perf_counter()
        open_store(path).close()
        laps["write"].append(time.perf_counter() - began)
        began = time.perf_counter()
        open_store(path, readonly=True).close()
        laps["read-only"].append(time.perf_counter() - began)
        began = time.perf_counter()
        with open_store(path, readonly=True) as store:
            store.list_sessions()
        laps["sessions"].append(time.perf_counter() - began)
    figures = ", ".join(
        f"{name} {min(times) * 1000:.2f} ms (median {statistics.median(times) * 1000:.2f})"
        for name, times in laps.items()
    )
    print(f"(c) open_store, best of {runs}: {figures}")


def bench_initial_everyone(folder: Path, calls: int = 300) -> None:
    path = folder / "initials.db"
    session_id = new_session(path)
    wording = "We agree the scope.\n\nSupplier promises:\n- promise one\n- promise two"
    with open_store(path) as store:
        store.open_session(session_id, START)  # a writer holds the session
        laps: list[float] = []
        for n in range(calls):
            at = START + timedelta(seconds=n)
            rows = [
                SignOff(
                    "close",
                    at,
                    f"s{n}",
                    "Section",
                    f"person {r}",
                    f"role {r}",
                    "AB",
                    wording=wording,
                )
                for r in range(6)
            ]
            began = time.perf_counter()
            store.add_records(session_id, rows)
            laps.append((time.perf_counter() - began) * 1000)
    laps.sort()
    print(
        f"(e) add_records of 6 initials x{calls}: median {statistics.median(laps):.3f} ms, "
        f"p95 {laps[int(len(laps) * 0.95) - 1]:.3f} ms  (one transaction each)"
    )


def fill(path: Path, session_id: int, count: int) -> None:
    """Insert ``count`` records in bulk (the fast way to build a test database)."""
    rows: dict[Any, list[dict[str, Any]]] = {}
    for n in range(count):
        record = sample_record(n)
        kind = KIND_OF[type(record)]
        rows.setdefault(kind.table, []).append({**kind.to_row(record), "session_id": session_id})
    engine = make_engine(sqlite_url(path))
    with writer(engine).begin() as connection:
        for table, batch in rows.items():
            connection.execute(insert(table), batch)
    engine.dispose()


def bench_loads(folder: Path, sizes: tuple[int, ...] = (1_000, 10_000, 100_000)) -> None:
    for size in sizes:
        path = folder / f"load-{size}.db"
        session_id = new_session(path)
        fill(path, session_id, size)
        laps: list[tuple[float, float]] = []
        for _ in range(5):
            began = time.perf_counter()
            store = open_store(path)
            opened = time.perf_counter()
            _, snapshot = store.load_session(session_id)
            loaded = time.perf_counter()
            store.close()
            laps.append((opened - began, loaded - began))
            assert snapshot.record_count == size
        open_s, total_s = min(laps, key=lambda lap: lap[1])
        check_s = quick_check_seconds(path)
        values_s = value_check_seconds(path, session_id)
        print(
            f"(d) {size:>7,} records: open {open_s * 1000:6.1f} ms, open + load "
            f"{total_s * 1000:7.1f} ms (best of 5, median "
            f"{statistics.median(lap[1] for lap in laps) * 1000:7.1f} ms), of which SQL "
            f"checks {values_s * 1000:4.1f} ms; quick_check {check_s * 1000:6.1f} ms; "
            f"file {path.stat().st_size / 1e6:.1f} MB"
        )


def value_check_seconds(path: Path, session_id: int) -> float:
    """What ``load_session``'s SQL checks of the session's own rows cost (best of 5).

    Its records are checked as they are converted: that cost is inside the load.
    """
    from workshop_tui.storage.integrity import check_session

    engine = make_engine(sqlite_url(path, readonly=True))
    laps: list[float] = []
    with engine.connect() as connection:
        for _ in range(5):
            began = time.perf_counter()
            check_session(connection, session_id, str(path))
            laps.append(time.perf_counter() - began)
    engine.dispose()
    return min(laps)


def quick_check_seconds(path: Path) -> float:
    engine = make_engine(sqlite_url(path, readonly=True))
    with engine.connect() as connection:
        began = time.perf_counter()
        connection.exec_driver_sql("PRAGMA quick_check").all()
        spent = time.perf_counter() - began
    engine.dispose()
    return spent


def main() -> None:
    with tempfile.TemporaryDirectory(prefix="workshop-store-bench-") as folder:
        print(f"databases in {folder}")
        bench_fsync(Path(folder))
        bench_commits(Path(folder))
        bench_extends(Path(folder))
        bench_opens(Path(folder))
        bench_loads(Path(folder))
        bench_initial_everyone(Path(folder))
    print("10k target: open + load <= 500 ms")


if __name__ == "__main__":
    main()
