"""SqlSessionStore against a real store of each kind (a SQLite file, and a team store on
PostgreSQL): what goes in comes back out, exactly."""

from __future__ import annotations

import dataclasses
import subprocess
import sys
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest
from sqlalchemy.exc import StatementError

from tests.store_kinds import run_sql
from tests.unit.test_store_samples import (
    SOURCE,
    T0,
    at,
    new_session,
    sample_records,
    sample_script,
    sample_setup,
    sample_timings,
)
from workshop_tui.domain.kinds import SessionState
from workshop_tui.domain.ports import SessionNotFound, SessionStore, SessionUnreadable
from workshop_tui.domain.records import Note, Participant
from workshop_tui.domain.snapshot import PartTiming, SessionSetup
from workshop_tui.locations import StoreLocation
from workshop_tui.storage.opener import open_store
from workshop_tui.storage.record_rows import KIND_OF
from workshop_tui.storage.repository import SqlSessionStore


def test_the_store_is_a_session_store(store_location: StoreLocation) -> None:
    store = open_store(store_location)
    with store:
        port: SessionStore = store
        assert port.list_sessions() == []


def test_every_record_comes_back_exactly_in_insertion_order(store_location: StoreLocation) -> None:
    records = sample_records()
    store = open_store(store_location)
    with store:
        session_id = new_session(store)
        ids = [store.add_record(session_id, record) for record in records]

    with open_store(store_location) as reopened:  # a new process would see the same
        script, snapshot = reopened.load_session(session_id)

    assert script == sample_script()
    assert snapshot.id == session_id
    assert (snapshot.script_id, snapshot.script_title) == ("storage-test", "Storage test — ✨")
    assert snapshot.setup == sample_setup()
    assert snapshot.record_count == len(records)
    for kind in KIND_OF.values():
        expected = [
            dataclasses.replace(record, id=record_id)
            for record, record_id in zip(records, ids, strict=True)
            if type(record) is kind.record_type
        ]
        assert getattr(snapshot, kind.snapshot_field) == expected


def test_times_come_back_as_the_same_utc_instant(store_location: StoreLocation) -> None:
    paris = timezone(timedelta(hours=1))
    local = datetime(2026, 11, 21, 10, 0, 0, 999999, tzinfo=paris)
    store = open_store(store_location)
    with store:
        session_id = new_session(store)
        store.add_record(session_id, Note("welcome", local, "x"))
        _, snapshot = store.load_session(session_id)

    stored = snapshot.notes[0].at
    assert stored == local
    assert stored.tzinfo is UTC
    assert stored == datetime(2026, 11, 21, 9, 0, 0, 999999, tzinfo=UTC)
    assert snapshot.created_at == T0 and snapshot.created_at.tzinfo is UTC


def test_a_time_without_zone_is_refused(store_location: StoreLocation) -> None:
    store = open_store(store_location)
    with store:
        session_id = new_session(store)
        with pytest.raises(StatementError, match="no time zone"):
            store.add_record(session_id, Note("welcome", datetime(2026, 1, 1), "naive"))
        assert store.load_session(session_id)[1].notes == []


def test_the_id_given_with_a_record_is_ignored(store_location: StoreLocation) -> None:
    store = open_store(store_location)
    with store:
        session_id = new_session(store)
        first = store.add_record(session_id, Note("welcome", at(1), "a", id=999))
        second = store.add_record(session_id, Note("welcome", at(2), "b", id=999))
        notes = store.load_session(session_id)[1].notes
    assert second > first
    assert [(note.id, note.text) for note in notes] == [(first, "a"), (second, "b")]


def test_a_new_session_starts_in_setup_with_its_timings(store_location: StoreLocation) -> None:
    store = open_store(store_location)
    with store:
        session_id = new_session(store)
        _, snapshot = store.load_session(session_id)
    assert snapshot.state is SessionState.SETUP
    assert snapshot.current_part == 0
    assert snapshot.timings == sample_timings(sample_script())
    assert snapshot.started_at is None and snapshot.finished_at is None
    assert snapshot.last_seen_at == T0


