"""Fuzz, the CLI and export half: hostile text through the engine into a real store, then out.

Every text a facilitator can type goes through ``SessionEngine`` into a real
SQLite file; the Markdown export, the exported file, ``workshop sessions``,
``workshop export`` and the error messages that echo what was typed are then
checked: no crash, no raw control character, what was stored reads back, and
the exported file lands in its folder. Scripts with hostile titles and part
names go through ``validate`` and ``scripts`` the same way. (The Pilot half,
every dialog of the app, lives with the UI tests.)

Run with ``-s`` to see the figures: inputs tried, crashes, updates lost.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import REPO
from tests.hostile_text import HostileText, hostile_texts, raw_bidi, raw_controls
from tests.unit.engine_fixtures import SOURCE, small_script
from workshop_tui.cli import main
from workshop_tui.domain.clock import FakeClock
from workshop_tui.domain.engine import EngineError, SessionEngine
from workshop_tui.domain.kinds import CynefinDomain, DecisionMethod, PromiseStatus
from workshop_tui.domain.records import Objection, Participant
from workshop_tui.domain.snapshot import SessionSetup
from workshop_tui.export.files import export_session
from workshop_tui.export.markdown import render_markdown
from workshop_tui.storage import open_store

FIGURES: Counter[str] = Counter({"crashes": 0, "updates lost": 0})
"""Inputs tried, writes refused as empty, crashes, updates lost: printed at the end (``-s``)."""


@pytest.fixture(scope="module", autouse=True)
def figures() -> Iterator[None]:
    yield
    print(f"\nfuzz (CLI and export): {dict(sorted(FIGURES.items()))}")


def terminal_safe(output: str) -> None:
    """What the CLI prints: no raw control, no bidi control."""
    assert raw_controls(output) == [], output[:300]
    assert raw_bidi(output) == [], output[:300]


def attempt(action, *args, **kwargs):  # type: ignore[no-untyped-def]
    """An engine action; refused-as-empty is an answer, not a crash."""
    FIGURES["inputs tried"] += 1
    try:
        return action(*args, **kwargs)
    except EngineError:
        FIGURES["refused (nothing printable, or not allowed)"] += 1
        return None


def fill_session(store, texts: list[str]) -> SessionEngine:  # type: ignore[no-untyped-def]
    """A session where every field a facilitator types holds one of ``texts``."""
    pick = iter(texts * 30).__next__
    setup = SessionSetup(
        customer=pick() + "x",  # the customer is required: something printable in it
        facilitator=pick(),
        participants=(Participant(pick(), "Sponsor"), Participant(pick(), pick())),
        materials_checked=(pick(), pick()),
    )
    FIGURES["inputs tried"] += 6
    engine = SessionEngine.begin(small_script(), SOURCE, setup, store, FakeClock())
    engine.timing.start()
    attempt(engine.notes.add, pick())
    attempt(engine.timing.extend, 60)
    engine.timing.go_to(1)
    placed = attempt(engine.board.classify, pick(), CynefinDomain.COMPLEX, pick())
    if placed is not None:
        attempt(engine.board.move, placed.key, CynefinDomain.CHAOTIC, pick())
    engine.timing.go_to(2)
    promise = attempt(engine.promises.add, pick(), pick(), owner=pick(), note=pick())
    if promise is not None:
        attempt(engine.promises.amend, promise.key, pick(), note=pick())
        attempt(engine.promises.set, promise.key, status=PromiseStatus.AGREED, owner=pick())
    attempt(
        engine.decisions.record,
        pick(),
        DecisionMethod.DOT_VOTING,
        outcome=pick(),
        votes={pick(): 2, pick(): 1},
        objections=(Objection(pick(), pick()),),
    )
    attempt(engine.decisions.overrule_agility, pick())
    action = attempt(engine.actions.add, pick(), pick())
    if action is not None:
        attempt(engine.actions.update, action.key, text=pick(), done=True)
    engine.timing.go_to(3)
    section = engine.part.activity.sections[0].id  # type: ignore[union-attr]
    attempt(engine.signoff.sign, section, pick(), "Sponsor", pick())
    attempt(engine.notes.add, pick())
    return engine


def check_everything_out(db: Path, engine: SessionEngine, folder: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    session_id = engine.session.id
    with open_store(db, readonly=True) as follower:
        script, stored = follower.load_session(session_id)
    if stored.notes != engine.session.notes or stored.promises != engine.session.promises:
        FIGURES["updates lost"] += 1
    assert stored.notes == engine.session.notes, "what the engine said was stored reads back"
    assert stored.setup == engine.session.setup

    markdown = render_markdown(script, stored)
    assert raw_controls(markdown) == []
    written = export_session(script, stored, folder)
    assert written.parent == folder.resolve()
    assert raw_controls(written.read_text(encoding="utf-8")) == []

    for argv in (
        ["--db", str(db), "sessions"],
        ["--db", str(db), "export", str(session_id), "-o", "-"],
        ["--db", str(db), "export", str(session_id), "-o", str(folder)],
    ):
        status = main(argv)
        out, err = capsys.readouterr()
        FIGURES["CLI runs"] += 1
        if status != 0:
            FIGURES["crashes"] += 1
        assert status == 0, err
        terminal_safe(out + err if "-" not in argv else err)
        assert raw_controls(out) == []


def echoed_back(text: str, capsys) -> None:  # type: ignore[no-untyped-def]
    """Commands that name what was typed in their error: the sentence is printable."""
    probe = "x" + text  # never a session id nor a command: these must be refused
    for argv in (["export", probe], ["resume", probe], ["validate", probe], [probe]):
        FIGURES["CLI runs"] += 1
        try:
            status = main(argv)
        except SystemExit as stop:  # argparse's usage errors exit on their own
            status = int(stop.code or 0)
        out, err = capsys.readouterr()
        if status not in (0, 2):
            FIGURES["crashes"] += 1
        assert status in (0, 2), err
        terminal_safe(out + err)


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(texts=st.lists(hostile_texts(), min_size=3, max_size=8))
def test_hostile_text_goes_in_and_comes_out_printable(
    texts: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "fuzz.db"
    folder = tmp_path / "exports"
    with open_store(db) as store:
        engine = fill_session(store, texts)
        check_everything_out(db, engine, folder, capsys)
    echoed_back(texts[0], capsys)
    FIGURES["sessions"] += 1


def hostile_script(folder: Path, stream: HostileText, n: int) -> Path:
    """A valid script whose title, purpose, part names and prompts are hostile text."""
    path = folder / f"hostile-{n}.yaml"
    data = {
        "id": f"hostile-{n}",
        "title": stream.printable_one(),
        "purpose": stream.printable_one(),
        "duration": "20m",
        "parts": [
            {"name": stream.printable_one(), "duration": "10m", "prompts": [stream.one()]},
            {"name": stream.printable_one(), "duration": "10m"},
        ],
    }
    path.write_text(yaml.safe_dump(data, allow_unicode=False), encoding="utf-8")
    return path


def workshop(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "workshop_tui", *map(str, args)],
        capture_output=True,
        text=True,
        errors="surrogateescape",
        env={**os.environ, "PYTHONPATH": str(REPO)},
        timeout=120,
    )


@pytest.mark.parametrize("seed", [9, 90, 900])
def test_seeded_hostile_text_through_the_real_command_line(seed: int, tmp_path: Path) -> None:
    """The same generator through real processes: listings, exports and scripts."""
    stream = HostileText(seed)
    db = tmp_path / "w.db"
    with open_store(db) as store:
        engines = [fill_session(store, [stream.one() for _ in range(6)]) for _ in range(4)]
    scripts = tmp_path / "scripts"
    scripts.mkdir()
    for n in range(4):
        hostile_script(scripts, stream, n)
    out = tmp_path / "out"
    runs = [
        workshop("--db", db, "sessions"),
        *(workshop("--db", db, "export", str(e.session.id), "-o", out) for e in engines),
        workshop("--db", db, "export", "1", "-o", "-"),
        workshop("validate", *sorted(scripts.iterdir())),
        workshop("scripts", "--scripts-dir", scripts),
        workshop("--db", db, "export", "x" + stream.one(long=False).replace("\x00", "")),
    ]
    for result in runs:
        FIGURES["CLI runs"] += 1
        if result.returncode not in (0, 2) or "Traceback" in result.stderr:
            FIGURES["crashes"] += 1
        assert result.returncode in (0, 2), result.stderr
        assert "Traceback" not in result.stderr
        assert raw_controls(result.stdout + result.stderr) == []
    for result in runs[:6]:  # the listing and the exports succeed; scripts may have problems
        assert result.returncode == 0, result.stderr
    for result in runs:
        if result.args[-2:] != ["-o", "-"]:  # Markdown on stdout keeps bidi text, as the file does
            assert raw_bidi(result.stdout + result.stderr) == []
    exported = sorted(out.iterdir())
    assert len(exported) == len(engines)
    FIGURES["sessions"] += len(engines)
