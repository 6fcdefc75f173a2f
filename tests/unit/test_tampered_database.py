"""A damaged or tampered database: one sentence naming the file and what is wrong, exit 2.

Each case is a real file with a session of every record kind, changed behind
workshop-tui's back with sqlite3 (as a careless or hostile person would), then
opened by the commands that read it. The file's bytes stay as they were.
"""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from textual.app import App

from tests.conftest import REPO
from tests.unit.test_database_errors import assert_untouched, fingerprint
from tests.unit.test_store_samples import T0, new_session, new_store, sample_records
from workshop_tui.app.workshop_app import WorkshopApp
from workshop_tui.cli import main
from workshop_tui.domain.ports import StoreError
from workshop_tui.storage.opener import open_store

HEADLESS = REPO / "tests" / "fixtures" / "headless_workshop.py"
SESSION_LEVEL = ("sessions", "resume", "export")
"""Commands that open the file: each must refuse what is wrong with the sessions table."""
LOAD_LEVEL = ("resume", "export")
"""Commands that load the session: each must refuse what is wrong in its rows."""

CASES: dict[str, tuple[str, str, tuple[str, ...]]] = {
    # name: (SQL that damages the file, what the sentence says, the commands that refuse it)
    "sessions-table-dropped": (
        "DROP TABLE sessions",
        "is damaged: its sessions table is missing",
        SESSION_LEVEL,
    ),
    "notes-text-column-dropped": (
        "ALTER TABLE notes DROP COLUMN text",
        "is damaged: the text column of notes is missing",
        SESSION_LEVEL,
    ),
    "lock-table-dropped": (
        "DROP TABLE session_locks",
        "is damaged: its session_locks table is missing",
        SESSION_LEVEL,
    ),
    "state-hacked": (
        "UPDATE sessions SET state = 'hacked'",
        "session 1 has state 'hacked', which is not one of setup, running, paused, finished",
        SESSION_LEVEL,
    ),
    "created-yesterday": (
        "UPDATE sessions SET created_at = 'yesterday'",
        "session 1 has created_at 'yesterday', which is not a time",
        SESSION_LEVEL,
    ),
    "impossible-date": (
        "UPDATE sessions SET last_seen_at = '2026-02-31T09:00:00.000000+00:00'",
        "session 1 has last_seen_at '2026-02-31T09:00:00.000000+00:00', which is not a time",
        SESSION_LEVEL,
    ),
    "time-without-zone": (
        "UPDATE sessions SET started_at = '2026-11-21T09:00:00'",
        "which is not a time",
        SESSION_LEVEL,
    ),
    "year-ten-thousand-minus-one": (
        "UPDATE sessions SET created_at = '9999-12-31T23:59:59.999999+00:00'",
        "which is not a time",
        SESSION_LEVEL,
    ),
    "materials-not-json": (
        "UPDATE sessions SET materials_checked = 'pens, paper'",
        "session 1 has materials_checked 'pens, paper', which is not a list of texts",
        SESSION_LEVEL,
    ),
    "materials-not-a-list": (
        """UPDATE sessions SET materials_checked = '{"pens": 1}'""",
        "which is not a list of texts",
        SESSION_LEVEL,
    ),
    "current-part-99": (
        "UPDATE sessions SET current_part = 99",
        "session 1 has current_part 99, which is not one of the session's parts",
        SESSION_LEVEL,
    ),
    "current-part-text": (
        "UPDATE sessions SET current_part = 'two'",
        "session 1 has current_part 'two'",
        SESSION_LEVEL,
    ),
    "customer-binary": (
        "UPDATE sessions SET customer = x'00ff10'",
        "session 1 has customer 3 bytes of binary data, which is not text",
        SESSION_LEVEL,
    ),
    "script-gone": (
        "UPDATE sessions SET script_row_id = 7",
        "session 1 has script_row_id 7, which is not a stored script",
        SESSION_LEVEL,
    ),
    "lock-pid-text": (
        "INSERT INTO session_locks VALUES "
        "(1, 'x', 'me', 'laptop', '2026-11-21T09:00:00.000000+00:00')",
        "session 1 has session_locks.pid 'me', which is not a whole number in range",
        SESSION_LEVEL,
    ),
    "cynefin-obvious": (
        "UPDATE classifications SET domain = 'obvious'",
        "session 1 has classifications.domain 'obvious', which is not one of clear, complicated",
        LOAD_LEVEL,
    ),
    "promise-maybe": (
        "UPDATE promises SET status = 'maybe'",
        "session 1 has promises.status 'maybe', which is not one of proposed",
        LOAD_LEVEL,
    ),
    "decision-method-unknown": (
        "UPDATE decisions SET method = 'coin toss'",
        "session 1 has decisions.method 'coin toss'",
        LOAD_LEVEL,
    ),
    "votes-not-counts": (
        """UPDATE decisions SET votes = '{"A": "lots"}'""",
        "which is not a count of votes per option",
        LOAD_LEVEL,
    ),
    "rounds-negative": (
        """UPDATE decisions SET rounds = '[{"3": -1}]'""",
        "which is not a list of rounds of counts",
        LOAD_LEVEL,
    ),
    "objection-extra-key": (
        """UPDATE decisions SET objections = '[{"text": "a", "resolution": "", "x": 1}]'""",
        "which is not a list of objections with their resolutions",
        LOAD_LEVEL,
    ),
    "elapsed-text": (
        "UPDATE part_timings SET elapsed_seconds = 'abc'",
        "session 1 has part_timings.elapsed_seconds 'abc', which is not a number in range",
        LOAD_LEVEL,
    ),
    "elapsed-infinite": (
        "UPDATE part_timings SET elapsed_seconds = 1e999",
        "session 1 has part_timings.elapsed_seconds inf, which is not a number in range",
        LOAD_LEVEL,
    ),
    "planned-nothing": (
        "UPDATE part_timings SET planned_seconds = 0",
        "session 1 has part_timings.planned_seconds 0",
        LOAD_LEVEL,
    ),
    "skipped-maybe": (
        "UPDATE part_timings SET skipped = 7",
        "session 1 has part_timings.skipped 7, which is not yes or no",
        LOAD_LEVEL,
    ),
    "due-impossible": (
        "UPDATE actions SET due = '2026-13-01' WHERE due IS NOT NULL",
        "session 1 has actions.due '2026-13-01', which is not a date",
        LOAD_LEVEL,
    ),
    "note-at-yesterday": (
        "UPDATE notes SET at = 'yesterday'",
        "session 1 has notes.at 'yesterday', which is not a time",
        LOAD_LEVEL,
    ),
    "a-part-timing-gone": (
        "DELETE FROM part_timings WHERE position = 5",
        "the parts of session 1 do not match its script",
        LOAD_LEVEL,
    ),
    "carried-from-text": (
        "UPDATE actions SET carried_from = 'last time'",
        "session 1 has actions.carried_from 'last time'",
        LOAD_LEVEL,
    ),
    "renegotiates-a-later-session": (
        "UPDATE sessions SET renegotiates = 5",
        "session 1 has renegotiates 5, which is not an earlier session",
        SESSION_LEVEL,
    ),
    "script-not-json": (
        "UPDATE scripts SET model_json = 'not json'",
        "the script of session 1 is not one this version can run",
        LOAD_LEVEL,
    ),
}


