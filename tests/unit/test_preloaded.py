"""Which preloaded entries are still waiting, and which records belong to a part."""

from __future__ import annotations

from datetime import UTC, datetime

from workshop_tui.domain.kinds import CynefinDomain
from workshop_tui.domain.records import Classification
from workshop_tui.domain.rules.preloaded import begun_in, pending, same_wording

AT = datetime(2026, 11, 21, 9, 0, tzinfo=UTC)


def placed(part: str, key: str, item: str, domain: CynefinDomain) -> Classification:
    return Classification(part, AT, key, item, domain)


def test_pending_ignores_case_and_spacing_and_keeps_order() -> None:
    templates = ["Move records", "Restore  bookings", "Redesign sign-up"]
    assert pending(templates, ["restore bookings "]) == [0, 2]
    assert pending(templates, []) == [0, 1, 2]
    assert pending(templates, ["MOVE RECORDS", "Redesign sign-up", "Restore bookings"]) == []


def test_same_wording() -> None:
    assert same_wording("A  usable increment", "a usable increment ")
    assert not same_wording("A usable increment", "A usable increments")


def test_begun_in_keeps_every_revision_of_keys_first_written_in_the_part() -> None:
    rows = [
        placed("board", "a", "One", CynefinDomain.CLEAR),
        placed("other", "b", "Two", CynefinDomain.COMPLEX),
        placed("other", "a", "One", CynefinDomain.CHAOTIC),  # moved later, elsewhere
        placed("board", "b", "Two", CynefinDomain.CLEAR),  # began elsewhere
    ]
    assert [(r.key, r.domain) for r in begun_in(rows, "board")] == [
        ("a", CynefinDomain.CLEAR),
        ("a", CynefinDomain.CHAOTIC),
    ]
    assert begun_in(rows, "nowhere") == []
