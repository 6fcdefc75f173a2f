"""``workshop room``: what it refuses (one sentence, exit 2), and a facilitator killed mid-way."""

from __future__ import annotations

import os
import signal
import sqlite3
from pathlib import Path

import pytest

from tests.ui.room_harness import drawn, room_app, screen_text
from tests.unit.engine_fixtures import new_engine
from tests.unit.test_single_writer import holding, workshop
from workshop_tui.domain.clock import FakeClock


def refusal(*args: str | Path) -> str:
    done = workshop(*args)
    assert done.returncode == 2, done.stderr
    assert "Traceback" not in done.stderr
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("workshop: "), done.stderr
    return lines[0]


def test_what_the_room_view_cannot_follow_is_one_sentence(tmp_path: Path) -> None:
    missing = tmp_path / "none.db"
    assert "none.db" in refusal("--db", missing, "room")
    assert not missing.exists()
    new_engine(tmp_path)
    assert "42" in refusal("--db", tmp_path / "engine.db", "room", "42")
    damaged = tmp_path / "damaged.db"
    damaged.write_bytes(b"not a database at all" * 50)
    assert "damaged.db" in refusal("--db", damaged, "room")
    assert damaged.read_bytes() == b"not a database at all" * 50
    assert workshop("room", "x").returncode == 2  # not a session id


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs kill -9")
async def test_the_room_view_outlives_a_killed_facilitator_and_follows_the_resumed_one(
    tmp_path: Path,
) -> None:
    db = tmp_path / "w.db"
    app = room_app(db, FakeClock())
    with holding(db) as facilitator:
        assert facilitator.send("next").startswith("OK")
        async with app.run_test(size=(100, 30)) as pilot:
            await drawn(pilot)
            assert "Type of work" in screen_text(app)
            os.kill(facilitator.pid, signal.SIGKILL)
            facilitator.process.wait(10)
            await pilot.pause(0.3)
            assert "Type of work" in screen_text(app)  # the last committed state stays
            with holding(db, facilitator.session_id) as resumed:
                assert resumed.send("next").startswith("OK")
                await drawn(pilot)
                assert "Promises" in screen_text(app)
                resumed.send("quit")


def test_a_newer_schema_is_refused_in_the_console_s_words(tmp_path: Path) -> None:
    engine, _ = new_engine(tmp_path)
    engine.close()
    db = tmp_path / "engine.db"
    with sqlite3.connect(db) as connection:
        connection.execute("PRAGMA user_version = 99")
    connection.close()
    assert refusal("--db", db, "room") == refusal("--db", db, "resume", "1")
