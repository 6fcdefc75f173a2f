"""Exported notes land in the chosen folder, owner-only, whatever the database holds."""

from __future__ import annotations

import os
import sqlite3
import stat
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest

from tests.unit.engine_fixtures import new_engine
from workshop_tui.export.files import MAX_PIECE, default_export_name, export_session
from workshop_tui.locations import exports_dir
from workshop_tui.storage import open_store

ESCAPE = "/../../elsewhere/pwn"
"""From the current folder (tmp/here/there) up to the test's own folder, then elsewhere."""


def workshop(*args: str | Path, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "workshop_tui", *map(str, args)],
        capture_output=True,
        text=True,
        env=os.environ.copy(),
        timeout=60,
        cwd=cwd,
    )


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture
def tampered(tmp_path: Path) -> Path:
    """A database whose script id and customer were rewritten to climb out of any folder."""
    store = open_store(tmp_path / "engine.db")
    engine, _ = new_engine(tmp_path, store=store)
    engine.notes.add("kept")
    store.close()
    db = tmp_path / "engine.db"
    with sqlite3.connect(db) as connection:
        connection.execute("UPDATE scripts SET script_id = ?", (ESCAPE,))
        connection.execute("UPDATE sessions SET customer = ?", ("../../x/..\\..\\y",))
    connection.close()
    return db


def only_file(folder: Path) -> Path:
    (found,) = [path for path in folder.iterdir() if path.is_file()]
    return found


def test_export_keeps_a_tampered_script_id_inside_the_current_folder(
    tampered: Path, tmp_path: Path
) -> None:
    here = tmp_path / "here" / "there"
    here.mkdir(parents=True)
    result = workshop("--db", tampered, "export", "1", cwd=here)
    assert result.returncode == 0, result.stderr
    assert not (tmp_path / "elsewhere").exists()
    written = only_file(here)
    assert written.name == "2026-11-21-elsewhere-pwn-x-y-session-1.md"
    assert "kept" in written.read_text(encoding="utf-8")
    assert [path for path in here.iterdir() if path.is_dir()] == []
    assert str(written) in result.stdout  # the path is shown


def test_export_to_a_folder_keeps_a_tampered_script_id_inside_it(
    tampered: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    result = workshop("--db", tampered, "export", "1", "-o", out)
    assert result.returncode == 0, result.stderr
    assert not (tmp_path / "elsewhere").exists()
    assert only_file(out).parent == out
    assert list(out.iterdir()) == [only_file(out)]


@pytest.mark.parametrize(
    ("script_id", "customer", "name"),
    [
        ("/etc/passwd", "Acme", "2026-11-21-etc-passwd-acme-session-1.md"),
        ("..", "..", "2026-11-21-session-1.md"),
        ("a\x00b", "C:\\Windows\\con", "2026-11-21-a-b-c-windows-con-session-1.md"),
        ("small", "日本語", "2026-11-21-small-session-1.md"),
        ("small", "\x1b]0;pwned\x07 Ltd.", "2026-11-21-small-0-pwned-ltd-session-1.md"),
    ],
)
def test_every_piece_of_the_name_is_reduced_to_a_safe_one(
    tmp_path: Path, script_id: str, customer: str, name: str
) -> None:
    engine, _ = new_engine(tmp_path)
    session = replace(
        engine.session,
        script_id=script_id,
        setup=replace(engine.session.setup, customer=customer),
    )
    assert default_export_name(session) == name
    written = export_session(engine.script, session, tmp_path / "notes")
    assert written.parent == (tmp_path / "notes").resolve()
    assert written.name == name


def test_a_very_long_customer_still_gives_a_file_name_the_disk_takes(tmp_path: Path) -> None:
    engine, _ = new_engine(tmp_path)
    setup = replace(engine.session.setup, customer="Acme " * 3000)
    session = replace(engine.session, script_id="s" * 5000, setup=setup)
    written = export_session(engine.script, session, tmp_path / "notes")
    assert len(written.name) <= 2 * MAX_PIECE + len("2026-11-21--session-1.md") + 1
    assert written.is_file()


def test_exports_go_to_the_current_folder_owner_only_leaving_the_folder_as_it_was(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    engine, _ = new_engine(tmp_path)
    here = tmp_path / "here"
    here.mkdir(mode=0o755)
    here.chmod(0o755)
    monkeypatch.chdir(here)
    written = export_session(engine.script, engine.session)
    assert written.parent == here.resolve()
    assert mode(written) == 0o600
    assert mode(here) == 0o755  # the facilitator's own folder: not ours to tighten
    assert not exports_dir().exists()  # nothing hidden in the data folder


def test_a_folder_the_user_chose_is_left_as_it_is(tmp_path: Path) -> None:
    engine, _ = new_engine(tmp_path)
    chosen = tmp_path / "shared"
    chosen.mkdir()
    chosen.chmod(0o755)
    written = export_session(engine.script, engine.session, chosen)
    assert mode(chosen) == 0o755
    assert mode(written) == 0o600
    created = export_session(engine.script, engine.session, tmp_path / "new" / "notes")
    assert mode(created.parent) == mode(created.parent.parent) == 0o700
