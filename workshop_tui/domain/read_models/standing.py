"""How each kind of record stands now: the latest revision of each key, and its threads.

Records are append-only and a key's rows come in the order they were written,
so "latest" means the last row of a key in the given sequence, never the one
with the greatest timestamp (a wall clock can jump back). Every function here
walks its rows once, so folding stays linear in the number of records.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from workshop_tui.domain.folding import latest, revisions
from workshop_tui.domain.kinds import CynefinDomain, PromiseStatus
from workshop_tui.domain.records import ActionItem, Classification, Decision, Note, Promise

# Cynefin ------------------------------------------------------------------


def current_classifications(rows: Sequence[Classification]) -> list[Classification]:
    """Where each placed item stands now, items in the order they were first written
    (an item added and not placed yet is not on the board: see ``unplaced``)."""
    return [row for row in latest(rows) if row.domain is not None]


def unplaced(rows: Sequence[Classification]) -> list[Classification]:
    """Items added to the board and not placed in a domain yet: they wait in the tray."""
    return [row for row in latest(rows) if row.domain is None]


def classification_history(rows: Sequence[Classification], key: str) -> list[Classification]:
    """Every placement of the item ``key``, oldest first."""
    return [row for row in rows if row.key == key]


def board(rows: Sequence[Classification]) -> dict[CynefinDomain, list[Classification]]:
    """The current items per domain; every domain is present, possibly empty."""
    columns: dict[CynefinDomain, list[Classification]] = {domain: [] for domain in CynefinDomain}
    for row in current_classifications(rows):
        if row.domain is not None:
            columns[row.domain].append(row)
    return columns


def earlier_domains(history: Sequence[Classification]) -> list[CynefinDomain]:
    """The domains an item sat in before its current one, oldest first.

    Consecutive revisions in the same domain (a rationale edited) count once.
    """
    runs: list[CynefinDomain] = []
    for row in history:
        if row.domain is not None and (not runs or runs[-1] is not row.domain):
            runs.append(row.domain)
    return runs[:-1]


# Promises -----------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class PromiseThread:
    """One promise: its current revision and every revision, oldest first (current last)."""

    current: Promise
    history: tuple[Promise, ...]

    @property
    def key(self) -> str:
        return self.current.key

    @property
    def party(self) -> str:
        return self.current.party

    @property
    def amendments(self) -> tuple[Promise, ...]:
        """Earlier revisions whose wording differs from the revision after them, oldest first."""
        rows = self.history
        return tuple(rows[i] for i in range(len(rows) - 1) if rows[i].text != rows[i + 1].text)

    @property
    def first_at(self) -> datetime:
        """When the promise was first written down."""
        return self.history[0].at


def promise_threads(rows: Sequence[Promise]) -> list[PromiseThread]:
    """Every promise with its history, in the order promises were first made."""
    return [
        PromiseThread(current=history[-1], history=tuple(history))
        for history in revisions(rows).values()
    ]


def promises_by_party(
    rows: Sequence[Promise], parties: Sequence[str]
) -> dict[str, list[PromiseThread]]:
    """Threads per party (by the current revision's party).

    The given ``parties`` come first and in their order, each present even with
    no promise; parties not named there follow in order of first appearance.
    """
    grouped: dict[str, list[PromiseThread]] = {party: [] for party in parties}
    for thread in promise_threads(rows):
        grouped.setdefault(thread.party, []).append(thread)
    return grouped


def agreed_tally(rows: Sequence[Promise]) -> dict[str, int]:
    """How many promises each party has agreed now; every party seen appears, maybe with 0."""
    tally: dict[str, int] = {}
    for promise in latest(rows):
        agreed = 1 if promise.status is PromiseStatus.AGREED else 0
        tally[promise.party] = tally.get(promise.party, 0) + agreed
    return tally


# Decisions and actions ----------------------------------------------------


def current_decisions(rows: Sequence[Decision]) -> list[Decision]:
    """The latest revision of each decision, in the order questions were first raised."""
    return latest(rows)


def current_actions(rows: Sequence[ActionItem]) -> list[ActionItem]:
    """The latest revision of each action item, in the order they were first written."""
    return latest(rows)


def standing_actions(rows: Sequence[ActionItem]) -> list[ActionItem]:
    """The current actions that were not dropped: the action list the agreement holds."""
    return [action for action in latest(rows) if not action.dropped]


def open_actions(rows: Sequence[ActionItem]) -> list[ActionItem]:
    """The actions still to do: neither done nor dropped, in the order first written."""
    return [action for action in latest(rows) if not action.done and not action.dropped]


def action_history(rows: Sequence[ActionItem]) -> dict[str, list[ActionItem]]:
    """Every revision of each action item, oldest first."""
    return revisions(rows)


# Notes --------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class NoteThread:
    """One note: its current revision and every revision, oldest first (current last)."""

    current: Note
    history: tuple[Note, ...]

    @property
    def retracted(self) -> bool:
        return self.current.retracted

    @property
    def corrected(self) -> bool:
        """Whether the note was edited or retracted after it was first written."""
        return len(self.history) > 1


def note_threads(rows: Sequence[Note]) -> list[NoteThread]:
    """Every note with its history, in the order notes were first written.

    A note without a key (made by hand, never by the engine) is a thread of its own.
    """
    grouped: dict[object, list[Note]] = {}
    for index, row in enumerate(rows):
        grouped.setdefault(row.key or ("", index), []).append(row)
    return [NoteThread(history[-1], tuple(history)) for history in grouped.values()]


def current_notes(rows: Sequence[Note]) -> list[Note]:
    """What each note says now, leaving out retracted notes, in the order first written."""
    return [thread.current for thread in note_threads(rows) if not thread.retracted]
