"""Nothing the CLI prints of stored, typed or script text reaches the terminal as a command."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.hostile_text import raw_controls
from tests.unit.engine_fixtures import small_script
from workshop_tui.domain.clock import FakeClock
from workshop_tui.domain.engine import SessionEngine
from workshop_tui.domain.snapshot import SessionSetup
from workshop_tui.printable import printable
from workshop_tui.storage import open_store

TITLE = "\x1b[2J\x1b[H\x1b]0;pwned\x07 cleared"
CUSTOMERS = (
    "\x1b]8;;https://evil.example\x1b\\Acme\x1b]8;;\x1b\\",  # OSC 8 hyperlink
    "\x1b]0;retitled\x07Globex",  # OSC 0
    "\x1b[2JInitech",  # clear the screen
    "\x9b31mUmbrella",  # C1 CSI
    "Hooli\rOverwritten",
    "\u202eevil\u202c Corp",
)
BIDI = "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"


def unsafe(output: str) -> list[str]:
    """Raw controls (tests.hostile_text) and bidi controls, which must never come out raw."""
    return raw_controls(output) + [char for char in output if char in BIDI]


def workshop(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "workshop_tui", *map(str, args)],
        capture_output=True,
        text=True,
        env=os.environ.copy(),
        timeout=60,
    )


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("\x1b[2J", "\\x1b[2J"),
        ("\x1b]0;pwned\x07", "\\x1b]0;pwned\\x07"),
        (
            "\x1b]8;;https://e.x\x1b\\a\x1b]8;;\x1b\\",
            "\\x1b]8;;https://e.x\\x1b\\a\\x1b]8;;\\x1b\\",
        ),
        ("bell\x07", "bell\\x07"),
        ("c1 \x9b31m \x85", "c1 \\x9b31m \\x85"),
        ("over\rwrite", "over\\rwrite"),
        ("two\nlines\tand tab", "two\\nlines\\tand tab"),
        ("\u202eevil\u202c", "\\u202eevil\\u202c"),
        ("\u2066isolate\u2069 \u200f", "\\u2066isolate\\u2069 \\u200f"),
        ("nul\x00 del\x7f", "nul\\x00 del\\x7f"),
    ],
)
def test_every_control_is_shown_as_an_escape(text: str, shown: str) -> None:
    assert printable(text) == shown
    assert unsafe(printable(text)) == []


@pytest.mark.parametrize("text", ["Acme", "Zoë 日本語", "👩‍👩‍👧‍👦 family", "e\u0301", "a\u00a0b"])
def test_ordinary_text_is_printed_as_it_is(text: str) -> None:
    assert printable(text) == text


def test_printing_twice_changes_nothing() -> None:
    once = printable(TITLE + "".join(CUSTOMERS))
    assert printable(once) == once


@pytest.fixture
def hostile_script(tmp_path: Path) -> Path:
    path = tmp_path / "hostile.yaml"
    path.write_text(
        "id: hostile\n"
        'title: "\\e[2J\\e[H\\e]0;pwned\\a cleared"\n'
        "purpose: Try to take over the terminal.\n"
        "duration: 10m\n"
        "parts:\n"
        '  - name: "Part \\e]8;;https://evil.example\\e\\\\one\\e]8;;\\e\\\\"\n'
        "    duration: 10m\n",
        encoding="utf-8",
    )
    return path


def test_validate_prints_a_hostile_title_as_text(hostile_script: Path) -> None:
    result = workshop("validate", hostile_script)
    assert result.returncode == 0, result.stderr
    assert unsafe(result.stdout + result.stderr) == []
    assert "\\x1b[2J\\x1b[H\\x1b]0;pwned\\x07 cleared" in result.stdout


def test_scripts_lists_a_hostile_title_as_text(hostile_script: Path) -> None:
    result = workshop("scripts", "--scripts-dir", hostile_script.parent)
    assert result.returncode == 0, result.stderr
    assert unsafe(result.stdout + result.stderr) == []
    assert "\\x1b]0;pwned\\x07 cleared" in result.stdout


def test_a_broken_script_s_problems_are_printed_as_text(tmp_path: Path) -> None:
    path = tmp_path / "broken\x1b[2J.yaml"
    path.write_text('id: "x\\e]0;t\\a"\ntitle: [\n', encoding="utf-8")
    for result in (workshop("validate", path), workshop("scripts", "--scripts-dir", tmp_path)):
        assert "broken\\x1b[2J.yaml" in result.stdout + result.stderr
        assert unsafe(result.stdout + result.stderr) == []


def test_sessions_lists_hostile_customers_as_text(tmp_path: Path) -> None:
    db = tmp_path / "hostile.db"
    store = open_store(db)
    for customer in CUSTOMERS:
        SessionEngine.begin(small_script(), "", SessionSetup(customer), store, FakeClock())
    store.close()
    result = workshop("--db", db, "sessions")
    assert result.returncode == 0, result.stderr
    assert unsafe(result.stdout) == []
    assert "\\x1b]8;;https://evil.example\\x1b\\Acme" in result.stdout
    assert "Hooli\\rOverwritten" in result.stdout
    assert len(result.stdout.splitlines()) == 1 + len(CUSTOMERS)


@pytest.mark.parametrize("command", ["export", "resume"])
def test_a_bad_session_id_is_echoed_as_text(command: str) -> None:
    result = workshop(command, "3\x1b]0;pwned\x07")
    assert result.returncode == 2
    assert '"3\\x1b]0;pwned\\x07" is not a session id' in result.stderr
    assert unsafe(result.stderr) == []


def test_an_unknown_command_is_echoed_as_text() -> None:
    result = workshop("\x1b[2Jsessions")
    assert result.returncode == 2
    assert "\\x1b[2Jsessions" in result.stderr
    assert unsafe(result.stderr) == []


def test_a_database_path_with_escapes_is_named_as_text(tmp_path: Path) -> None:
    db = tmp_path / "notes\x1b]0;x\x07.db"
    db.write_text("not a database")
    result = workshop("--db", db, "sessions")
    assert result.returncode == 2
    assert "notes\\x1b]0;x\\x07.db is not a workshop-tui database" in result.stderr
    assert unsafe(result.stderr) == []


def test_the_export_message_names_the_file_as_text(tmp_path: Path) -> None:
    db = tmp_path / "w.db"
    store = open_store(db)
    engine = SessionEngine.begin(small_script(), "", SessionSetup("Acme"), store, FakeClock())
    engine.notes.add("kept")
    folder = tmp_path / "out\x1b[2J"
    folder.mkdir()
    result = workshop("--db", db, "export", "1", "-o", folder)
    assert result.returncode == 0, result.stderr
    assert "out\\x1b[2J" in result.stdout
    assert unsafe(result.stdout) == []


def test_run_prints_a_broken_script_s_problems_as_text(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """``workshop run`` stops through the app's own one-sentence exit, also printable."""
    from textual.app import App

    from workshop_tui.app.workshop_app import WorkshopApp
    from workshop_tui.cli import main

    monkeypatch.setattr(WorkshopApp, "run", lambda self: App.run(self, headless=True))
    path = tmp_path / "broken\x1b]0;pwned\x07.yaml"
    path.write_text('id: x\ntitle: "\\e[2J"\nparts: 5\n', encoding="utf-8")
    assert main(["run", str(path)]) == 2
    err = capsys.readouterr().err
    assert "broken\\x1b]0;pwned\\x07.yaml" in err
    assert unsafe(err) == []