def test_progress_and_timings_round_trip(store_location: StoreLocation) -> None:
    store = open_store(store_location)
    with store:
        session_id = new_session(store)
        timings = store.load_session(session_id)[1].timings
        timings[0] = dataclasses.replace(
            timings[0],
            extra_seconds=120,
            elapsed_seconds=612.345678,
            started_at=at(10),
            finished_at=at(700),
        )
        timings[1] = dataclasses.replace(
            timings[1], elapsed_seconds=0.5, running_since=at(701), started_at=at(701)
        )
        timings[2] = dataclasses.replace(timings[2], skipped=True)
        store.save_progress(
            session_id, state=SessionState.RUNNING, current_part=1, timings=timings, at=at(702)
        )
        _, snapshot = store.load_session(session_id)

    assert snapshot.state is SessionState.RUNNING
    assert snapshot.current_part == 1
    assert snapshot.timings == timings
    assert snapshot.timings[0].elapsed_seconds == 612.345678
    assert snapshot.started_at == at(702)
    assert snapshot.last_seen_at == at(702)
    assert snapshot.finished_at is None


def test_saving_some_timings_updates_those_parts_and_keeps_the_rest(
    store_location: StoreLocation,
) -> None:
    store = open_store(store_location)
    with store:
        session_id = new_session(store)
        before = store.load_session(session_id)[1].timings
        changed = dataclasses.replace(before[3], extra_seconds=300)
        extra = PartTiming("bonus", 60, elapsed_seconds=1.25)
        store.save_progress(
            session_id,
            state=SessionState.PAUSED,
            current_part=3,
            timings=[changed, extra],
            at=at(50),
        )
        stored = run_sql(  # what the engine reads back must match its script
            store_location,
            "SELECT part_id, extra_seconds, elapsed_seconds FROM part_timings ORDER BY position",
        )
        with pytest.raises(SessionUnreadable, match="the parts of session 1 do not match"):
            store.load_session(session_id)
    assert [tuple(row) for row in stored] == [
        *((t.part_id, t.extra_seconds, t.elapsed_seconds) for t in before[:3]),
        (changed.part_id, 300, 0.0),
        *((t.part_id, t.extra_seconds, t.elapsed_seconds) for t in before[4:]),
        ("bonus", 0, 1.25),
    ]


def test_started_is_kept_and_finished_follows_the_state(store_location: StoreLocation) -> None:
    store = open_store(store_location)
    with store:
        session_id = new_session(store)

        def progress(state: SessionState, seconds: float) -> None:
            store.save_progress(session_id, state=state, current_part=0, timings=[], at=at(seconds))

        progress(SessionState.RUNNING, 10)
        progress(SessionState.PAUSED, 20)
        progress(SessionState.FINISHED, 30)
        progress(SessionState.FINISHED, 40)
        done = store.load_session(session_id)[1]
        progress(SessionState.RUNNING, 50)
        reopened = store.load_session(session_id)[1]

    assert (done.started_at, done.finished_at, done.last_seen_at) == (at(10), at(30), at(40))
    assert (reopened.started_at, reopened.finished_at) == (at(10), None)


def test_setup_is_replaced(store_location: StoreLocation) -> None:
    store = open_store(store_location)
    new_setup = SessionSetup(
        customer="Globex",
        facilitator="Kim 🙂",
        participants=(Participant("Cy", "Sponsor"),),
        materials_checked=(),
    )
    with store:
        session_id = new_session(store)
        store.save_setup(session_id, new_setup, at(5))
        _, snapshot = store.load_session(session_id)
    assert snapshot.setup == new_setup
    assert snapshot.last_seen_at == at(5)


def test_every_write_and_touch_moves_last_seen(store_location: StoreLocation) -> None:
    store = open_store(store_location)
    with store:
        session_id = new_session(store)
        store.touch(session_id, at(60))
        seen_after_touch = store.load_session(session_id)[1].last_seen_at
        store.add_record(session_id, Note("welcome", at(90), "x"))
        seen_after_note = store.load_session(session_id)[1].last_seen_at
    assert (seen_after_touch, seen_after_note) == (at(60), at(90))