@pytest.fixture
def sample_db(tmp_path: Path) -> Path:
    """A closed database with one session holding every kind of record."""
    store, path = new_store(tmp_path)
    with store:
        session_id = new_session(store)
        for record in sample_records():
            store.add_record(session_id, record)
    return path


def tamper(path: Path, sql: str) -> None:
    connection = sqlite3.connect(path)
    try:
        connection.execute(sql)
        connection.commit()
    finally:
        connection.close()


@pytest.fixture
def headless(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(WorkshopApp, "run", lambda self: App.run(self, headless=True))


def run(command: str, db: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    """``workshop --db DB COMMAND`` in this process; its status and stderr."""
    argv = {
        "sessions": ["sessions"],
        "resume": ["resume", "1"],
        "export": ["export", "1", "-o", "-"],
    }
    status = main(["--db", str(db), *argv[command]])
    return status, capsys.readouterr().err


@pytest.mark.usefixtures("headless")
@pytest.mark.parametrize("case", list(CASES))
def test_a_tampered_file_gets_one_sentence_and_exit_2(
    case: str, sample_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    sql, sentence, commands = CASES[case]
    tamper(sample_db, sql)
    before = fingerprint(sample_db)
    for command in commands:
        status, err = run(command, sample_db, capsys)
        assert status == 2, (command, err)
        assert err.startswith(f"workshop: {sample_db} "), (command, err)
        assert sentence in err, (command, err)
        assert err.endswith("it was left untouched\n"), (command, err)
        assert err.count("\n") == 1, (command, err)
    assert_untouched(sample_db, before, strict=False)


@pytest.mark.parametrize("case", ["notes-text-column-dropped", "sessions-table-dropped"])
def test_a_missing_table_or_column_is_found_when_the_file_is_opened(
    case: str, sample_db: Path
) -> None:
    sql, sentence, _ = CASES[case]
    tamper(sample_db, sql)
    before = fingerprint(sample_db)
    for readonly in (False, True):
        with pytest.raises(StoreError, match=sentence):
            open_store(sample_db, readonly=readonly)
    assert_untouched(sample_db, before, strict=False)


def test_an_older_file_missing_a_table_is_refused_before_it_is_upgraded(tmp_path: Path) -> None:
    from tests.unit.test_store_samples import old_database

    path = tmp_path / "old.db"
    old_database(path, 2)
    tamper(path, "DROP TABLE signoffs")
    before = fingerprint(path)
    with pytest.raises(StoreError, match="is damaged: its signoffs table is missing"):
        open_store(path)
    assert_untouched(path, before, strict=False)


def workshop(*args: str | Path) -> subprocess.CompletedProcess[str]:
    """The real command line in a process of its own, the app headless."""
    return subprocess.run(
        [sys.executable, str(HEADLESS), *map(str, args)],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(REPO)},
        timeout=60,
    )


def test_a_folder_given_as_the_database_is_named(tmp_path: Path) -> None:
    folder = tmp_path / "d.db"
    folder.mkdir()
    for command in (["sessions"], ["resume"], ["export", "1"]):
        result = workshop("--db", folder, *command)
        assert result.returncode == 2, (command, result.stderr)
        assert result.stderr == (
            f"workshop: {folder} is a folder, not a database file; choose a file with --db\n"
        ), command
    assert list(folder.iterdir()) == []


def test_a_tampered_value_in_a_real_process_is_one_sentence(sample_db: Path) -> None:
    tamper(sample_db, "UPDATE sessions SET state = 'hacked'")
    for command in (["sessions"], ["resume", "1"]):
        result = workshop("--db", sample_db, *command)
        assert result.returncode == 2, result.stderr
        assert "session 1 has state 'hacked'" in result.stderr
        assert "Traceback" not in result.stderr


def test_a_clean_file_opens_as_before(sample_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--db", str(sample_db), "export", "1", "-o", "-"]) == 0
    assert "Share data weekly" in capsys.readouterr().out
    with open_store(sample_db) as store:
        store.open_session(1, T0)
