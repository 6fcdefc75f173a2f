"""Following a session from the store, read-only: what changed is read, nothing else is.

On both kinds of store: a SQLite file's follower looks at ``PRAGMA data_version``, a team
store's LISTENs for the NOTIFY every write transaction sends.
"""

from __future__ import annotations

import threading
import time
from datetime import timedelta
from pathlib import Path

import pytest

from tests.store_kinds import run_sql
from tests.unit.engine_fixtures import new_engine
from workshop_tui.domain.kinds import SessionState
from workshop_tui.domain.ports import SessionNotFound, StoreError
from workshop_tui.domain.room_cue import NO_CUE, InPlay
from workshop_tui.locations import StoreLocation
from workshop_tui.storage import open_store
from workshop_tui.storage.following import Followed, Follower


def revision(location: StoreLocation | Path, session_id: int) -> int:
    ((found,),) = run_sql(location, "SELECT revision FROM sessions WHERE id = :id", id=session_id)
    return int(found)


def next_moment(follower: Follower) -> Followed | None:
    """What the follower reads once the last commit has reached it: a file's data version
    moves at once, a team store's NOTIFY comes a moment after the commit returned."""
    for _ in range(100):
        changed, followed = follower.poll()
        if changed:
            return followed
        follower.wait(0.05)
    raise AssertionError("the follower saw no commit within 5 seconds")


def test_a_follower_reads_each_commit_once_and_writes_no_session_row(
    store_location: StoreLocation,
) -> None:
    store = open_store(store_location)
    engine, clock = new_engine(store_location, store=store)
    follower = Follower(store_location, now=clock.now)
    try:
        changed, followed = follower.poll()
        assert changed and followed is not None
        assert followed.session.id == engine.session.id and not followed.blanked
        assert follower.poll() == (False, None)  # nothing committed since
        engine.timing.toggle()
        followed = next_moment(follower)
        assert followed is not None and followed.session.timings[0].running_since
        before = revision(store_location, engine.session.id)
        follower.beat(clock.now())
        assert follower.poll() == (False, None)  # its own heartbeat is not a change
        assert revision(store_location, engine.session.id) == before
        assert store.room_view_seen(engine.session.id, clock.now())
        assert not store.room_view_seen(engine.session.id, clock.now() + timedelta(seconds=1))
        store.set_room_blank(engine.session.id, True, clock.now())
        followed = next_moment(follower)
        assert followed is not None and followed.blanked
        engine.timing.toggle()  # the console's compare-and-set still holds after the blanking
    finally:
        follower.close()
    assert not store.room_view_seen(engine.session.id, clock.now())


def test_with_no_session_named_it_follows_the_newest_claim(store_location: StoreLocation) -> None:
    first, clock = new_engine(store_location)
    follower = Follower(store_location, now=clock.now)
    try:
        assert follower.poll()[1].session.id == first.session.id  # type: ignore[union-attr]
        clock.advance(60)
        second, _ = new_engine(store_location, clock)
        followed = next_moment(follower)
        assert followed is not None and followed.session.id == second.session.id
        second.timing.finish()
        followed = next_moment(follower)
        assert followed is not None and followed.session.id == first.session.id
    finally:
        follower.close()


def test_nothing_to_follow_is_waiting(store_location: StoreLocation) -> None:
    store = open_store(store_location)
    engine, clock = new_engine(store_location, store=store)
    engine.timing.finish()
    store.close()  # the console is gone: nobody is on the finished session
    follower = Follower(store_location, now=clock.now)
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
        _, followed = follower.poll()  # letting go of it moved it on: read again, still on show
        assert followed is not None and followed.session.state is SessionState.FINISHED
        assert follower.following() == engine.session.id
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
    never_a_record = run_sql(tmp_path / "engine.db", "SELECT count(*) FROM session_events")
    assert never_a_record == [(0,)]


def test_an_unknown_session_or_a_missing_file_is_one_sentence(tmp_path: Path) -> None:
    new_engine(tmp_path)
    with pytest.raises(SessionNotFound, match="42"):
        Follower(tmp_path / "engine.db", 42)
    with pytest.raises(StoreError, match="no workshop-tui sessions"):
        Follower(tmp_path / "missing.db")


def test_on_a_team_store_a_room_view_wakes_for_its_own_session_only(pg_url: str) -> None:
    """Each write tells which session it wrote: a room view following one session is not
    woken by the others' (20 sessions written at once would wake it 20 times as often), and
    wakes as soon as its own session's commit comes, not when its wait runs out."""
    location = StoreLocation(url=pg_url)
    ours, clock = new_engine(location)
    theirs, _ = new_engine(location, clock)
    named = Follower(location, ours.session.id, now=clock.now)
    any_session = Follower(location, now=clock.now)
    try:
        for follower in (named, any_session):
            follower.poll()
            assert not follower.committed()
        theirs.notes.add("in the other session")
        any_session.wait(5)  # woken by it
        named.wait(0.3)  # not woken: waits its time out
        assert any_session.committed() and not named.committed()
        writing = threading.Timer(0.2, lambda: ours.notes.add("in ours"))
        writing.start()
        began = time.monotonic()
        named.wait(60)
        writing.join()
        assert time.monotonic() - began < 30, "woken by its session's commit"
        changed, followed = named.poll()
        assert changed and followed is not None
        assert [note.text for note in followed.session.notes] == ["in ours"]
    finally:
        named.close()
        any_session.close()
