"""A team store's server restarted, or its connections killed, in the middle of a session.

Against a real PostgreSQL server: a cluster of this test process's own for a restart (the
shared one serves other tests meanwhile), the shared one for killed connections (only this
test's database's). What the engine said was done is stored; what it could not store it
refused in one sentence and does not show; the same engine carries on once the server is
back (its claim still holds), and a room view's follower reconnects and reads anew what it
missed. (A console killed with kill -9 while a room view follows: test_room_command.py and
test_single_writer.py, on both kinds of store.)
"""

from __future__ import annotations

import time

import psycopg
import pytest

from tests.postgres import OwnServer
from tests.unit.engine_fixtures import new_engine
from workshop_tui.domain.ports import StoreError, StoreUnreachable
from workshop_tui.locations import StoreLocation
from workshop_tui.storage import open_store
from workshop_tui.storage.following import Followed, Follower

ROOM_RETRY_SECONDS = 0.05
"""How soon these tests' room view looks again after a failed look (the app: 1 s)."""


def follow(follower: Follower, until: float = 10.0) -> tuple[Followed | None, list[str]]:
    """Look as the room view does until a change is read: poll, wait for a commit, and after
    a failed look say so and try again. (what was read, the troubles said on the way)"""
    troubles: list[str] = []
    deadline = time.monotonic() + until
    while time.monotonic() < deadline:
        try:
            changed, followed = follower.poll()
            if changed:
                return followed, troubles
            follower.wait(0.05)
        except StoreError as error:
            troubles.append(str(error))
            time.sleep(ROOM_RETRY_SECONDS)
    raise AssertionError(f"the follower read nothing new within {until} s; said: {troubles}")


def notes_of(followed: Followed | None) -> list[str]:
    assert followed is not None
    return [note.text for note in followed.session.notes]


def stored_notes(location: StoreLocation) -> list[str]:
    with open_store(location, readonly=True) as store:
        return [note.text for note in store.load_session(1)[1].notes]


def test_a_server_restarted_mid_session_loses_nothing_shown_as_done(
    own_server: OwnServer,
) -> None:
    location = own_server.new_store()
    engine, clock = new_engine(location)
    follower = Follower(location, now=clock.now)
    try:
        engine.timing.start()
        engine.notes.add("before the restart")
        assert notes_of(follow(follower)[0]) == ["before the restart"]

        own_server.halt()
        with pytest.raises(StoreUnreachable, match="cannot be reached"):
            engine.notes.add("while the server is down")
        with pytest.raises(StoreUnreachable):
            engine.timing.extend(60)
        with pytest.raises(StoreUnreachable):
            engine.heartbeat()
        assert [note.text for note in engine.session.notes] == ["before the restart"]
        assert engine.timing.current.extra_seconds == 0, "nothing refused is shown as done"
        with pytest.raises(StoreUnreachable):  # the room view's next look says so
            follower.wait(0.2)
            follower.poll()

        own_server.resume()
        engine.notes.add("after the restart")  # the same engine: its claim held all along
        engine.timing.extend(60)
        followed, _ = follow(follower)
        while notes_of(followed) != ["before the restart", "after the restart"]:
            followed, _ = follow(follower)
        assert followed is not None and followed.session.timings[0].extra_seconds == 60
    finally:
        follower.close()
    assert stored_notes(location) == ["before the restart", "after the restart"]
    engine.close()


def test_killed_connections_are_opened_again_and_the_room_view_reads_what_it_missed(
    pg_url: str,
) -> None:
    location = StoreLocation(url=pg_url)
    engine, clock = new_engine(location)
    follower = Follower(location, now=clock.now)
    try:
        engine.notes.add("before")
        assert notes_of(follow(follower)[0]) == ["before"]
        with psycopg.connect(pg_url, autocommit=True) as admin:
            killed = admin.execute(
                "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "
                "WHERE datname = current_database() AND pid <> pg_backend_pid()"
            ).fetchone()
        assert killed is not None and killed[0] >= 2, "the console's and the room view's"
        engine.notes.add("after")  # its pool checks the connection first and opens another
        followed, troubles = follow(follower)
        assert notes_of(followed) == ["before", "after"]
        assert all("cannot be reached" in trouble for trouble in troubles), troubles
    finally:
        follower.close()
    assert stored_notes(location) == ["before", "after"]
