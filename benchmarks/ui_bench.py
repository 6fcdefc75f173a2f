"""UI speed and memory of workshop-tui against the bare Textual app, in a real terminal.

Run: .venv/bin/python benchmarks/ui_bench.py [--runs 15] [--presses 50] [--skip-memory]

1. Start-up: ``workshop run customer-working-agreement`` (a fresh temporary data
   folder each launch) to its first frame, and to the set-up screen with the
   script's title, in tmux at 100x30; launches alternate with the bare app
   (benchmarks/bare_app.py) to cancel machine noise. Target: first frame at most
   1.15x the bare app (median).
2. Keypress: ``workshop --db PATH resume ID`` on a session holding 1,000 records
   (benchmarks/make_session.py), ``e`` (+1 minute) until the countdown shows the
   new reading, against space in the bare app until its number changes; presses
   alternate between the two apps. Target: p95 at most 1.3x the bare app.
3. Memory: a whole session through the real app (benchmarks/full_session.py,
   in its own process); peak RSS. Target: at most 80 MiB.

Also prints what the command line imports before the app takes the screen.
Every tmux server and temporary folder is removed at the end. The figures
move with machine load; only the ratios taken in one run compare.
"""

from __future__ import annotations

import argparse
import json
import shlex
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from make_session import SCRIPT_ID, make_session
from tmux_harness import (
    BARE_APP,
    BARE_TITLE,
    DEFAULT_SIZE,
    HarnessError,
    Pane,
    TmuxServer,
    launch_time,
    launched,
    median,
    p95,
    wait_for,
    wait_until_still,
)

from workshop_tui.boards.block_font import FONTS, render_text
from workshop_tui.content.durations import format_clock

HERE = Path(__file__).resolve().parent
STARTUP_TARGET = 1.15
KEYPRESS_P95_TARGET = 1.30
RSS_TARGET_MIB = 80.0

FIRST_FRAME_TEXT = "workshop-tui"
"""On the opening screen (and in the header of every later one)."""
SETUP_TEXT = "Set up · Customer Working Agreement"
RESUMED_TEXT = "Session resumed"
FLOOR_START = 14 * 60
"""The first reading of floor_app.py (its START_SECONDS)."""
HEAVY_MODULES = ("sqlmodel", "sqlalchemy", "pydantic", "yaml", "platformdirs")


def python_command(*args: str | Path) -> str:
    """A shell command running this interpreter."""
    return shlex.join([sys.executable, *map(str, args)])


def workshop_command(*args: str | Path) -> str:
    """The ``workshop`` console script of this environment (``python -m`` if absent)."""
    script = Path(sys.executable).parent / "workshop"
    head = [str(script)] if script.exists() else [sys.executable, "-m", "workshop_tui"]
    return shlex.join([*head, *map(str, args)])


BARE_COMMAND = python_command(BARE_APP)


# -- 1. start-up ------------------------------------------------------------------------------
@dataclass
class Startup:
    bare: list[float]
    first: list[float]
    useful: list[float]


def _launch_ours(server: TmuxServer) -> tuple[float, float]:
    """Seconds to the first frame and to the set-up screen of one fresh ``workshop run``."""
    with tempfile.TemporaryDirectory(prefix="workshop-bench-data-") as data:
        env = {"WORKSHOP_DATA_DIR": data, "WORKSHOP_CONFIG_DIR": data}
        start = time.perf_counter()
        with launched(server, workshop_command("run", SCRIPT_ID), env=env) as pane:
            wait_for(pane, lambda screen: FIRST_FRAME_TEXT in screen, what="first frame")
            first = time.perf_counter() - start
            wait_for(pane, lambda screen: SETUP_TEXT in screen, what="set-up screen")
            return first, time.perf_counter() - start


def measure_startup(runs: int) -> Startup:
    """Bare app and ours, launched in turn ``runs`` times each (after one unmeasured pair)."""
    result = Startup([], [], [])
    with TmuxServer() as server:
        launch_time(server, BARE_COMMAND, BARE_TITLE)  # warm the file cache for both
        _launch_ours(server)
        for _ in range(runs):
            result.bare.append(launch_time(server, BARE_COMMAND, BARE_TITLE))
            first, useful = _launch_ours(server)
            result.first.append(first)
            result.useful.append(useful)
    return result


