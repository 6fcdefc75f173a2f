"""The store keeps corrections append-only: several records at once are all or none."""

from __future__ import annotations

import sqlite3
from datetime import datetime
from pathlib import Path

import pytest

from tests.unit.test_store_samples import T0, at, new_session, new_store
from workshop_tui.domain.kinds import InitialKind
from workshop_tui.domain.records import Note, SignOff


def count(path: Path, table: str) -> int:
    with sqlite3.connect(path) as connection:
        return int(connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0])


def test_several_records_are_stored_in_one_transaction_with_their_ids(tmp_path: Path) -> None:
    store, path = new_store(tmp_path)
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


def test_one_bad_record_stores_none_of_them(tmp_path: Path) -> None:
    store, path = new_store(tmp_path)
    with store:
        session_id = new_session(store)
        good = Note("welcome", T0, "kept", key="n1")
        bad = Note("welcome", datetime(2026, 1, 1), "a naive time", key="n2")
        with pytest.raises(Exception, match="no time zone"):
            store.add_records(session_id, [bad, good])
    assert count(path, "notes") == 0
