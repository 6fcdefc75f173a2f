"""PgDn/PgUp and ``e`` on a busy session, in a real terminal: how fast, and in how many frames.

Run: .venv/bin/python benchmarks/part_change_bench.py [--presses 30] [--records 1000]

``workshop --db PATH resume ID`` on a session of 1,000 records (make_session.py,
paused on "Negotiate Promises") in tmux at 100x30. Each PgDn (then PgUp, in
turn) is timed from ``send-keys`` until the screen shows the new part whole:
its "Part N of M" line and its countdown reading, and then until its board
shows (a text each kind of board shows). The pane is read every 0.5 ms
meanwhile, and a *torn* frame is one that shows the new part's line with the
old part's countdown (or the old line with the new countdown): a part change
drawn as one frame shows none. ``e`` (+1 minute) is pressed on every return to the
first part, once the screen is still, and timed until the countdown shows the
new reading, as in ui_bench.py.

Figures move with machine load; compare runs taken one after the other.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

from make_session import make_session
from tmux_harness import (
    DEFAULT_POLL,
    HarnessError,
    Pane,
    TmuxServer,
    launched,
    median,
    p95,
    wait_for,
    wait_until_still,
)
from ui_bench import RESUMED_TEXT, shows_reading, workshop_command

from workshop_tui.content.durations import format_clock
from workshop_tui.storage import open_store

BOARD_TEXT = {
    "discussion": "on this part",
    "cynefin": "Complex ·",
    "promises": " agreed",
    "decisions": "questions decided",
    "signoff": "sections complete",
    "actions": " done",
}
"""Text each kind of board shows once it is drawn."""


def readings(db_path: Path, session_id: int) -> tuple[int, list[str], list[str], list[str]]:
    """The current part, each part's "Part N of M" line, paused countdown, and board text."""
    store = open_store(db_path, readonly=True)
    try:
        script, session = store.load_session(session_id)
    finally:
        store.close()
    total = len(script.parts)
    lines = [f"Part {i + 1} of {total} ·" for i in range(total)]
    clocks = [format_clock(t.allowed_seconds - t.elapsed_seconds) for t in session.timings]
    boards = [BOARD_TEXT[part.activity.kind] for part in script.parts]
    return session.current_part, lines, clocks, boards


def time_part_change(
    pane: Pane, key: str, new: tuple[str, str, str], old: tuple[str, str]
) -> tuple[float, float, int]:
    """Seconds until the new part's line and countdown show, until its board shows too,
    and how many torn frames were seen before the line and countdown showed."""
    new_line, new_clock, new_board = new[0], shows_reading(new[1]), new[2]
    old_line, old_clock = old[0], shows_reading(old[1])
    torn = 0
    start = time.perf_counter()
    pane.send_keys(key)
    deadline = start + 10
    last = ""
    while time.perf_counter() < deadline:
        screen = pane.capture()
        if screen != last:
            last = screen
            line_new, clock_new = new_line in screen, new_clock(screen)
            if line_new and clock_new:
                whole = time.perf_counter() - start
                wait_for(pane, lambda screen: new_board in screen, what="the new board")
                return whole, time.perf_counter() - start, torn
            if (line_new and old_clock(screen)) or (clock_new and old_line in screen):
                torn += 1
        time.sleep(DEFAULT_POLL)
    raise HarnessError(f"the part after {key} never showed whole")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--presses", type=int, default=30, help="part changes (and e presses)")
    parser.add_argument("--records", type=int, default=1000)
    parser.add_argument("--settle", type=float, default=0.3, help="seconds between presses")
    args = parser.parse_args(argv)
    changes: list[float] = []
    boards_drawn: list[float] = []
    torn_frames: list[int] = []
    extends: list[float] = []
    with tempfile.TemporaryDirectory(prefix="workshop-bench-data-") as data:
        busy = make_session(Path(data) / "busy.db", records=args.records)
        here, lines, clocks, boards = readings(busy.db_path, busy.session_id)
        first = here
        env = {"WORKSHOP_DATA_DIR": data, "WORKSHOP_CONFIG_DIR": data}
        command = workshop_command("--db", busy.db_path, "resume", str(busy.session_id))
        with TmuxServer() as server, launched(server, command, env=env) as pane:
            wait_for(pane, lambda screen: RESUMED_TEXT in screen, what=RESUMED_TEXT)
            wait_for(pane, shows_reading(clocks[here]), what="countdown")
            time.sleep(1.0)
            extra = 0
            for number in range(args.presses):
                key, there = ("PageDown", here + 1) if number % 2 == 0 else ("PageUp", here - 1)
                seconds, drawn, torn = time_part_change(
                    pane,
                    key,
                    (lines[there], clocks[there], boards[there]),
                    (lines[here], clocks[here]),
                )
                changes.append(seconds)
                boards_drawn.append(drawn)
                torn_frames.append(torn)
                here = there
                time.sleep(args.settle)
                if here == first:  # back on the part it started on: give it a minute
                    wait_until_still(pane)
                    extra += 60
                    reading = format_clock(busy.remaining_seconds + extra)
                    start = time.perf_counter()
                    pane.send_keys("e")
                    wait_for(pane, shows_reading(reading), what="the extended countdown")
                    extends.append(time.perf_counter() - start)
                    clocks[here] = reading
                    time.sleep(args.settle)
    print(f"part changes (PgDn/PgUp), {len(changes)} on {args.records} records:")
    print(f"  to its line and countdown: {spread(changes)}")
    print(f"  to its board as well:     {spread(boards_drawn)}")
    print(
        f"  torn frames (new line, old countdown): {sum(torn_frames)} in total, "
        f"{sum(1 for t in torn_frames if t)} of {len(torn_frames)} changes showed one"
    )
    print(f"e (+1 minute), {len(extends)} presses:")
    print(f"  to the new reading: {spread(extends)}")
    return 0


def spread(seconds: Sequence[float]) -> str:
    """Median and p95 in milliseconds."""
    return f"median {median(seconds) * 1000:.1f} ms, p95 {p95(seconds) * 1000:.1f} ms"


if __name__ == "__main__":
    raise SystemExit(main())
