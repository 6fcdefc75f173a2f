"""Undo as a correction: an event names the records it takes back; they stay stored.

Records are append-only, so Ctrl+Z never deletes: it stores an ``UNDONE`` event that names
the records of the last action (a placement, a status, an initial, a note, a vote), and
from then on those records no longer count. The key's earlier revision is its current
state again, as it was before the action. Whoever reads the session (the console, the room
view, an export) leaves the records out the same way, here, and the notes list what was
taken back and when.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

from workshop_tui.domain.kinds import EventKind
from workshop_tui.domain.snapshot import UNDOABLE
from workshop_tui.domain.undo_words import described

if TYPE_CHECKING:
    from workshop_tui.domain.records import Record, SessionEvent
    from workshop_tui.domain.snapshot import SessionSnapshot

Ref = tuple[str, int]
"""A stored record: the snapshot list that holds it, and its id."""


@dataclass(frozen=True, slots=True)
class Undoable:
    """The last action of the session: its records, and what taking it back means."""

    refs: tuple[Ref, ...]
    description: str
    """What is taken back, as a phrase: "marking “Demo every Sprint” agreed"."""
    part_id: str
    at: datetime


def undone_refs(events: Iterable[SessionEvent]) -> set[Ref]:
    """Every record the session's undo events took back."""
    return {ref for event in events if event.kind is EventKind.UNDONE for ref in event.undoes}


def taken_back(records: Mapping[str, list[Any]]) -> list[Record]:
    """Take the records undo events name out of their lists (in place); return them in the
    order they were stored, kind by kind."""
    gone = undone_refs(records.get("events", ()))
    if not gone:
        return []
    removed: list[Record] = []
    for field in UNDOABLE:
        rows = records.get(field, [])
        kept = [row for row in rows if (field, row.id) not in gone]
        if len(kept) != len(rows):
            removed += [row for row in rows if (field, row.id) in gone]
            rows[:] = kept
    return removed


def last_action(
    session: SessionSnapshot, journal: Sequence[tuple[str, tuple[int, ...]]]
) -> Undoable | None:
    """What Ctrl+Z takes back: the last group of records written in this run (``journal``,
    oldest first) that still counts, else the latest records stored, by time."""
    for field, ids in reversed(journal):
        rows = [row for row in getattr(session, field) if row.id in ids]
        if rows:
            return _undoable(session, field, rows)
    found: tuple[datetime, int, str] | None = None
    for order, field in enumerate(UNDOABLE):
        rows = getattr(session, field)
        if not rows or rows[-1].at <= session.created_at:
            continue  # what the session opened with (carried over) is not an action
        if found is None or (rows[-1].at, order) >= found[:2]:
            found = (rows[-1].at, order, field)
    if found is None:
        return None
    at, _, field = found
    rows = getattr(session, field)
    batch = [rows[-1]]  # the initials of everyone present were stored together, at one time
    for row in reversed(rows[:-1]):
        if field != "signoffs" or row.at != at or row.section_id != batch[0].section_id:
            break
        batch.insert(0, row)
    return _undoable(session, field, batch)


def _undoable(session: SessionSnapshot, field: str, rows: list[Any]) -> Undoable:
    earlier = getattr(session, field)
    return Undoable(
        refs=tuple((field, row.id) for row in rows),
        description=described(field, rows, earlier),
        part_id=rows[0].part_id,
        at=rows[-1].at,
    )
