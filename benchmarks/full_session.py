"""Run a whole Customer Working Agreement session through the real app, then report memory.

Drives ``WorkshopApp`` with Textual's Pilot (headless, 100x30): set-up, every
part with its timer and the activity's own keys (notes, placing items,
tabling and agreeing promises, decisions, initials, actions), finish, export
the notes and quit. Then, in the same process, it resumes a session of
1,000 records (built by ``benchmarks/make_session.py`` in a process of its
own), walks its parts, finishes it
to the summary, scrolls the notes to their end and exports them (issue 11:
the peak includes that summary). Then prints one JSON object: the process's peak RSS
(``ru_maxrss`` and ``VmHWM``), what the session stored, and with
``--tracemalloc`` the modules holding the most memory at the end.

Run it in a process of its own, since peak RSS is per process::

    .venv/bin/python benchmarks/full_session.py [--tracemalloc]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import resource
import subprocess
import sys
import tempfile
import time
import tracemalloc
from collections import Counter
from pathlib import Path
from typing import Any

SCRIPT_ID = "customer-working-agreement"
SIZE = (100, 30)

KEYS_BY_KIND: dict[str, tuple[str, ...]] = {
    "discussion": ("n", "n", "down", "n"),
    "cynefin": ("3", "2", "3", "1", "5", "3", "a", "3", "c"),
    "promises": ("enter", "y", "down", "enter", "y", "right", "enter", "d", "a", "k", "o", "m"),
    "decisions": ("enter", "down", "v", "v", "enter", "down", "v", "enter", "a", "o", "r", "w"),
    "signoff": ("i", "i", "down", "i", "i", "down", "i"),
    "actions": ("enter", "down", "enter", "a", "d", "down", "enter"),
}
"""The keys pressed in each kind of part; any dialog they open is filled in and saved."""


def _kib_from_status(field: str) -> int | None:
    """A ``kB`` figure from /proc/self/status (Linux), or None."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith(field + ":"):
                return int(line.split()[1])
    except OSError:
        return None
    return None


async def _settle(pilot: Any) -> None:
    """Let the app finish its work; a dialog flow waits for its dialog's answer, so not it."""
    await pilot.pause()
    working = [worker.wait() for worker in pilot.app.workers if worker.group != "dialog-flow"]
    await asyncio.gather(*working, return_exceptions=True)  # one may be cancelled by the next
    await pilot.pause()


async def _wait_for_screen(pilot: Any, kind: type, timeout: float = 20.0) -> None:
    deadline = time.monotonic() + timeout
    while not isinstance(pilot.app.screen, kind):
        if time.monotonic() > deadline:
            raise RuntimeError(f"no {kind.__name__} within {timeout:g} s (on {pilot.app.screen})")
        await pilot.pause(0.02)


async def _answer_dialogs(pilot: Any) -> int:
    """Fill in and save whatever dialog is open (cancel it if it refuses); how many were open."""
    from textual.screen import ModalScreen
    from textual.widgets import Input

    from workshop_tui.dialogs.confirm import ConfirmDialog
    from workshop_tui.dialogs.form import FormDialog

    answered = 0
    for attempt in range(6):
        screen = pilot.app.screen
        if not isinstance(screen, ModalScreen):
            return answered
        answered += 1
        if isinstance(screen, ConfirmDialog):
            await pilot.press("y")
        elif isinstance(screen, FormDialog) and attempt < 3:
            for field in screen.query(Input):
                if not field.value:
                    due = "due" in (field.id or "")
                    field.value = "+7d" if due else f"Benchmark text {answered}"
            await pilot.press("ctrl+s")
        else:
            await pilot.press("escape")
        await _settle(pilot)
    return answered


async def whole_session(db_path: Path, exports: Path) -> dict[str, Any]:
    """The whole session, key by key; what was pressed and answered."""
    from workshop_tui.app.launch import Launch
    from workshop_tui.app.workshop_app import WorkshopApp
    from workshop_tui.screens.facilitate import FacilitateScreen
    from workshop_tui.screens.setup import SetupScreen
    from workshop_tui.screens.summary import SummaryScreen

    app = WorkshopApp(Launch(store=db_path, script_ref=SCRIPT_ID, exports_dir=exports))
    presses = dialogs = 0
    async with app.run_test(size=SIZE) as pilot:
        await _wait_for_screen(pilot, SetupScreen)
        await _settle(pilot)
        await pilot.press(*"Acme Health", "ctrl+s")
        presses += len("Acme Health") + 1
        await _wait_for_screen(pilot, FacilitateScreen)
        await _settle(pilot)
        assert app.engine is not None
        parts = app.engine.script.parts
        for index, part in enumerate(parts):
            for key in ("space", "n", *KEYS_BY_KIND.get(part.activity.kind, ()), "e"):
                await pilot.press(key)
                presses += 1
                await _settle(pilot)
                dialogs += await _answer_dialogs(pilot)
            if index < len(parts) - 1:
                await pilot.press("pagedown")
                presses += 1
                await _settle(pilot)
        await pilot.press("f")
        await _settle(pilot)
        dialogs += await _answer_dialogs(pilot)
        await _wait_for_screen(pilot, SummaryScreen)
        await pilot.press("x")
        await _settle(pilot)
        await pilot.press("q")
        presses += 3
        await _settle(pilot)
    return {"presses": presses, "dialogs": dialogs, "return_code": app.return_code}


