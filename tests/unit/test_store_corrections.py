"""The store keeps corrections append-only: several records at once are all or none."""

from __future__ import annotations

from datetime import datetime

import pytest

from tests.store_kinds import run_sql
from tests.unit.test_store_samples import T0, at, new_session
from workshop_tui.domain.kinds import InitialKind
from workshop_tui.domain.records import Note, SignOff
from workshop_tui.locations import StoreLocation
from workshop_tui.storage.opener import open_store


def count(location: StoreLocation, table: str) -> int:
    ((found,),) = run_sql(location, f"SELECT count(*) FROM {table}")
    return int(found)


def test_several_records_are_stored_in_one_transaction_with_their_ids(
    store_location: StoreLocation,
) -> None:
    store = open_store(store_location)
    with store:
        session_id = new_session(store)
        rows = [
            SignOff("sign", at(1), "scope", "Scope", "Ana", "Lead", "A", wording="What we do"),
            SignOff("sign", at(1), "scope", "Scope", "Bo", "Sponsor", "", kind=InitialKind.HELD),
        ]
        ids = store.add_records(session_id, rows)
        assert len(ids) == 2 and ids[0] < ids[1]
        assert store.add_records(session_id, []) == []
        stored = store.load_session(session_id)[1].signoffs
    assert [(s.id, s.kind, s.wording) for s in stored] == [
        (ids[0], InitialKind.INITIALLED, "What we do"),
        (ids[1], InitialKind.HELD, ""),
    ]


def test_one_bad_record_stores_none_of_them(store_location: StoreLocation) -> None:
    store = open_store(store_location)
    with store:
        session_id = new_session(store)
        good = Note("welcome", T0, "kept", key="n1")
        bad = Note("welcome", datetime(2026, 1, 1), "a naive time", key="n2")
        with pytest.raises(Exception, match="no time zone"):
            store.add_records(session_id, [bad, good])
    assert count(store_location, "notes") == 0
