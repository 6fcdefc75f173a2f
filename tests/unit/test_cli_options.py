"""``--db`` and ``--scripts-dir`` go where people type them: before or after the command.

Run through the real ``workshop`` console script that pip installed, as a user would.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.store_kinds import db_argument
from tests.unit.engine_fixtures import new_engine
from workshop_tui.locations import StoreLocation

REPO = Path(__file__).resolve().parents[2]
SCRIPTS = REPO / "tests" / "fixtures" / "scripts"
CONSOLE_SCRIPT = Path(sys.executable).with_name("workshop")
COMMANDS = ("run", "resume", "sessions", "export", "validate", "scripts")


def workshop(*args: str | Path | StoreLocation) -> subprocess.CompletedProcess[str]:
    """The installed console script; a store is named by its file's path or its URL."""
    assert CONSOLE_SCRIPT.is_file(), f"pip did not install the console script {CONSOLE_SCRIPT}"
    named = [db_argument(arg) if isinstance(arg, StoreLocation) else str(arg) for arg in args]
    return subprocess.run(
        [str(CONSOLE_SCRIPT), *named],
        capture_output=True,
        text=True,
        env=os.environ.copy(),
        timeout=60,
    )


@pytest.fixture
def db_with_a_session(tmp_path: Path) -> Path:
    engine, _clock = new_engine(tmp_path)
    engine.notes.add("Kept in the other file")
    return tmp_path / "engine.db"


def test_db_before_or_after_sessions_lists_the_same_file(db_with_a_session: Path) -> None:
    before = workshop("--db", db_with_a_session, "sessions")
    after = workshop("sessions", "--db", db_with_a_session)
    assert before.returncode == after.returncode == 0, (before.stderr, after.stderr)
    assert before.stdout == after.stdout
    assert "Acme" in after.stdout and "small" in after.stdout


def test_export_takes_db_after_the_session_id(db_with_a_session: Path) -> None:
    result = workshop("export", "1", "--db", db_with_a_session, "-o", "-")
    assert result.returncode == 0, result.stderr
    assert "Kept in the other file" in result.stdout


def test_db_typed_last_wins(db_with_a_session: Path, tmp_path: Path) -> None:
    empty = tmp_path / "empty.db"
    result = workshop("--db", empty, "sessions", "--db", db_with_a_session)
    assert result.returncode == 0
    assert "Acme" in result.stdout


def test_scripts_dir_after_the_command_adds_the_folder() -> None:
    after = workshop("validate", "minimal", "--scripts-dir", SCRIPTS)
    before = workshop("--scripts-dir", SCRIPTS, "validate", "minimal")
    assert after.returncode == before.returncode == 0, after.stderr
    assert after.stdout == before.stdout
    assert "minimal" in workshop("scripts", "--scripts-dir", SCRIPTS).stdout


def test_a_missing_folder_after_the_command_is_a_usage_error(tmp_path: Path) -> None:
    result = workshop("scripts", "--scripts-dir", tmp_path / "nowhere")
    assert result.returncode == 2
    assert "is not a folder" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize("command", COMMANDS)
def test_every_commands_help_shows_both_options(command: str) -> None:
    result = workshop(command, "--help")
    assert result.returncode == 0
    assert "--db PATH|URL" in result.stdout
    assert "--scripts-dir DIR" in result.stdout
