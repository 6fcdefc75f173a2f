"""``workshop room``: what it refuses (one sentence, exit 2), a database it waits for, and a
facilitator killed mid-way."""

from __future__ import annotations

import os
import select
import signal
import sqlite3
import subprocess
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

import workshop_tui.room.opening
from tests.ui.room_harness import bundled_engine, drawn, room_app, screen_text
from tests.unit.engine_fixtures import new_engine
from tests.unit.test_single_writer import ENV, HEADLESS, holding, workshop
from tests.waiting import calls_to, wait_until
from workshop_tui.domain.clock import FakeClock
from workshop_tui.domain.engine import SessionEngine
from workshop_tui.locations import StoreLocation
from workshop_tui.room.screens import WAITING
from workshop_tui.storage.following import Follower
from workshop_tui.storage.opener import open_store


def refusal(*args: str | Path) -> str:
    done = workshop(*args)
    assert done.returncode == 2, done.stderr
    assert "Traceback" not in done.stderr
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("workshop: "), done.stderr
    return lines[0]


def test_what_the_room_view_cannot_follow_is_one_sentence(tmp_path: Path) -> None:
    nowhere = tmp_path / "no-such-folder" / "none.db"
    assert "none.db" in refusal("--db", nowhere, "room")
    assert not nowhere.parent.exists()
    (tmp_path / "a-file").write_text("not a folder")
    assert "none.db" in refusal("--db", tmp_path / "a-file" / "none.db", "room")
    missing = tmp_path / "none.db"
    assert "none.db" in refusal("--db", missing, "room", "3")  # no session 3 in no file
    assert not missing.exists()
    new_engine(tmp_path)
    assert "42" in refusal("--db", tmp_path / "engine.db", "room", "42")
    damaged = tmp_path / "damaged.db"
    damaged.write_bytes(b"not a database at all" * 50)
    assert "damaged.db" in refusal("--db", damaged, "room")
    assert damaged.read_bytes() == b"not a database at all" * 50
    assert workshop("room", "x").returncode == 2  # not a session id


@pytest.mark.parametrize("where", ["--db", "data folder"])
def test_the_room_view_waits_for_the_database_a_console_creates_and_follows_it(
    tmp_path: Path, where: str
) -> None:
    env = {key: value for key, value in ENV.items() if key != "WORKSHOP_DB"}
    env["WORKSHOP_DATA_DIR"] = str(tmp_path / "fresh" / "data")  # not created yet
    if where == "--db":
        db, args = tmp_path / "later.db", ["--db", str(tmp_path / "later.db"), "room"]
    else:
        db, args = tmp_path / "fresh" / "data" / "workshop.db", ["room"]
    room = subprocess.Popen(
        [sys.executable, str(HEADLESS), *args],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert room.stdout is not None
        said = room.stdout.readline() if select.select([room.stdout], [], [], 60)[0] else ""
        assert said == "WAITING\n", room.stderr.read() if room.stderr else ""  # not refused
        assert room.poll() is None, room.stderr.read() if room.stderr else ""
        assert not db.exists()  # waiting creates nothing
        since = datetime.now(UTC) - timedelta(minutes=1)
        engine = bundled_engine(db, "customer-working-agreement", FakeClock())
        store = open_store(db, readonly=True)
        try:
            for _ in range(200):
                if store.room_view_seen(engine.session.id, since):
                    break
                time.sleep(0.1)
            else:
                raise AssertionError("the room view never followed the new session")
        finally:
            store.close()
            engine.close()
        assert room.poll() is None
    finally:
        room.terminate()
        room.wait(10)


@pytest.mark.parametrize("before", ["no file", "an empty file"])
async def test_the_room_view_waits_on_screen_until_the_console_creates_the_database(
    tmp_path: Path, before: str
) -> None:
    db = tmp_path / "later.db"
    if before == "an empty file":
        db.touch()
    clock = FakeClock()
    app = room_app(db, clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await drawn(pilot)
        assert WAITING in screen_text(app)
        # the console at set-up: a database, no session yet, which the room view reads
        await drawn(pilot, lambda: open_store(db).close())
        assert WAITING in screen_text(app) and app.return_code is None
        started: list[SessionEngine] = []
        await drawn(
            pilot, lambda: started.append(bundled_engine(db, "customer-working-agreement", clock))
        )
        assert "Customer Working Agreement" in screen_text(app)
        assert started[0].part.name[:20] in screen_text(app)


async def test_a_file_that_appears_but_never_becomes_a_workshop_database_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(workshop_tui.room.opening, "CREATING_SECONDS", 0.3)
    db = tmp_path / "later.db"
    app = room_app(db, FakeClock())
    async with app.run_test(size=(100, 30)) as pilot:
        await drawn(pilot)
        db.write_bytes(b"not a database at all" * 50)
        for _ in range(300):
            await pilot.pause(0.01)
            if app.return_code is not None:
                break
    assert app.return_code == 2
    assert db.read_bytes() == b"not a database at all" * 50


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs kill -9")
async def test_the_room_view_outlives_a_killed_facilitator_and_follows_the_resumed_one(
    store_location: StoreLocation, monkeypatch: pytest.MonkeyPatch
) -> None:
    """On a SQLite file and on a team store: the console killed with kill -9 while the room
    view follows; the room keeps the last committed state, and the session, taken over at
    once (same machine, its process gone), goes on with the room view following."""
    looks = calls_to(monkeypatch, Follower, "poll")
    db = store_location
    app = room_app(db, FakeClock())
    with holding(db) as facilitator:
        assert facilitator.send("next").startswith("OK")
        async with app.run_test(size=(100, 30)) as pilot:
            await drawn(pilot)
            assert "Type of work" in screen_text(app)
            os.kill(facilitator.pid, signal.SIGKILL)
            facilitator.process.wait(10)
            killed = looks()
            await wait_until(pilot, lambda: looks() >= killed + 3, what="3 looks at the store")
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
