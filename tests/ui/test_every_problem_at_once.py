"""Issue 29, item 17: a script's every problem in one run, a question asked twice included.

Six problems in one file: a mistyped key, a dot vote with one option, a question asked twice
in one part, a section nobody initials, and two sections presenting questions nobody asks.
Before, ``workshop validate`` named three, then the others one at a time as each was fixed.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.ui.app_driver import clock, make_app
from workshop_tui.domain.clock import FakeClock
from workshop_tui.storage import open_store

BROKEN = """\
id: six-problems
title: Six problems
purpose: Show every problem at once
duration: 30m
parts:
  - name: Decide
    duraton: 10m
    duration: 10m
    activity:
      kind: decisions
      questions:
        - question: Which day?
          method: dot_voting
          options: [Monday]
        - question: Do we start?
          method: consent
        - question: Do we start?
          method: consent
  - name: Sign
    duration: 10m
    activity:
      kind: signoff
      sections:
        - title: Start
          text: We start.
          presents:
            - decision: Do we begin?
  - name: Sign again
    duration: 10m
    activity:
      kind: signoff
      signatories: [Lead]
      sections:
        - title: Day
          presents:
            - decision: Which weekday?
"""
EXPECTED = [
    (7, 'unknown key "duraton"'),
    (12, "dot voting needs at least two options"),
    (17, 'question "Do we start?" appears twice (first at line 15)'),
    (24, 'section "Start" names nobody to initial it'),
    (27, 'section "Start": no decisions part asks "Do we begin?"'),
    (36, 'no decisions part asks "Which weekday?" (did you mean "Which day?")'),
]

__all__ = ["clock"]


def broken(tmp_path: Path) -> Path:
    path = tmp_path / "six.yaml"
    path.write_text(BROKEN, encoding="utf-8")
    return path


def test_17_validate_names_every_problem_in_one_run(tmp_path: Path) -> None:
    path = broken(tmp_path)
    command = [sys.executable, "-m", "workshop_tui", "validate", str(path)]
    result = subprocess.run(command, capture_output=True, text=True, encoding="utf-8")
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == len(EXPECTED), result.stderr
    for line, (number, words) in zip(lines, EXPECTED, strict=True):
        assert line.startswith(f"{path}:{number}: ") and words in line


async def test_17_running_it_names_every_problem_and_starts_nothing(
    tmp_path: Path, clock: FakeClock, capsys: pytest.CaptureFixture[str]
) -> None:
    path, db = broken(tmp_path), tmp_path / "w.db"
    app = make_app(db, clock, script_ref=str(path))
    async with app.run_test(size=(100, 30)) as pilot:
        while app.return_code is None:
            await pilot.pause(0.05)
    assert app.return_code == 2
    said = " ".join(capsys.readouterr().err.split())  # the terminal wraps it
    for _, words in EXPECTED:
        assert words in said
    if db.exists():
        with open_store(db, readonly=True) as store:
            assert store.list_sessions() == []