def imports_before_app(script: str = SCRIPT_ID) -> tuple[float, list[str]]:
    """What ``workshop run`` does before the app starts (beyond importing the app).

    Seconds, and which of the heavy modules are loaded by then.
    """
    code = f"""
import sys, time
from workshop_tui import cli
from workshop_tui.app import workshop_app as app
start = time.perf_counter()
def stop(self, *args, **kwargs):
    spent = time.perf_counter() - start
    print(spent, *[m for m in {HEAVY_MODULES!r} if m in sys.modules])
    raise SystemExit(0)
app.WorkshopApp.run = stop
cli.main(["run", {script!r}])
"""
    with tempfile.TemporaryDirectory(prefix="workshop-bench-data-") as data:
        env = {"WORKSHOP_DATA_DIR": data, "WORKSHOP_CONFIG_DIR": data, "PATH": "/usr/bin:/bin"}
        done = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, env=env, check=False
        )
    if done.returncode != 0 or not done.stdout.strip():
        raise HarnessError(f"the import check failed: {done.stderr.strip()[-500:]}")
    seconds, *modules = done.stdout.split()
    return float(seconds), modules


# -- 2. keypress ------------------------------------------------------------------------------
def shows_reading(text: str) -> Callable[[str], bool]:
    """A test of a screen: does the big countdown show ``text``, in any of its fonts?"""
    drawings = [render_text(text, font) for font in FONTS]

    def shown(screen: str) -> bool:
        lines = screen.splitlines()
        width = max((len(line) for line in lines), default=0)
        lines = [line.ljust(width) for line in lines]
        for rows in drawings:
            top = rows[0]
            for y in range(len(lines) - len(rows) + 1):
                x = lines[y].find(top)
                while x >= 0:
                    if all(lines[y + i][x : x + len(row)] == row for i, row in enumerate(rows)):
                        return True
                    x = lines[y].find(top, x + 1)
        return False

    return shown


@dataclass
class Keypress:
    bare: list[float]
    ours: list[float]
    records: int
    floor: list[float]
    """``floor_app.py``: the bare app with a ``BigCountdown`` and a durable commit per key."""


def _press(pane: Pane, key: str, answered: Callable[[str], bool]) -> float:
    start = time.perf_counter()
    pane.send_keys(key)
    wait_for(pane, answered, what=f"answer to {key}")
    return time.perf_counter() - start


def measure_keypress(presses: int, records: int, settle: float) -> Keypress:
    """``e`` on a busy session against space on the bare app, pressed in turn."""
    result = Keypress([], [], records, [])
    with tempfile.TemporaryDirectory(prefix="workshop-bench-data-") as data:
        busy = make_session(Path(data) / "busy.db", records=records)
        env = {"WORKSHOP_DATA_DIR": data, "WORKSHOP_CONFIG_DIR": data}
        command = workshop_command("--db", busy.db_path, "resume", str(busy.session_id))
        floor_command = python_command(HERE / "floor_app.py", Path(data) / "floor.db")
        with (
            TmuxServer() as server,
            launched(server, BARE_COMMAND) as bare,
            launched(server, command, env=env) as ours,
            launched(server, floor_command) as floor,
        ):
            wait_for(bare, lambda screen: BARE_TITLE in screen, what=BARE_TITLE)
            wait_for(ours, lambda screen: RESUMED_TEXT in screen, what=RESUMED_TEXT)
            wait_for(ours, shows_reading(format_clock(busy.remaining_seconds)), what="countdown")
            wait_for(floor, shows_reading(format_clock(FLOOR_START)), what="floor countdown")
            wait_until_still(bare)
            time.sleep(0.5)  # the resumed panel settles; the header clock never stops
            for number in range(1, presses + 1):
                changed = partial(str.__ne__, bare.capture())
                result.bare.append(_press(bare, "Space", changed))
                time.sleep(settle)
                reading = format_clock(busy.remaining_seconds + 60 * number)
                result.ours.append(_press(ours, "e", shows_reading(reading)))
                time.sleep(settle)
                reading = format_clock(FLOOR_START + 60 * number)
                result.floor.append(_press(floor, "Space", shows_reading(reading)))
                time.sleep(settle)
    return result


