"""Renegotiating against resuming a session of 1,000 records, in tmux: both in one run.

Run: .venv/bin/python benchmarks/renegotiate_bench.py [--repeats 5] [--records 1000]

Each round stores a session of ``records`` records (benchmarks/make_session.py), then:

- resume: ``workshop resume SESSION`` from the command until the part is on screen and
  the pane is still;
- renegotiate: the session is finished, then ``workshop renegotiate SESSION`` from the
  command until its set-up shows the renegotiation note and the pane is still.

The target (issue 13): renegotiate's set-up opens within the same bound as resuming, so
the median renegotiation is at most 1.2x the median resume (both are measured from the
command, start-up included, in the same run). The quiet time that proves the pane is
still is not counted.
"""

from __future__ import annotations

import argparse
import shlex
import shutil
import sys
import tempfile
import time
from pathlib import Path

from make_session import make_session
from tmux_harness import TmuxServer, launched, median, p95, wait_for, wait_until_still

from workshop_tui.domain.clock import SystemClock
from workshop_tui.domain.engine import SessionEngine
from workshop_tui.storage import open_store

QUIET = 0.3
TARGET = 1.2


def workshop(*args: str | Path) -> str:
    script = Path(sys.executable).parent / "workshop"
    head = [str(script)] if script.exists() else [sys.executable, "-m", "workshop_tui"]
    return shlex.join([*head, *map(str, args)])


def opened(server: TmuxServer, command: str, shows: str, env: dict[str, str]) -> float:
    """Seconds from launching ``command`` until ``shows`` is on screen and it is still."""
    start = time.perf_counter()
    with launched(server, command, env=env) as pane:
        wait_for(pane, lambda screen: shows in screen, timeout=60, what=shows)
        wait_until_still(pane, quiet=QUIET, timeout=60)
        took = time.perf_counter() - start - QUIET
        pane.send_keys("q")
    return took


def finish(db: Path, session_id: int) -> None:
    with open_store(db) as store:
        engine, _ = SessionEngine.reopen(session_id, store, SystemClock())
        engine.timing.finish()
        engine.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--records", type=int, default=1000)
    args = parser.parse_args(argv)
    resume: list[float] = []
    renegotiate: list[float] = []
    folder = Path(tempfile.mkdtemp(prefix="workshop-renegotiate-bench-"))
    env = {"WORKSHOP_DATA_DIR": str(folder), "WORKSHOP_CONFIG_DIR": str(folder)}
    try:
        with TmuxServer() as server:
            for round_ in range(args.repeats):
                db = folder / f"s{round_}.db"
                busy = make_session(db, records=args.records)
                sid = busy.session_id
                resume.append(opened(server, workshop("--db", db, "resume", sid), "Part 3", env))
                finish(db, sid)
                command = workshop("--db", db, "renegotiate", sid)
                renegotiate.append(opened(server, command, "Version 2 of the agreement", env))
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    print(f"{args.records} records, {args.repeats} rounds, from the command (start-up included)")
    for name, values in (("resume", resume), ("renegotiate", renegotiate)):
        print(
            f"  {name:<12} median {median(values) * 1000:6.0f} ms  p95 {p95(values) * 1000:6.0f} ms"
        )
    got = median(renegotiate) / median(resume)
    verdict = "PASS" if got <= TARGET else "MISS"
    print(f"renegotiate / resume (median): {got:.2f}x  {verdict} (target {TARGET}x)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
