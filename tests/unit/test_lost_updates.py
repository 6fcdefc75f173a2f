"""No second writer loses an update: every write is checked against the stored revision.

Two engines, each with its own store, on one store (a SQLite file, and a team store on
PostgreSQL), as two apps on one session would be. Whatever either was told was done is
stored; whatever was not stored is refused with one sentence, and nothing the other stored
is overwritten.
"""

from __future__ import annotations

import socket

import pytest

from tests.store_kinds import run_sql
from tests.unit.engine_fixtures import new_engine
from workshop_tui.domain.clock import FakeClock
from workshop_tui.domain.engine import SessionEngine
from workshop_tui.domain.ports import SessionChanged, SessionInUse, StoreError
from workshop_tui.locations import StoreLocation
from workshop_tui.storage import open_store
from workshop_tui.storage.claims import STALE_AFTER


def second_engine(
    location: StoreLocation, engine: SessionEngine, clock: FakeClock
) -> SessionEngine:
    """The same session opened by another store of this process (as a second app would)."""
    other, _ = SessionEngine.reopen(engine.session.id, open_store(location), clock)
    return other


def stored(location: StoreLocation, session_id: int = 1):  # type: ignore[no-untyped-def]
    with open_store(location, readonly=True) as store:
        return store.load_session(session_id)[1]


def changed(session_id: int, location: StoreLocation) -> str:
    return (
        f"session {session_id} in {location.shown} was changed by another workshop-tui since "
        "this screen read it: nothing was lost; resume it again to carry on"
    )


def test_five_extends_in_each_of_two_engines_lose_none(store_location: StoreLocation) -> None:
    """The issue's figure: 5 x e in each app showed +5m in both, the file held 300 s."""
    one, clock = new_engine(store_location)
    two = second_engine(store_location, one, clock)
    acknowledged = refused = 0
    for _ in range(5):
        for engine in (one, two):
            try:
                engine.timing.extend(60)
            except SessionChanged as error:
                assert str(error) == changed(1, store_location)
                refused += 1
            else:
                acknowledged += 1
    assert stored(store_location).timings[0].extra_seconds == 60 * acknowledged
    assert (acknowledged, refused) == (5, 5)  # the older view is refused, every time
    assert one.timing.current.extra_seconds == 0, "nothing the file refused is shown as done"

    again = second_engine(store_location, two, clock)  # "resume it again": carries on from the file
    for _ in range(5):
        again.timing.extend(60)
    assert stored(store_location).timings[0].extra_seconds == 600


def test_a_part_change_in_one_is_not_sent_back_by_an_extend_in_the_other(
    store_location: StoreLocation,
) -> None:
    one, clock = new_engine(store_location)
    two = second_engine(store_location, one, clock)
    two.timing.next_part()
    with pytest.raises(SessionChanged):
        one.timing.extend(60)
    session = stored(store_location)
    assert session.current_part == 1
    assert session.timings[0].finished_at is not None
    assert session.timings[0].extra_seconds == 0


@pytest.mark.parametrize(
    "write",
    [
        lambda engine: engine.notes.add("late"),
        lambda engine: engine.timing.toggle(),
        lambda engine: engine.heartbeat(),
        lambda engine: engine.update_setup(engine.session.setup),
        lambda engine: engine.timing.finish(),
        lambda engine: engine.timing.go_to(3),
    ],
    ids=["note", "timer", "heartbeat", "setup", "finish", "go-to"],
)
def test_every_write_of_a_stale_engine_is_refused_whole(
    store_location: StoreLocation, write
) -> None:  # type: ignore[no-untyped-def]
    one, clock = new_engine(store_location)
    one.notes.add("before")
    two = second_engine(store_location, one, clock)
    two.notes.add("by the other")
    before = stored(store_location)
    with pytest.raises(SessionChanged):
        write(one)
    after = stored(store_location)
    assert after == before
    assert [note.text for note in one.session.notes] == ["before"]


def test_a_bypassed_lock_still_loses_no_update(store_location: StoreLocation) -> None:
    """The claim is deleted behind both writers' backs: the revision still guards the file."""
    one, clock = new_engine(store_location)
    one.timing.extend(60)
    run_sql(store_location, "DELETE FROM session_locks")
    two = second_engine(store_location, one, clock)
    two.timing.extend(120)
    with pytest.raises(SessionChanged):
        one.timing.extend(60)
    assert stored(store_location).timings[0].extra_seconds == 180


def test_a_fresh_claim_of_another_live_process_is_refused(store_location: StoreLocation) -> None:
    one, clock = new_engine(store_location)
    # as if pid 1 (alive: init) on this machine held it
    run_sql(store_location, "UPDATE session_locks SET pid = 1, holder = 'other'")
    since = clock.now().astimezone().strftime("%H:%M")
    with pytest.raises(SessionInUse) as caught:
        second_engine(store_location, one, clock)
    assert str(caught.value) == (
        f"session 1 in {store_location.shown} is open in another workshop-tui "
        f"(pid 1 on {socket.gethostname()}, since {since}); close it there first"
    )
    clock.advance(STALE_AFTER.total_seconds() + 1)  # nothing seen of it since: taken over
    second_engine(store_location, one, clock).timing.extend(60)
    assert stored(store_location).timings[0].extra_seconds == 60


def test_closing_an_engine_lets_go_and_it_writes_no_more(store_location: StoreLocation) -> None:
    one, _ = new_engine(store_location)
    one.close()
    assert run_sql(store_location, "SELECT count(*) FROM session_locks") == [(0,)]
    with pytest.raises(StoreError, match="is not open for writing here; resume it"):
        one.notes.add("after closing")


def test_readers_need_no_claim_and_leave_it_alone(store_location: StoreLocation) -> None:
    one, _ = new_engine(store_location)
    one.notes.add("live")
    with open_store(store_location, readonly=True) as follower:
        assert [n.text for n in follower.load_session(1)[1].notes] == ["live"]
        assert [s.customer for s in follower.list_sessions()] == ["Acme"]
    one.notes.add("still the writer")
    assert len(stored(store_location).notes) == 2