def durable_commit_times(samples: int = 60, gap: float = 0.1) -> list[float]:
    """Seconds of one durable commit alone: plain sqlite3, WAL, synchronous=FULL, one UPDATE.

    Taken after a pause like a key press is (cold caches), with no SQLAlchemy and
    no drawing: the least any durable action costs on this disk.
    """
    import sqlite3

    times: list[float] = []
    with tempfile.TemporaryDirectory(prefix="workshop-bench-commit-") as folder:
        db = sqlite3.connect(Path(folder) / "commit.db", isolation_level=None)
        try:
            db.execute("PRAGMA journal_mode = WAL")
            db.execute("PRAGMA synchronous = FULL")
            db.execute("CREATE TABLE timing (id INTEGER PRIMARY KEY, extra INTEGER)")
            db.execute("INSERT INTO timing VALUES (1, 0)")
            for number in range(samples):
                time.sleep(gap)
                start = time.perf_counter()
                db.execute("BEGIN IMMEDIATE")
                db.execute("UPDATE timing SET extra = ? WHERE id = 1", (number,))
                db.execute("COMMIT")
                times.append(time.perf_counter() - start)
        finally:
            db.close()
    return times


# -- 3. memory --------------------------------------------------------------------------------
def measure_memory(trace: bool) -> dict[str, object]:
    """Run benchmarks/full_session.py in its own process; its JSON report."""
    args = [sys.executable, str(HERE / "full_session.py")] + (["--tracemalloc"] if trace else [])
    with tempfile.TemporaryDirectory(prefix="workshop-bench-data-") as data:
        env = {"WORKSHOP_DATA_DIR": data, "WORKSHOP_CONFIG_DIR": data, "PATH": "/usr/bin:/bin"}
        done = subprocess.run(args, capture_output=True, text=True, env=env, check=False)
    if done.returncode != 0:
        raise HarnessError(f"the full session failed: {done.stderr.strip()[-800:]}")
    report: dict[str, object] = json.loads(done.stdout.strip().splitlines()[-1])
    report["stack_floor_kib"] = stack_floor_kib()
    return report


# -- the table --------------------------------------------------------------------------------
def stack_floor_kib() -> int:
    """Peak RSS of ``stack_floor.py`` (bare app + one SQLModel table) in a real terminal."""
    with tempfile.TemporaryDirectory(prefix="workshop-bench-floor-") as folder:
        peak_file = Path(folder) / "peak"
        command = python_command(HERE / "stack_floor.py", peak_file, Path(folder) / "floor.db")
        with TmuxServer() as server, launched(server, command) as pane:
            deadline = time.perf_counter() + 30
            while not peak_file.exists() or not peak_file.read_text():
                if time.perf_counter() > deadline or pane.exit_status() not in (None, "0"):
                    raise HarnessError("stack_floor.py reported no peak RSS within 30 s")
                time.sleep(0.05)
        return int(peak_file.read_text())


def verdict(ok: bool) -> str:
    return "PASS" if ok else "MISS"


def ms(values: Sequence[float], stat: Callable[[Sequence[float]], float]) -> float:
    return stat(values) * 1000