def test_sessions_are_listed_newest_first_with_parts_done(store_location: StoreLocation) -> None:
    store = open_store(store_location)
    with store:
        older = new_session(store, created=at(0))
        newer = new_session(store, created=at(3600))
        timings = store.load_session(older)[1].timings
        timings[0].finished_at = at(600)
        timings[1].skipped = True
        store.save_progress(
            older, state=SessionState.RUNNING, current_part=2, timings=timings, at=at(7200)
        )
        summaries = store.list_sessions()

    assert [summary.id for summary in summaries] == [newer, older]
    top, bottom = summaries
    assert (top.parts_done, top.parts_total, top.state) == (0, 6, SessionState.SETUP)
    assert (bottom.parts_done, bottom.parts_total, bottom.state) == (2, 6, SessionState.RUNNING)
    assert bottom.customer == "Acme | Zoë 🎉"
    assert (bottom.script_id, bottom.script_title) == ("storage-test", "Storage test — ✨")
    assert (bottom.created_at, bottom.last_seen_at) == (at(0), at(7200))


def test_latest_unfinished_is_the_most_recently_seen(store_location: StoreLocation) -> None:
    store = open_store(store_location)
    with store:
        assert store.latest_unfinished() is None
        first = new_session(store, created=at(0))
        second = new_session(store, created=at(10))
        assert store.latest_unfinished() == second
        store.touch(first, at(20))
        assert store.latest_unfinished() == first
        store.save_progress(
            first, state=SessionState.FINISHED, current_part=5, timings=[], at=at(30)
        )
        assert store.latest_unfinished() == second
        store.save_progress(
            second, state=SessionState.FINISHED, current_part=5, timings=[], at=at(40)
        )
        assert store.latest_unfinished() is None


def test_a_script_run_twice_is_stored_once(store_location: StoreLocation) -> None:
    store = open_store(store_location)
    script = sample_script()
    with store:
        new_session(store)
        new_session(store)
        store.create_session(script, SOURCE + "# edited\n", sample_setup(), [], T0)
    assert run_sql(store_location, "SELECT count(*) FROM scripts") == [(2,)]


@pytest.mark.parametrize(
    "write",
    [
        lambda store: store.add_record(42, Note("welcome", T0, "lost")),
        lambda store: store.touch(42, T0),
        lambda store: store.save_setup(42, sample_setup(), T0),
        lambda store: store.save_progress(
            42, state=SessionState.RUNNING, current_part=0, timings=[], at=T0
        ),
        lambda store: store.load_session(42),
    ],
    ids=["add_record", "touch", "save_setup", "save_progress", "load_session"],
)
def test_an_unknown_session_is_named(store_location: StoreLocation, write) -> None:  # type: ignore[no-untyped-def]
    store = open_store(store_location)
    with store:
        session_id = new_session(store)
        with pytest.raises(SessionNotFound) as caught:
            write(store)
        assert str(caught.value) == (
            f'no session 42 in {store_location.shown}; run "workshop sessions" to list them'
        )
        assert store.load_session(session_id)[1].record_count == 0


def test_a_follower_sees_what_the_facilitator_writes(store_location: StoreLocation) -> None:
    store = open_store(store_location)
    with store:
        session_id = new_session(store)
        with open_store(store_location, readonly=True) as follower:
            assert follower.load_session(session_id)[1].notes == []
            store.add_record(session_id, Note("welcome", at(1), "live"))
            assert [n.text for n in follower.load_session(session_id)[1].notes] == ["live"]


def test_weird_folder_names_work(tmp_path: Path) -> None:
    path = tmp_path / "odd ?#% ü" / "db?.sqlite"
    with open_store(path) as store:
        session_id = new_session(store)
    assert path.is_file()
    with open_store(path) as store:
        assert store.load_session(session_id)[1].id == session_id


def test_importing_the_package_loads_no_database_library() -> None:
    code = (
        "import sys, workshop_tui.storage;"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('sqlalchemy', 'sqlmodel')))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"


def test_a_store_opened_in_a_worker_thread_serves_the_ui_thread(
    store_location: StoreLocation,
) -> None:
    import threading

    opened: list[SqlSessionStore] = []
    worker = threading.Thread(target=lambda: opened.append(open_store(store_location)))
    worker.start()
    worker.join()
    with opened[0] as store:
        session_id = new_session(store)
        assert store.latest_unfinished() == session_id
