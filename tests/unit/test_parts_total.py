"""Parts that do not add up to the declared duration, either way, are a warning (exit 0)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from workshop_tui.content.loader import load_script, parse_script_text
from workshop_tui.content.problems import Severity

REPO = Path(__file__).resolve().parents[2]

SCRIPT = """\
id: total
title: Total
purpose: Add up.
duration: {duration}
parts:
  - name: One
    duration: 20m
  - name: Two
    duration: 25m
"""


@pytest.mark.parametrize(
    ("duration", "message"),
    [
        ("50m", "the parts add up to 45m, 5m less than the 50m planned"),
        ("40m", "the parts add up to 45m, 5m more than the 40m planned"),
    ],
)
def test_either_direction_is_a_warning_on_the_duration_line(duration: str, message: str) -> None:
    loaded = parse_script_text(SCRIPT.format(duration=duration), "total.yaml")
    (warning,) = loaded.warnings
    assert (warning.severity, warning.line, warning.field) == (Severity.WARNING, 4, "duration")
    assert warning.message == message


def test_parts_that_add_up_exactly_give_no_warning() -> None:
    assert parse_script_text(SCRIPT.format(duration="45m"), "total.yaml").warnings == []


def test_every_bundled_script_adds_up() -> None:
    for path in sorted((REPO / "workshop_tui" / "facilitation_scripts").glob("*.*")):
        if path.suffix in (".yaml", ".md") and path.name != "README.md":
            loaded = load_script(path)
            assert loaded.script.planned_seconds == loaded.script.duration, path.name


def test_validate_shows_a_short_plan_and_still_exits_0(tmp_path: Path) -> None:
    script = tmp_path / "short.yaml"
    script.write_text(SCRIPT.format(duration="1h"), encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "workshop_tui", "validate", str(script)],
        capture_output=True,
        text=True,
        env=os.environ.copy(),
        timeout=60,
    )
    assert result.returncode == 0
    assert result.stderr == (
        f"{script}:4: warning: duration: the parts add up to 45m, 15m less than the 1h planned\n"
    )
    assert result.stdout == f"ok: {script} (Total, 2 parts, 1h)\n"
