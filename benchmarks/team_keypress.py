"""A keypress that stores something: a team store on PostgreSQL over loopback against a
SQLite file, in one run.

Run: .venv/bin/python benchmarks/team_keypress.py [--presses 50] [--records 1000] [--server URL]

The same busy session (benchmarks/make_session.py: 1,000 records, left on the "Next steps"
part of the Customer Working Agreement) is stored in a SQLite file and in a scratch database
on the server (``--server``, else ``WORKSHOP_TEST_PG``). ``workshop --db ... resume ID`` runs
on each, side by side in tmux (100x30), and they are pressed in turn:

- ``d``: the selected action done / not done, each press one ActionItem record stored
  (timed until the board's "N done" shows the new count);
- ``e``: one more minute, each press a progress save (timed until the big countdown shows
  the new reading, as ui_bench.py does).

Target (issue 30): the p95 on PostgreSQL within 2x the p95 on SQLite. It also prints what
one stored record costs in-process on each (``add_record`` of a note, 300 times, after a
pause like a keypress), the store's own share of a key.
"""

from __future__ import annotations

import argparse
import re
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from make_session import SCRIPT_ID, SETUP, BusySession, make_session
from team_server import scratch_store, server_url
from tmux_harness import Pane, TmuxServer, launched, median, p95, wait_for, wait_until_still
from ui_bench import RESUMED_TEXT, shows_reading, workshop_command

from workshop_tui.content.catalog import find_script
from workshop_tui.content.durations import format_clock
from workshop_tui.content.loader import load_script
from workshop_tui.domain.records import Note
from workshop_tui.locations import StoreLocation
from workshop_tui.storage import open_store

PART = "next-steps"
DONE = re.compile(r"· (\d+) done ·")
TARGET = 2.0


def below_header(screen: str) -> str:
    """The screen without its first line (the header's clock moves every second)."""
    return screen.split("\n", 1)[1] if "\n" in screen else ""


def done_count(screen: str) -> int | None:
    """The actions board's "N done"."""
    found = DONE.search(screen)
    return None if found is None else int(found.group(1))


def press(pane: Pane, key: str, answered: Callable[[str], bool]) -> float:
    start = time.perf_counter()
    pane.send_keys(key)
    wait_for(pane, answered, poll=0.0005, what=f"the answer to {key}")
    return time.perf_counter() - start


def db_argument(where: Path | StoreLocation) -> str:
    if isinstance(where, StoreLocation):
        return where.url or str(where.path)
    return str(where)


def keypresses(
    busy: dict[str, BusySession], presses: int, settle: float, data: str
) -> dict[str, dict[str, list[float]]]:
    """Seconds from each key to its answer on screen, by key and by store."""
    times: dict[str, dict[str, list[float]]] = {"d": {}, "e": {}}
    env = {"WORKSHOP_DATA_DIR": data, "WORKSHOP_CONFIG_DIR": data}
    with TmuxServer() as server:
        panes: dict[str, Pane] = {}
        with (
            launched(server, command(busy["sqlite"]), env=env) as panes["sqlite"],
            launched(server, command(busy["postgresql"]), env=env) as panes["postgresql"],
        ):
            for kind, pane in panes.items():
                wait_for(pane, lambda screen: RESUMED_TEXT in screen, timeout=60, what=kind)
                reading = format_clock(busy[kind].remaining_seconds)
                wait_for(pane, shows_reading(reading), what=f"{kind}'s countdown")
            for pane in panes.values():
                wait_until_still(pane, quiet=0.5, view=below_header, timeout=30)
            base = {kind: done_count(pane.capture()) for kind, pane in panes.items()}
            for number in range(1, presses + 1):
                for kind, pane in panes.items():
                    count = (base[kind] or 0) + number % 2
                    took = press(pane, "d", lambda screen, c=count: done_count(screen) == c)
                    times["d"].setdefault(kind, []).append(took)
                    time.sleep(settle)
                    reading = format_clock(busy[kind].remaining_seconds + 60 * number)
                    took = press(pane, "e", shows_reading(reading))
                    times["e"].setdefault(kind, []).append(took)
                    time.sleep(settle)
    return times


def command(busy: BusySession) -> str:
    return workshop_command("--db", db_argument(busy.db_path), "resume", str(busy.session_id))


def record_costs(where: Path | StoreLocation, samples: int, gap: float) -> list[float]:
    """Seconds of one ``add_record`` (a note), committed, after a pause like a keypress."""
    found: list[float] = []
    loaded = load_script(find_script(SCRIPT_ID))
    with open_store(where) as store:
        session_id = store.create_session(
            loaded.script, loaded.source, SETUP, [], datetime.now(UTC)
        )
        for n in range(samples):
            time.sleep(gap)
            start = time.perf_counter()
            store.add_record(session_id, Note("opening", datetime.now(UTC), f"note {n}"))
            found.append(time.perf_counter() - start)
    return found


def ms(values: list[float]) -> str:
    return f"median {median(values) * 1000:6.1f} ms, p95 {p95(values) * 1000:6.1f} ms"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--presses", type=int, default=50)
    parser.add_argument("--records", type=int, default=1000)
    parser.add_argument("--settle", type=float, default=0.05, help="seconds between presses")
    parser.add_argument("--server", help="a PostgreSQL superuser's URL")
    args = parser.parse_args()
    admin = server_url(args.server)
    with (
        tempfile.TemporaryDirectory(prefix="workshop-bench-keypress-") as folder,
        scratch_store(admin, "bench_keypress") as team,
    ):
        busy = {
            "sqlite": make_session(Path(folder) / "busy.db", records=args.records, part_id=PART),
            "postgresql": make_session(team, records=args.records, part_id=PART),
        }
        times = keypresses(busy, args.presses, args.settle, folder)
        costs = {
            "sqlite": record_costs(Path(folder) / "costs.db", 300, 0.02),
            "postgresql": record_costs(team, 300, 0.02),
        }
    print(f"A keypress that stores, {args.records}-record session, {args.presses} presses each")
    for key, what in (
        ("d", "d (an action done: one record)"),
        ("e", "e (+1 min: a progress save)"),
    ):
        sqlite, server = times[key]["sqlite"], times[key]["postgresql"]
        ratio = p95(server) / p95(sqlite)
        verdict = "PASS" if ratio <= TARGET else "MISS"
        print(f"  {what}")
        print(f"    SQLite file        {ms(sqlite)}")
        print(f"    PostgreSQL         {ms(server)}")
        print(f"    p95 ratio {ratio:.2f}x (target <= {TARGET}x): {verdict}")
    print("One add_record (a note), in-process, 300 times")
    for kind, values in costs.items():
        print(f"  {kind:<18} {ms(values)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
