"""Screen changes of workshop-tui on sessions of 10, 100 and 1,000 records, in tmux.

Run: .venv/bin/python benchmarks/screen_bench.py [--repeats 7] [--sizes 10 100 1000]

Each change is timed from the key press until the pane shows the new screen's
own text and has stopped changing (a panel drawn empty and filled later counts
until it is filled); the quiet time that proves the screen still is not counted,
nor the header's clock, which ticks every second whatever the key did.

- next part (PgDn) from "Negotiate Promises" and back (PgUp),
- go to a part (``g``, pick part 2, Enter),
- a dialog (``n``) and its Escape,
- finish (``f``, ``y``) to a usable summary, and the summary's export (``x``).

The yardstick, in the same run and pressed in turn: benchmarks/two_screens_app.py,
switching between two new screens of a Header, a paragraph, a 30-row DataTable and
a Footer (and opening its dialog). Targets (issue 11): part changes and dialogs at
most 2x the yardstick at 1,000 records, finish to a usable summary at most 3x, and
no figure more than 1.2x higher at 1,000 records than at 100.
"""

from __future__ import annotations

import argparse
import shlex
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from make_session import make_session
from tmux_harness import Pane, TmuxServer, launched, median, p95, wait_for, wait_until_still

HERE = Path(__file__).resolve().parent
QUIET = 0.15
"""Seconds without a change that count as "the screen is still" (not counted in a figure)."""
PART_TARGET, FINISH_TARGET, GROWTH_TARGET = 2.0, 3.0, 1.2


def workshop(*args: str | Path) -> str:
    script = Path(sys.executable).parent / "workshop"
    head = [str(script)] if script.exists() else [sys.executable, "-m", "workshop_tui"]
    return shlex.join([*head, *map(str, args)])


def below_the_header(screen: str) -> str:
    """The screen without its first row: the header's clock ticks every second, whatever
    the key did (the yardstick's header has no clock)."""
    return screen.split("\n", 1)[-1]


def timed(pane: Pane, keys: list[str], shows: str | Callable[[str], bool]) -> float:
    """Seconds from sending ``keys`` until ``shows`` holds and the screen is still."""
    done = shows if callable(shows) else (lambda screen: shows in screen)
    start = time.perf_counter()
    pane.send_keys(*keys)
    wait_for(pane, done, timeout=60, what=f"answer to {' '.join(keys)}")
    wait_until_still(pane, quiet=QUIET, timeout=60, view=below_the_header)
    return time.perf_counter() - start - QUIET


def yardstick(server: TmuxServer, repeats: int) -> dict[str, list[float]]:
    figures: dict[str, list[float]] = {"switch": [], "dialog": []}
    command = shlex.join([sys.executable, str(HERE / "two_screens_app.py")])
    with launched(server, command) as pane:
        wait_for(pane, lambda s: "Screen A ready" in s, timeout=30)
        wait_until_still(pane)
        for number in range(repeats):
            marker = "Screen B ready" if number % 2 == 0 else "Screen A ready"
            figures["switch"].append(timed(pane, ["PageDown"], marker))
            figures["dialog"].append(timed(pane, ["d"], "Dialog ready"))
            timed(pane, ["Escape"], lambda s: "Dialog ready" not in s)
    return figures


def ours(server: TmuxServer, records: int, repeats: int) -> dict[str, list[float]]:
    figures: dict[str, list[float]] = {
        name: [] for name in ("next part", "previous part", "go to", "dialog", "finish", "export")
    }
    folder = Path(tempfile.mkdtemp(prefix="workshop-screen-bench-"))
    try:
        for round_ in range(repeats):
            db = folder / f"s{round_}.db"
            busy = make_session(db, records=records)
            env = {"WORKSHOP_DATA_DIR": str(folder), "WORKSHOP_CONFIG_DIR": str(folder)}
            command = workshop("--db", db, "resume", busy.session_id)
            with launched(server, command, env=env) as pane:
                wait_for(pane, lambda s: "Part 3 of 6" in s, timeout=60)
                wait_until_still(pane, quiet=0.5, timeout=60)
                figures["next part"].append(timed(pane, ["PageDown"], "Part 4 of 6"))
                figures["previous part"].append(timed(pane, ["PageUp"], "Part 3 of 6"))
                figures["dialog"].append(timed(pane, ["n"], "Note on"))
                timed(pane, ["Escape"], lambda s: "Note on" not in s)
                figures["go to"].append(_go_to(pane))
                figures["finish"].append(_finish(pane))
                figures["export"].append(timed(pane, ["x"], "Exported"))
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    return figures


def _go_to(pane: Pane) -> float:
    """``g``, then part 2 picked in the dialog's list, until part 2 is on screen."""
    start = time.perf_counter()
    pane.send_keys("g")
    wait_for(pane, lambda s: "Go to part" in s, timeout=60)
    pane.send_keys("Down")  # opens the part list on the current part (3)
    time.sleep(0.2)
    pane.send_keys("Up")  # to part 2
    time.sleep(0.1)
    pane.send_keys("Enter")  # picks it and closes the list
    time.sleep(0.2)
    pane.send_keys("Enter")  # saves
    wait_for(pane, lambda s: "Part 2 of 6" in s, timeout=60)
    wait_until_still(pane, quiet=QUIET, timeout=60, view=below_the_header)
    return time.perf_counter() - start - QUIET - 0.5


def _finish(pane: Pane) -> float:
    timed(pane, ["f"], "Finish the workshop?")
    return timed(pane, ["y"], lambda s: "planned and actual" in s and "Finish the" not in s)


def ratio(a: float, b: float) -> str:
    return f"{a / b:5.2f}x" if b else "  n/a"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--sizes", type=int, nargs="+", default=[10, 100, 1000])
    args = parser.parse_args(argv)
    with TmuxServer() as server:
        base = yardstick(server, args.repeats * 2)
        results = {size: ours(server, size, args.repeats) for size in args.sizes}
        base_after = yardstick(server, args.repeats * 2)
    switch = median(base["switch"] + base_after["switch"])
    dialog = median(base["dialog"] + base_after["dialog"])
    print(f"yardstick: switch median {switch * 1000:.0f} ms, dialog median {dialog * 1000:.0f} ms")
    header = f"{'records':>7}  {'change':<14} {'median':>8} {'p95':>8}  {'vs yardstick':>12}"
    print(header)
    for size, figures in results.items():
        for name, values in figures.items():
            if not values:
                continue
            against = dialog if name == "dialog" else switch
            print(
                f"{size:>7}  {name:<14} {median(values) * 1000:6.0f}ms {p95(values) * 1000:6.0f}ms"
                f"  {ratio(median(values), against):>12}"
            )
    if 100 in results and 1000 in results:
        print("growth from 100 to 1,000 records (median):")
        for name in results[1000]:
            small, large = results[100][name], results[1000][name]
            if small and large:
                grown = median(large) / median(small)
                verdict = "PASS" if grown <= GROWTH_TARGET else "MISS"
                print(f"  {name:<14} {grown:5.2f}x  {verdict} (target {GROWTH_TARGET}x)")
    if 1000 in results:
        print("at 1,000 records against the yardstick (median):")
        for name, values in results[1000].items():
            if not values:
                continue
            target = FINISH_TARGET if name in ("finish", "export") else PART_TARGET
            against = dialog if name == "dialog" else switch
            got = median(values) / against
            verdict = "PASS" if got <= target else "MISS"
            print(f"  {name:<14} {got:5.2f}x  {verdict} (target {target}x)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
