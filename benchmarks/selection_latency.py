"""How soon the room view marks what the facilitator selects, beside commit-to-room, in one run.

Two processes in real terminals (tmux): the console (``workshop resume``) and
the room view (``workshop room``), both on one SQLite file. First, as in
``room_latency.py``, an engine in this process commits notes and the room pane
is read until each shows (commit to room view). Then the console takes the
session over, goes to the Cynefin part, and each sample presses Down or Up on
the console's pane and times from the key sent to the room pane marking the
newly selected item ("▶ " before its text): the selection to the highlight.

    .venv/bin/python benchmarks/selection_latency.py [--samples 40]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

from room_latency import READY, WORKSHOP, latencies
from tmux_harness import TmuxServer, launched, median, p95, summary, wait_for

from workshop_tui.content.catalog import find_script
from workshop_tui.content.loader import load_script
from workshop_tui.domain.clock import SystemClock
from workshop_tui.domain.engine import SessionEngine
from workshop_tui.domain.snapshot import SessionSetup
from workshop_tui.storage import open_store

SIZE = (100, 30)


def tray_items() -> list[str]:
    """The Cynefin part's example items, in the tray's order."""
    script = load_script(find_script("customer-working-agreement", [])).script
    part = next(part for part in script.parts if part.activity.kind == "cynefin")
    return list(part.activity.items)  # type: ignore[union-attr]


def marked(item: str) -> str:
    """What the room pane shows when ``item`` is in play: its mark and first words."""
    return "▶ " + " ".join(item.split()[:3])


def selection_latencies(server: TmuxServer, db: Path, samples: int) -> list[float]:
    """Seconds from a Down/Up on the console to the room view marking the item selected."""
    items = tray_items()
    found: list[float] = []
    with (
        launched(server, f"{WORKSHOP} --db {db} room", size=SIZE) as room,
        launched(server, f"{WORKSHOP} --db {db} resume 1", size=SIZE) as console,
    ):
        wait_for(console, lambda screen: READY in screen, what="the console's first part")
        console.send_keys("PageDown")
        wait_for(room, lambda screen: marked(items[0]) in screen, what="the first item in play")
        at = 0
        for n in range(samples):
            step = 1 if at == 0 or (at < len(items) - 1 and n % 6 < 3) else -1
            at += step
            wanted = marked(items[at])
            start = time.perf_counter()
            console.send_keys("Down" if step > 0 else "Up")
            wait_for(room, lambda screen, w=wanted: w in screen, poll=0.002, what=wanted)
            found.append(time.perf_counter() - start)
            time.sleep(0.05 + (n % 7) * 0.013)  # keys land anywhere in the poll interval
    return found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--samples", type=int, default=40)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder, TmuxServer() as server:
        db = Path(folder) / "w.db"
        loaded = load_script(find_script("customer-working-agreement", []))
        setup = SessionSetup(customer="Acme", facilitator="Kim")
        with open_store(db) as store:  # closed: the console takes the session over
            engine = SessionEngine.begin(loaded.script, loaded.source, setup, store, SystemClock())
            commits = latencies(server, engine, db, args.samples)
        selections = selection_latencies(server, db, args.samples)
    print(summary("commit to room view", commits))
    print(f"  median {median(commits) * 1000:.0f} ms, p95 {p95(commits) * 1000:.0f} ms")
    print(summary("console selection to room highlight", selections))
    print(f"  median {median(selections) * 1000:.0f} ms, p95 {p95(selections) * 1000:.0f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