def row(name: str, ours: str, bare: str, ratio: str, target: str, result: str) -> str:
    return f"{name:<36} {ours:>11} {bare:>11} {ratio:>7} {target:>9}  {result}"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15, help="launches of each app")
    parser.add_argument("--presses", type=int, default=50, help="keypresses in each app")
    parser.add_argument("--records", type=int, default=1000, help="records in the session")
    parser.add_argument("--settle", type=float, default=0.25, help="seconds between presses")
    parser.add_argument("--skip-memory", action="store_true", help="leave out the full session")
    parser.add_argument("--tracemalloc", action="store_true", help="say what holds memory (slower)")
    args = parser.parse_args(argv)
    width, height = DEFAULT_SIZE
    lines = [
        row("", "workshop", "bare app", "ratio", "target", ""),
    ]
    try:
        print(f"terminal: tmux {width}x{height}; {args.runs} launches, {args.presses} presses")
        before, modules = imports_before_app()
        print(
            f"`workshop run` work before the app starts (app imported): {before * 1000:.0f} ms; "
            f"loaded: {', '.join(modules) or 'none of ' + ', '.join(HEAVY_MODULES)}"
        )
        startup = measure_startup(args.runs)
        bare_start = median(startup.bare)
        for name, values in (("start-up: first frame (median)", startup.first),):
            ratio = median(values) / bare_start
            lines.append(
                row(
                    name,
                    f"{ms(values, median):.0f} ms",
                    f"{bare_start * 1000:.0f} ms",
                    f"{ratio:.2f}x",
                    f"<= {STARTUP_TARGET}x",
                    verdict(ratio <= STARTUP_TARGET),
                )
            )
        ratio = median(startup.useful) / bare_start
        lines.append(
            row(
                "start-up: set-up screen (median)",
                f"{ms(startup.useful, median):.0f} ms",
                f"{bare_start * 1000:.0f} ms",
                f"{ratio:.2f}x",
                "(info)",
                "",
            )
        )
        lines.append(
            row(
                "start-up: first frame (p95)",
                f"{ms(startup.first, p95):.0f} ms",
                f"{ms(startup.bare, p95):.0f} ms",
                f"{p95(startup.first) / p95(startup.bare):.2f}x",
                "(info)",
                "",
            )
        )
        keys = measure_keypress(args.presses, args.records, args.settle)
        for label, stat, target in (("median", median, None), ("p95", p95, KEYPRESS_P95_TARGET)):
            ratio = stat(keys.ours) / stat(keys.bare)
            lines.append(
                row(
                    f"keypress e vs space, {keys.records} rec ({label})",
                    f"{ms(keys.ours, stat):.1f} ms",
                    f"{ms(keys.bare, stat):.1f} ms",
                    f"{ratio:.2f}x",
                    f"<= {target}x" if target else "(info)",
                    verdict(ratio <= target) if target else "",
                )
            )
        for label, stat in (("median", median), ("p95", p95)):
            lines.append(
                row(
                    f"keypress floor app vs space ({label})",
                    f"{ms(keys.floor, stat):.1f} ms",
                    f"{ms(keys.bare, stat):.1f} ms",
                    f"{stat(keys.floor) / stat(keys.bare):.2f}x",
                    "(info)",
                    "",
                )
            )
        commits = durable_commit_times()
        budget = (KEYPRESS_P95_TARGET - 1) * p95(keys.bare)
        lines.append(
            row(
                "one durable commit alone (p95)",
                f"{ms(commits, p95):.2f} ms",
                "",
                "",
                "(info)",
                f"{p95(commits) / budget:.0%} of the 1.3x budget ({budget * 1000:.1f} ms)",
            )
        )
        memory: dict[str, object] | None = None
        if not args.skip_memory:
            memory = measure_memory(args.tracemalloc)
            peak = float(memory["ru_maxrss_kib"]) / 1024  # type: ignore[arg-type]
            lines.append(
                row(
                    "peak RSS, full session",
                    f"{peak:.1f} MiB",
                    "",
                    "",
                    f"<= {RSS_TARGET_MIB:.0f} MiB",
                    verdict(peak <= RSS_TARGET_MIB),
                )
            )
            floor = float(memory["stack_floor_kib"]) / 1024  # type: ignore[arg-type]
            lines.append(
                row(
                    "peak RSS, bare app + 1 SQLModel table",
                    f"{floor:.1f} MiB",
                    "",
                    "",
                    "(info: the stack's floor)",
                    "",
                )
            )
    except HarnessError as error:
        print("\n".join(lines))
        print(f"benchmark failed: {error}", file=sys.stderr)
        return 1
    print()
    print("\n".join(lines))
    if memory is not None:
        print(
            f"\nfull session: {memory['presses']} keys, {memory['dialogs']} dialogs, "
            f"{memory['seconds']} s; stored {memory['stored']}"
        )
        if "top_modules_kib" in memory:
            traced = memory["traced_peak_kib"]
            print(f"traced peak {traced} KiB; still held at the end, by package:")
            for package, kib in memory["top_modules_kib"]:  # type: ignore[attr-defined]
                print(f"  {package:<30} {kib:8.0f} KiB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
