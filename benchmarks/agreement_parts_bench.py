"""Entering and leaving the promises and sign-off parts, and a dialog over each, in tmux.

Run: .venv/bin/python benchmarks/agreement_parts_bench.py [--repeats 3] [--sizes 10 100 1000]

Each size N is a Customer Working Agreement session whose promises part holds N
promise records (tabled, marked, amended) and whose sign-off part holds N
sign-off records (initials, holds, withdrawals), paused on part 2. In a real
terminal (100x30), each change is timed from the key press until the pane shows
the new screen's own text and has stopped changing:

- PgDn into "Negotiate Promises", ``n`` (a dialog over it) and Escape, PgDn out,
- PgDn into "Sign-off", ``n`` and Escape, PgUp out.

``--workshop CMD`` launches another build of the app (an older checkout, to
take "before" figures against the same sessions).

Figures move with machine load; compare runs taken one after the other.
"""

from __future__ import annotations

import argparse
import shlex
import shutil
import tempfile
from datetime import UTC, datetime, timedelta
from pathlib import Path

from make_session import SCRIPT_ID, SETUP
from screen_bench import timed, workshop
from tmux_harness import TmuxServer, launched, median, p95, wait_for, wait_until_still

from workshop_tui.content.catalog import find_script
from workshop_tui.content.loader import load_script
from workshop_tui.domain.clock import FakeClock
from workshop_tui.domain.engine import EngineError, SessionEngine
from workshop_tui.domain.kinds import PromiseStatus
from workshop_tui.storage import open_store

CHANGES = (
    "enter promises",
    "dialog on promises",
    "leave promises",
    "enter sign-off",
    "dialog on sign-off",
    "leave sign-off",
)


def agreement_session(db_path: Path, records: int) -> int:
    """A stored session with ``records`` promise rows and as many sign-off rows; its id."""
    loaded = load_script(find_script(SCRIPT_ID))
    script = loaded.script
    clock = FakeClock(datetime.now(UTC).replace(microsecond=0) - timedelta(hours=2))
    engine = SessionEngine.begin(script, loaded.source, SETUP, open_store(db_path), clock)
    engine.timing.start()
    engine.timing.go_to(script.part_index("negotiate-promises"))
    parties = [p.name for p in engine.part.activity.parties]  # type: ignore[union-attr]
    keys: list[str] = []
    statuses = list(PromiseStatus)
    for n in range(records):
        if keys and n % 3:
            key = keys[n % len(keys)]
            if n % 3 == 1:
                engine.promises.set(key, status=statuses[n % len(statuses)], reason=f"reason {n}")
            else:
                engine.promises.amend(key, f"Promise {n}: answer within one working day, reworded")
        else:
            text = f"Promise {n}: answer every question within one working day"
            keys.append(engine.promises.add(parties[n % len(parties)], text).key)
    engine.timing.go_to(script.part_index("sign-off"))
    activity = engine.part.activity
    sections = activity.sections  # type: ignore[union-attr]
    for n in range(records):
        section = sections[n % len(sections)]
        role = activity.roles_for(section)[n % len(activity.roles_for(section))]  # type: ignore[union-attr]
        try:
            if n % 4 == 3:
                engine.signoff.hold(section.id, role, f"reason {n}")
            else:
                engine.signoff.sign(section.id, f"Person {n}", role, "AB")
        except EngineError:
            engine.signoff.sign(section.id, f"Person {n}", role, "AB")
    engine.timing.go_to(1)
    engine.timing.pause()
    return engine.session.id


def run(
    server: TmuxServer, records: int, repeats: int, launcher: str | None = None
) -> dict[str, list[float]]:
    figures: dict[str, list[float]] = {name: [] for name in CHANGES}
    folder = Path(tempfile.mkdtemp(prefix="workshop-agreement-bench-"))
    try:
        for round_ in range(repeats):
            db = folder / f"s{round_}.db"
            session_id = agreement_session(db, records)
            env = {"WORKSHOP_DATA_DIR": str(folder), "WORKSHOP_CONFIG_DIR": str(folder)}
            args = ("--db", db, "resume", session_id)
            command = (
                workshop(*args) if launcher is None else shlex.join([launcher, *map(str, args)])
            )
            with launched(server, command, env=env) as pane:
                wait_for(pane, lambda s: "Part 2 of 6" in s, timeout=60)
                wait_until_still(pane, quiet=0.5, timeout=60)
                add = figures.__getitem__
                add("enter promises").append(timed(pane, ["PageDown"], "Part 3 of 6"))
                add("dialog on promises").append(timed(pane, ["n"], "Note on"))
                timed(pane, ["Escape"], lambda s: "Note on" not in s)
                add("leave promises").append(timed(pane, ["PageDown"], "Part 4 of 6"))
                add("enter sign-off").append(timed(pane, ["PageDown"], "Part 5 of 6"))
                add("dialog on sign-off").append(timed(pane, ["n"], "Note on"))
                timed(pane, ["Escape"], lambda s: "Note on" not in s)
                add("leave sign-off").append(timed(pane, ["PageUp"], "Part 4 of 6"))
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    return figures


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--sizes", type=int, nargs="+", default=[10, 100, 1000])
    parser.add_argument("--workshop", help="the command that launches the app (default: ours)")
    args = parser.parse_args(argv)
    with TmuxServer() as server:
        results = {size: run(server, size, args.repeats, args.workshop) for size in args.sizes}
    print(f"{'records':>7}  {'change':<20} {'median':>8} {'p95':>8}")
    for size, figures in results.items():
        for name, values in figures.items():
            print(
                f"{size:>7}  {name:<20} {median(values) * 1000:6.0f}ms {p95(values) * 1000:6.0f}ms"
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