async def busy_summary(db_path: Path, exports: Path, records: int = 1000) -> dict[str, Any]:
    """Resume a session of ``records`` records, walk its parts, finish it, read and export
    its notes."""
    from workshop_tui.app.launch import Launch
    from workshop_tui.app.workshop_app import WorkshopApp
    from workshop_tui.screens.facilitate import FacilitateScreen
    from workshop_tui.screens.notes_preview import NotesPreview
    from workshop_tui.screens.summary import SummaryScreen

    session_id = _made_elsewhere(db_path, records)
    app = WorkshopApp(Launch(store=db_path, session_id=session_id, exports_dir=exports))
    async with app.run_test(size=SIZE) as pilot:
        await _wait_for_screen(pilot, FacilitateScreen)
        await _settle(pilot)
        for key in ("pageup", "pageup", "pagedown", "pagedown", "pagedown", "pagedown"):
            await pilot.press(key)
            await _settle(pilot)
        await pilot.press("f")
        await _settle(pilot)
        await _answer_dialogs(pilot)
        await _wait_for_screen(pilot, SummaryScreen)
        await _settle(pilot)
        app.screen.query_one(NotesPreview).focus()
        await pilot.press("end")
        await pilot.press("x")
        await _settle(pilot)
        await pilot.press("q")
        await _settle(pilot)
    return {"busy_records": records, "busy_return_code": app.return_code}


def drive(db_path: Path, exports: Path) -> dict[str, Any]:
    """The whole session, then the busy one's summary, each app in an event loop of its own
    as the command line runs it: a loop's worker threads keep what its app left in
    ``sys.stderr`` (Textual's print capture, which holds the app), so the first app, closed,
    would otherwise live on through the second."""
    first = asyncio.run(whole_session(db_path, exports))
    busy = asyncio.run(busy_summary(db_path.with_name("busy.db"), exports))
    return {**first, **busy}


def _made_elsewhere(db_path: Path, records: int) -> int:
    """A session of ``records`` records built by benchmarks/make_session.py in a process of
    its own (in use, the app stores them one by one over hours; building them here would
    count the builder's memory as the app's); its id."""
    maker = Path(__file__).with_name("make_session.py")
    command = [sys.executable, str(maker), str(db_path), "--records", str(records)]
    made = subprocess.run(command, check=True, capture_output=True, text=True).stdout
    return int(made.split()[1].rstrip(":"))


def stored(db_path: Path) -> dict[str, Any]:
    """What the session left in the store, read back from the file."""
    from workshop_tui.storage import open_store

    store = open_store(db_path, readonly=True)
    summary = store.list_sessions()[0]
    _, session = store.load_session(summary.id)
    kinds = {
        "notes": session.notes,
        "classifications": session.classifications,
        "promises": session.promises,
        "decisions": session.decisions,
        "signoffs": session.signoffs,
        "actions": session.actions,
    }
    return {
        "state": str(session.state),
        "parts_done": f"{summary.parts_done}/{summary.parts_total}",
        "records": {name: len(rows) for name, rows in kinds.items()},
    }


def top_modules(snapshot: tracemalloc.Snapshot, limit: int = 12) -> list[tuple[str, float]]:
    """KiB still allocated at the end, by top-level package of the allocating file."""
    totals: Counter[str] = Counter()
    for stat in snapshot.statistics("filename"):
        name = stat.traceback[0].filename
        marker = "site-packages/"
        if marker in name:
            package = name.split(marker, 1)[1].split("/", 1)[0]
        elif "/workshop_tui/" in name:
            package = "workshop_tui"
        elif "/lib/python" in name:
            package = "stdlib"
        else:
            package = name
        totals[package.removesuffix(".py")] += stat.size
    return [(name, size / 1024) for name, size in totals.most_common(limit)]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tracemalloc", action="store_true", help="also report memory by module")
    args = parser.parse_args()
    if args.tracemalloc:
        tracemalloc.start()
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="workshop-memory-") as folder:
        db_path = Path(folder) / "session.db"
        driven = drive(db_path, Path(folder) / "exports")
        result: dict[str, Any] = {
            **driven,
            "seconds": round(time.perf_counter() - started, 2),
            "ru_maxrss_kib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
            "vmhwm_kib": _kib_from_status("VmHWM"),
            "exported": sorted(p.name for p in (Path(folder) / "exports").glob("*.md")),
        }
        if args.tracemalloc:
            snapshot = tracemalloc.take_snapshot()
            result["traced_peak_kib"] = tracemalloc.get_traced_memory()[1] // 1024
            result["top_modules_kib"] = top_modules(snapshot)
        result["stored"] = stored(db_path)
    json.dump(result, sys.stdout)
    print()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
