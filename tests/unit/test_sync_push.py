"""Push: what a laptop committed reaches the team store exactly once, cut wherever it is cut.

Against the real PostgreSQL of the tests (tests/postgres.py): the two stores are compared
record by record, and the two exports of a session byte for byte.
"""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import event

from tests.unit.engine_fixtures import SOURCE, small_script
from tests.unit.sync_helpers import exports_of, laptop_and_team, record_counts, rows_of, team_id
from tests.unit.test_store_samples import T0, new_session, sample_records
from workshop_tui.domain.clock import FakeClock
from workshop_tui.domain.engine import SessionEngine
from workshop_tui.domain.kinds import Side
from workshop_tui.domain.ports import SessionInUse
from workshop_tui.domain.records import Note, Participant
from workshop_tui.domain.snapshot import SessionSetup
from workshop_tui.storage.claims import Holder
from workshop_tui.storage.sync.push import PushRefused, push_all, push_session


class Cut(Exception):
    """The connection, the network or the process went at this statement."""


def cut_at(engine: object, statement_number: int) -> object:
    """Make the ``statement_number``-th statement on ``engine`` fail (once)."""
    seen = [0]

    def before(*_: object) -> None:
        seen[0] += 1
        if seen[0] == statement_number:
            raise Cut(f"cut at statement {statement_number}")

    event.listen(engine, "before_cursor_execute", before)
    return before


def test_a_push_stores_the_session_once_and_the_two_exports_are_the_same_bytes(
    tmp_path: Path, pg_url: str
) -> None:
    with laptop_and_team(tmp_path / "laptop.db", pg_url) as (laptop, team, stores):
        session_id = new_session(laptop)
        for record in sample_records():
            laptop.add_record(session_id, record)
        (first,) = push_all(stores)
        assert first.records == len(sample_records())
        assert push_all(stores) == []  # nothing left: pushing again stores nothing twice
        assert push_session(stores, session_id).records == 0
        there = team_id(team, laptop, session_id)
        assert rows_of(team, there) == rows_of(laptop, session_id)
        assert exports_of(team, there) == exports_of(laptop, session_id)
        laptop.add_record(session_id, Note("welcome", T0, "one more"))
        (second,) = push_all(stores)
        assert second.records == 1
        assert rows_of(team, there) == rows_of(laptop, session_id)
        assert record_counts(team) == record_counts(laptop)


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    records=st.lists(st.sampled_from(sample_records()), min_size=1, max_size=12),
    cuts=st.lists(st.integers(min_value=1, max_value=40), min_size=1, max_size=3),
    repeats=st.integers(min_value=1, max_value=3),
    cut_the_laptop=st.booleans(),
)
def test_a_push_cut_anywhere_resumes_and_stores_exactly_once(
    tmp_path_factory: pytest.TempPathFactory,
    pg_url: str,
    records: list[object],
    cuts: list[int],
    repeats: int,
    cut_the_laptop: bool,
) -> None:
    folder = tmp_path_factory.mktemp("laptop")
    with laptop_and_team(folder / "laptop.db", pg_url) as (laptop, team, stores):
        session_id = new_session(laptop)
        for number, cut in enumerate(cuts):
            laptop.add_record(session_id, Note("welcome", T0, f"round {number}"))
            for record in records:
                laptop.add_record(session_id, record)
            engine = stores.local if cut_the_laptop else stores.team
            hook = cut_at(engine, cut)
            try:
                push_all(stores)
            except Exception:  # the cut: whatever it left, the next push puts right
                pass
            finally:
                event.remove(engine, "before_cursor_execute", hook)
        for _ in range(repeats):
            push_all(stores)
        there = team_id(team, laptop, session_id)
        assert rows_of(team, there) == rows_of(laptop, session_id)
        assert exports_of(team, there) == exports_of(laptop, session_id)


def test_while_the_laptop_runs_a_session_the_team_store_cannot_take_it(
    tmp_path: Path, pg_url: str
) -> None:
    with laptop_and_team(tmp_path / "laptop.db", pg_url) as (laptop, team, stores):
        session_id = new_session(laptop)  # held by this laptop's console
        push_all(stores)
        there = team_id(team, laptop, session_id)
        with pytest.raises(SessionInUse, match="works offline"):
            team.open_session(there, T0 + timedelta(hours=2))
        laptop.release(session_id)
        push_all(stores)  # let go of here: let go of there too
        team.open_session(there, T0 + timedelta(minutes=1))


def test_a_session_taken_over_on_the_team_store_is_refused_and_kept_on_the_laptop(
    tmp_path: Path, pg_url: str
) -> None:
    with laptop_and_team(tmp_path / "laptop.db", pg_url) as (laptop, team, stores):
        session_id = new_session(laptop)
        laptop.add_record(session_id, Note("welcome", T0, "before the trip"))
        push_all(stores)
        there = team_id(team, laptop, session_id)
        # the laptop goes quiet; half a day later a colleague takes it over on the team store
        team._holder = Holder("colleague", 7, "office-pc")  # noqa: SLF001
        team.open_session(there, T0 + timedelta(hours=13))
        team.add_record(there, Note("welcome", T0, "from the office"))
        laptop.add_record(session_id, Note("welcome", T0, "on the laptop, offline"))
        with pytest.raises(PushRefused, match="was not pushed.*Nothing was lost"):
            push_all(stores)
        _, kept = laptop.load_session(session_id)
        assert [n.text for n in kept.notes] == ["before the trip", "on the laptop, offline"]
        _, theirs = team.load_session(there)
        assert [n.text for n in theirs.notes] == ["before the trip", "from the office"]


def test_sides_people_private_notes_and_what_an_undo_took_back_reach_the_team_store(
    tmp_path: Path, pg_url: str
) -> None:
    """What the record says beyond its records: the supplier, each person's side and coming
    and going, a private note, and an undo (which names the records it took back by their
    ids in each store) read the same on the team store, exports byte for byte."""
    with laptop_and_team(tmp_path / "laptop.db", pg_url) as (laptop, team, stores):
        setup = SessionSetup(
            customer="Acme",
            supplier="Northwind",
            facilitator="Kim",
            participants=(
                Participant("Ana", "Product Owner", side=Side.CUSTOMER),
                Participant("Bo", "Delivery lead", side=Side.SUPPLIER),
            ),
        )
        clock = FakeClock()
        engine = SessionEngine.begin(small_script(), SOURCE, setup, laptop, clock)
        engine.timing.start()
        engine.notes.add("the room sees this")
        engine.notes.add("only the facilitator sees this", private=True)
        engine.people.join("Cy", "Architect", Side.SUPPLIER)
        engine.notes.add("said, then taken back")
        engine.undo.take_back()
        session_id = engine.session.id
        push_all(stores)
        there = team_id(team, laptop, session_id)
        assert rows_of(team, there) == rows_of(laptop, session_id)
        assert exports_of(team, there) == exports_of(laptop, session_id)
        _, held = team.load_session(there)
        assert held.setup.supplier == "Northwind"
        assert [(p.name, p.side) for p in held.setup.participants][-1] == ("Cy", Side.SUPPLIER)
        assert [(n.text, n.private) for n in held.notes] == [
            ("the room sees this", False),
            ("only the facilitator sees this", True),
        ]
