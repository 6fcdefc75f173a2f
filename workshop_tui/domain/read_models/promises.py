"""The promises board: one column per party, each promise with its status, owner and note.

The parties' preloaded promises from the script wait as "to table" until the
room puts them on the table. Every change is a new revision, so earlier
wordings stay in a promise's history and the detail line tells it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from workshop_tui.domain import views
from workshop_tui.domain.preloaded import begun_in, pending
from workshop_tui.domain.read_models.local_time import hhmm

if TYPE_CHECKING:
    from workshop_tui.content.model import Part, PromiseTemplate
    from workshop_tui.domain.snapshot import SessionSnapshot

TO_TABLE = "to table"
NO_PROMISES = "no promises yet"

Wanted = tuple[str, str | None]
"""An entry to select: (party, ident)."""


@dataclass(frozen=True, slots=True)
class Entry:
    """One card in a party's column: a promise, a preloaded one to table, or nothing yet."""

    party: str
    ident: str | None
    """The promise's key, ``"tpl:N"`` for the party's Nth preloaded promise, None when empty."""
    thread: views.PromiseThread | None = None
    template: PromiseTemplate | None = None

    @property
    def wording(self) -> str:
        if self.thread is not None:
            return self.thread.current.text
        if self.template is not None:
            return self.template.text
        return NO_PROMISES

    @property
    def badge(self) -> str:
        """The status word ("agreed", "to table"); empty for the "nothing yet" card."""
        if self.thread is not None:
            return self.thread.current.status.value
        return TO_TABLE if self.template is not None else ""

    @property
    def meta(self) -> str:
        """Amendments and owner; for a preloaded promise, its detail."""
        thread = self.thread
        if thread is None:
            return self.template.detail if self.template else ""
        parts = []
        amended = len(thread.amendments)
        if amended:
            parts.append(f"(amended ×{amended})")
        if thread.current.owner:
            parts.append(f"owner {thread.current.owner}")
        return " · ".join(parts)

    @property
    def note(self) -> str:
        return self.thread.current.note if self.thread is not None else ""


@dataclass(frozen=True, slots=True)
class PartyColumn:
    party: str
    agreed: int
    entries: tuple[Entry, ...]


@dataclass(frozen=True, slots=True)
class PromisesView:
    """Every party's column, where the selection is, and the selected promise's history."""

    columns: tuple[PartyColumn, ...]
    col: int
    row: int
    detail: str

    @property
    def selected(self) -> Entry:
        return self.columns[self.col].entries[self.row]


def promises_view(
    part: Part,
    session: SessionSnapshot,
    wanted: Wanted | None = None,
    fallback: tuple[int, int] = (0, 0),
) -> PromisesView:
    """The columns of ``part``, selecting ``wanted`` (else ``fallback`` kept in range)."""
    rows = begun_in(session.promises, part.id)
    activity = part.activity
    parties = list(activity.parties) if activity.kind == "promises" else []
    templates = {party.name: party.promises for party in parties}
    tally = views.agreed_tally(rows)
    columns: list[PartyColumn] = []
    for party, threads in views.promises_by_party(rows, [p.name for p in parties]).items():
        entries = [Entry(party, thread.key, thread=thread) for thread in threads]
        offered = templates.get(party, [])
        used = (row.text for thread in threads for row in thread.history)
        waiting = pending([t.text for t in offered], used)
        entries += [Entry(party, f"tpl:{i}", template=offered[i]) for i in waiting]
        columns.append(
            PartyColumn(party, tally.get(party, 0), tuple(entries or [Entry(party, None)]))
        )
    col, row = find_entry(columns, wanted, fallback)
    detail = _detail(columns[col].entries[row]) if columns else ""
    return PromisesView(tuple(columns), col, row, detail)


def find_entry(
    columns: Sequence[PartyColumn], wanted: Wanted | None, fallback: tuple[int, int]
) -> tuple[int, int]:
    """Where ``wanted`` (party, ident) is now; else ``fallback`` kept inside the columns."""
    if wanted is not None:
        for col, column in enumerate(columns):
            for row, entry in enumerate(column.entries):
                if (entry.party, entry.ident) == wanted:
                    return col, row
    if not columns:
        return 0, 0
    col = max(0, min(fallback[0], len(columns) - 1))
    return col, max(0, min(fallback[1], len(columns[col].entries) - 1))


def _detail(entry: Entry) -> str:
    if entry.template is not None:
        detail = entry.template.detail or entry.template.text
        return f"To table (enter): {detail}"
    if entry.thread is None:
        return f"{entry.party} has no promises yet: press a to add one."
    thread = entry.thread
    earlier = thread.amendments
    current = thread.current
    if not earlier:
        return (
            f"{current.status.value.capitalize()} since {hhmm(_status_since(thread))}"
            f" · first tabled at {hhmm(thread.first_at)}"
        )
    wordings = " → ".join(f"“{row.text}” ({hhmm(row.at)})" for row in earlier)
    return f"Earlier: {wordings} → now “{current.text}” ({hhmm(_worded_at(thread))})"


def _status_since(thread: views.PromiseThread) -> datetime:
    """When the promise took its current status."""
    since = thread.current.at
    for row in reversed(thread.history):
        if row.status is not thread.current.status:
            break
        since = row.at
    return since


def _worded_at(thread: views.PromiseThread) -> datetime:
    """When the promise took its current wording."""
    since = thread.current.at
    for row in reversed(thread.history):
        if row.text != thread.current.text:
            break
        since = row.at
    return since
