"""How long the Markdown exports take for sessions of 1k, 10k and 100k records.

Run: ``.venv/bin/python benchmarks/export_bench.py [runs]``. Prints, per size and
for each document (the full session notes and the agreement), the median and
best wall time and the median CPU time of several runs, the time per record
(from the median wall time) and that time relative to the smallest size (about
1.0 when linear). Target: 10k records in 0.3 s or less. On a busy machine wall
time swells with other processes; CPU time shows the work itself.

The sign-off sections present the promises and a decision, so every render
folds the session again per section, as the agreement's wording does.
"""

from __future__ import annotations

import statistics
import sys
import time
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta

from workshop_tui.content.model import Script
from workshop_tui.domain.kinds import CynefinDomain, DecisionMethod, PromiseStatus, SessionState
from workshop_tui.domain.records import (
    ActionItem,
    Classification,
    Decision,
    Note,
    Objection,
    Participant,
    Promise,
    SignOff,
)
from workshop_tui.domain.snapshot import PartTiming, SessionSetup, SessionSnapshot
from workshop_tui.export.markdown import render_agreement, render_markdown

SIZES = (1_000, 10_000, 100_000)
TARGET = {10_000: 0.3}
START = datetime(2026, 11, 21, 9, 0, tzinfo=UTC)
DOMAINS = list(CynefinDomain)
STATUSES = list(PromiseStatus)
ROLES = ["Sponsor", "Lead", "Coach"]

SCRIPT = Script.model_validate(
    {
        "id": "bench",
        "title": "Benchmark workshop",
        "purpose": "Measure the export.",
        "duration": "3h",
        "parts": [
            {"id": "notes", "name": "Discussion", "duration": "30m"},
            {
                "id": "classify",
                "name": "Classify",
                "duration": "30m",
                "activity": {"kind": "cynefin"},
            },
            {
                "id": "promises",
                "name": "Promises",
                "duration": "30m",
                "activity": {
                    "kind": "promises",
                    "parties": [{"name": "Supplier"}, {"name": "Customer"}],
                },
            },
            {
                "id": "decide",
                "name": "Decide",
                "duration": "30m",
                "activity": {"kind": "decisions"},
            },
            {
                "id": "sign",
                "name": "Sign",
                "duration": "30m",
                "activity": {
                    "kind": "signoff",
                    "signatories": ROLES,
                    "sections": [
                        {"id": f"s{n}", "title": f"Section {n}", "text": "Text."} for n in range(18)
                    ]
                    + [
                        {"id": "s18", "title": "Supplier", "presents": [{"promises": "Supplier"}]},
                        {"id": "s19", "title": "Agility", "presents": ["agility", "actions"]},
                    ],
                },
            },
            {
                "id": "actions",
                "name": "Actions",
                "duration": "30m",
                "activity": {"kind": "actions"},
            },
        ],
        "takeaways": ["Measure, do not guess."],
    }
)


def build_session(records: int) -> SessionSnapshot:
    """A session of about ``records`` records, spread over every kind, a third of them revisions."""
    share = records // 6
    keys = max(1, share * 2 // 3)

    def at(index: int) -> datetime:
        return START + timedelta(seconds=index)

    text = "Some *typed* text with a | pipe,\nand a second line <b> & more"
    return SessionSnapshot(
        id=1,
        script_id=SCRIPT.id,
        script_title=SCRIPT.title,
        setup=SessionSetup(
            customer="Acme",
            facilitator="Ada",
            participants=tuple(Participant(f"Person {n}", ROLES[n % 3]) for n in range(12)),
        ),
        state=SessionState.FINISHED,
        current_part=5,
        created_at=START,
        last_seen_at=at(records),
        started_at=START,
        finished_at=at(records),
        timings=[
            PartTiming(
                part.id, part.duration, elapsed_seconds=part.duration + 61, finished_at=START
            )
            for part in SCRIPT.parts
        ],
        notes=[
            Note("notes", at(i), f"Note {i}: {text}", key=f"n{i % (keys * 3)}")
            for i in range(records - 5 * share)
        ],
        classifications=[
            Classification(
                "classify", at(i), f"c{i % keys}", f"Item {i % keys}", DOMAINS[i % 5], text
            )
            for i in range(share)
        ],
        promises=[
            Promise(
                "promises",
                at(i),
                f"p{i % keys}",
                ("Supplier", "Customer")[(i % keys) % 2],
                f"Promise {i % keys} v{i // keys}",
                STATUSES[i % 5],
                owner="Bo",
                note=text,
            )
            for i in range(share)
        ],
        signoffs=[
            SignOff(
                "sign",
                at(i),
                f"s{i % 20}",
                f"Section {i % 20}",
                "Per",
                ROLES[i % 3],
                "PS",
                wording="Text.",  # the 18 sections of fixed text read exactly so
            )
            for i in range(share)
        ],
        decisions=[
            Decision(
                "decide",
                at(i),
                f"d{i % keys}",
                f"Question {i % keys}?",
                DecisionMethod.DOT_VOTING,
                outcome=text,
                agreed=True,
                votes={"A": i % 7, "B": 3, "C": 1},
                rounds=({"5": 2, "3": 1},),
                objections=(Objection(text, "Resolved"),),
            )
            for i in range(share)
        ],
        actions=[
            ActionItem("actions", at(i), f"a{i % keys}", text, "Bo", date(2026, 12, 1), i >= keys)
            for i in range(share)
        ],
    )


Render = Callable[[Script, SessionSnapshot], str]


def measure(render: Render, session: SessionSnapshot, runs: int) -> tuple[list[float], list[float]]:
    """Wall and CPU seconds per render, ``runs`` times (CPU time is steadier on a busy machine)."""
    wall: list[float] = []
    cpu: list[float] = []
    for _ in range(runs):
        began, began_cpu = time.perf_counter(), time.process_time()
        render(SCRIPT, session)
        wall.append(time.perf_counter() - began)
        cpu.append(time.process_time() - began_cpu)
    return wall, cpu


def main(runs: int = 7) -> None:
    sessions = {size: build_session(size) for size in SIZES}
    for render in (render_markdown, render_agreement):
        print(f"{render.__name__}, {runs} runs per size (median / best)")
        base: float | None = None
        for size, session in sessions.items():
            count = session.record_count
            times, cpu = measure(render, session, runs if size < 100_000 else max(3, runs // 2))
            median = statistics.median(times)
            per_record = median / count
            base = base or per_record
            verdict = ""
            if size in TARGET:
                limit = TARGET[size]
                verdict = "  ok" if median <= limit else f"  OVER the {limit} s target"
            size_kb = len(render(SCRIPT, session)) / 1024
            print(
                f"{count:>7} records: median {median * 1000:7.1f} ms,"
                f" best {min(times) * 1000:7.1f} ms,"
                f" cpu median {statistics.median(cpu) * 1000:7.1f} ms,"
                f" {per_record * 1e6:6.2f} µs/record, ratio {per_record / base:4.2f},"
                f" {size_kb:8.0f} KiB{verdict}"
            )


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 7)
