"""Following a session from the store, read-only: what changed is read, nothing else is."""

from __future__ import annotations

import sqlite3
from datetime import timedelta
from pathlib import Path

import pytest

from tests.unit.engine_fixtures import new_engine
from workshop_tui.domain.kinds import SessionState
from workshop_tui.domain.ports import SessionNotFound, StoreError
from workshop_tui.domain.room_cue import NO_CUE, InPlay
from workshop_tui.storage import open_store
from workshop_tui.storage.following import Follower


def revision(path: Path, session_id: int) -> int:
    with sqlite3.connect(path) as connection:
        (found,) = connection.execute(
            "SELECT revision FROM sessions WHERE id = ?", (session_id,)
        ).fetchone()
    connection.close()
    return int(found)


def test_a_follower_reads_each_commit_once_and_writes_no_session_row(tmp_path: Path) -> None:
    store = open_store(tmp_path / "engine.db")
    engine, clock = new_engine(tmp_path, store=store)
    follower = Follower(tmp_path / "engine.db", now=clock.now)
    try:
        changed, followed = follower.poll()
        assert changed and followed is not None
        assert followed.session.id == engine.session.id and not followed.blanked
        assert follower.poll() == (False, None)  # nothing committed since
        engine.timing.toggle()
        changed, followed = follower.poll()
        assert changed and followed is not None and followed.session.timings[0].running_since
        before = revision(tmp_path / "engine.db", engine.session.id)
        follower.beat(clock.now())
        assert follower.poll() == (False, None)  # its own heartbeat is not a change
        assert revision(tmp_path / "engine.db", engine.session.id) == before
        assert store.room_view_seen(engine.session.id, clock.now())
        assert not store.room_view_seen(engine.session.id, clock.now() + timedelta(seconds=1))
        store.set_room_blank(engine.session.id, True, clock.now())
        changed, followed = follower.poll()
        assert changed and followed is not None and followed.blanked
        engine.timing.toggle()  # the console's compare-and-set still holds after the blanking
    finally:
        follower.close()
    assert not store.room_view_seen(engine.session.id, clock.now())


def test_with_no_session_named_it_follows_the_newest_claim(tmp_path: Path) -> None:
    first, clock = new_engine(tmp_path)
    follower = Follower(tmp_path / "engine.db", now=clock.now)
    try:
        assert follower.poll()[1].session.id == first.session.id  # type: ignore[union-attr]
        clock.advance(60)
        second, _ = new_engine(tmp_path, clock)
        changed, followed = follower.poll()
        assert changed and followed is not None and followed.session.id == second.session.id
        second.timing.finish()
        changed, followed = follower.poll()
        assert followed is not None and followed.session.id == first.session.id
    finally:
        follower.close()


def test_nothing_to_follow_is_waiting(tmp_path: Path) -> None:
    store = open_store(tmp_path / "engine.db")
    engine, clock = new_engine(tmp_path, store=store)
    engine.timing.finish()
    store.close()  # the console is gone: nobody is on the finished session
    follower = Follower(tmp_path / "engine.db", now=clock.now)
    try:
        assert follower.poll() == (True, None)
        assert follower.poll() == (False, None)
    finally:
        follower.close()


def test_a_finished_session_stays_on_show_until_another_starts(tmp_path: Path) -> None:
    store = open_store(tmp_path / "engine.db")
    engine, clock = new_engine(tmp_path, store=store)
    follower = Follower(tmp_path / "engine.db", now=clock.now)
    try:
        follower.poll()
        engine.timing.finish()
        changed, followed = follower.poll()
        assert changed and followed is not None and followed.session.id == engine.session.id
        assert followed.session.state is SessionState.FINISHED  # the room's closing screen
        store.close()  # the facilitator quits the console: the room still sees what was agreed
        assert follower.poll() == (False, None) and follower.following() == engine.session.id
        late = Follower(tmp_path / "engine.db", now=clock.now)  # one started while it is held
        clock.advance(60)
        second, _ = new_engine(tmp_path, clock)
        changed, followed = follower.poll()
        assert followed is not None and followed.session.id == second.session.id
        late.close()
    finally:
        follower.close()


def test_a_console_still_on_the_summary_shows_its_closing_screen(tmp_path: Path) -> None:
    engine, clock = new_engine(tmp_path)
    engine.timing.finish()  # the console holds the finished session (its summary is open)
    follower = Follower(tmp_path / "engine.db", now=clock.now)
    try:
        followed = follower.poll()[1]
        assert followed is not None and followed.session.id == engine.session.id
    finally:
        follower.close()


def test_the_item_in_play_is_a_signal_beside_the_session(tmp_path: Path) -> None:
    store = open_store(tmp_path / "engine.db")
    engine, clock = new_engine(tmp_path, store=store)
    session_id = engine.session.id
    follower = Follower(tmp_path / "engine.db", now=clock.now)
    try:
        _, first = follower.poll()
        assert first is not None and first.cue == NO_CUE
        before = revision(tmp_path / "engine.db", session_id)
        for item in ("tray:0", "tray:1", "tray:2"):  # a held arrow key
            store.set_room_in_play(session_id, InPlay(1, item, prompt=0), clock.now())
        changed, followed = follower.poll()
        assert changed and followed is not None
        assert followed.cue.item_on(1) == "tray:2" and followed.cue.prompt_on(1) == 0
        assert followed.cue.item_on(0) is None  # made on another part: not this one's
        assert followed.session is first.session  # the session was not read again
        assert revision(tmp_path / "engine.db", session_id) == before
        back = clock.now() + timedelta(minutes=10)
        store.set_room_break(session_id, back, clock.now())
        store.set_room_theme(session_id, "workshop-light", clock.now())
        _, followed = follower.poll()
        assert followed is not None and followed.cue.back_at == back
        assert followed.cue.theme == "workshop-light" and followed.cue.item_on(1) == "tray:2"
        engine.timing.toggle()  # the console's compare-and-set is not disturbed
        _, followed = follower.poll()
        assert followed is not None and followed.session.timings[0].running_since
        assert store.room_cue(session_id) == followed.cue
        store.set_room_break(session_id, None, clock.now())
        assert follower.poll()[1].cue.back_at is None  # type: ignore[union-attr]
    finally:
        follower.close()
        store.close()
    with sqlite3.connect(tmp_path / "engine.db") as connection:  # never a record
        assert connection.execute("SELECT count(*) FROM session_events").fetchone() == (0,)
    connection.close()


def test_an_unknown_session_or_a_missing_file_is_one_sentence(tmp_path: Path) -> None:
    new_engine(tmp_path)
    with pytest.raises(SessionNotFound, match="42"):
        Follower(tmp_path / "engine.db", 42)
    with pytest.raises(StoreError, match="no workshop-tui sessions"):
        Follower(tmp_path / "missing.db")
