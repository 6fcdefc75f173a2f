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

from workshop_tui.domain.read_models import standing
from workshop_tui.domain.read_models.audience import Audience, Wording
from workshop_tui.domain.read_models.local_time import hhmm
from workshop_tui.domain.rules.preloaded import begun_in, same_wording

if TYPE_CHECKING:
    from workshop_tui.content.activities import PromiseTemplate
    from workshop_tui.content.model import Part
    from workshop_tui.domain.records import Promise
    from workshop_tui.domain.snapshot import SessionSnapshot

TO_TABLE = "to table"
NO_PROMISES = "no promises yet"
TABLE_KEY = Wording("To table (enter)", "To table")
ADD_KEY = Wording(": press a to add one.", ".")
"""After "X has no promises yet"."""
HISTORY_KEY = Wording(" (h shows them)", "")
"""After "N earlier wordings"."""

Wanted = tuple[str, str | None]
"""An entry to select: (party, ident)."""


@dataclass(frozen=True, slots=True)
class Entry:
    """One card in a party's column: a promise, a preloaded one to table, or nothing yet."""

    party: str
    ident: str | None
    """The promise's key, ``"tpl:N"`` for the party's Nth preloaded promise, None when empty."""
    thread: standing.PromiseThread | None = None
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
        """Amendments and owner; for a preloaded promise, nothing (its detail is the script's)."""
        thread = self.thread
        if thread is None:
            return ""
        parts = []
        amended = len(thread.amendments)
        if amended:
            parts.append(f"(amended ×{amended})")
        if thread.current.owner:
            parts.append(f"owner {thread.current.owner}")
        return " · ".join(parts)

    @property
    def reason(self) -> str:
        """Why the promise stands where it does (declined, parked, reworded), if one was given."""
        return self.thread.current.reason if self.thread is not None else ""

    @property
    def note(self) -> str:
        return self.thread.current.note if self.thread is not None else ""

    @property
    def history(self) -> tuple[str, ...]:
        """Every revision as a line, oldest first: when, what changed, the wording or reason."""
        if self.thread is None:
            return ()
        return tuple(_history(self.thread))


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
    """One line on the selected promise: its current wording's status, since when, its history."""

    @property
    def selected(self) -> Entry:
        return self.columns[self.col].entries[self.row]


def promises_view(
    part: Part,
    session: SessionSnapshot,
    wanted: Wanted | None = None,
    fallback: tuple[int, int] = (0, 0),
    *,
    audience: Audience = Audience.CONSOLE,
) -> PromisesView:
    """The columns of ``part``, selecting ``wanted`` (else ``fallback`` kept in range),
    its detail line worded for ``audience``."""
    rows = begun_in(session.promises, part.id)
    activity = part.activity
    parties = list(activity.parties) if activity.kind == "promises" else []
    templates = {party.name: party.promises for party in parties}
    tally = standing.agreed_tally(rows)
    columns: list[PartyColumn] = []
    for party, threads in standing.promises_by_party(rows, [p.name for p in parties]).items():
        entries = _in_place(party, threads, templates.get(party, []))
        columns.append(
            PartyColumn(party, tally.get(party, 0), tuple(entries or [Entry(party, None)]))
        )
    col, row = find_entry(columns, wanted, fallback)
    detail = _detail(columns[col].entries[row], audience) if columns else ""
    return PromisesView(tuple(columns), col, row, detail)


def _in_place(
    party: str, threads: Sequence[standing.PromiseThread], offered: Sequence[PromiseTemplate]
) -> list[Entry]:
    """A party's cards in an order that never moves under the selection: each prepared
    promise where the script puts it (tabled or not: a tabled one takes its template's
    place), then the promises the room added, in the order they were first tabled."""
    entries: list[Entry] = []
    placed: set[str] = set()
    for index, template in enumerate(offered):
        thread = next(
            (
                t
                for t in threads
                if t.key not in placed
                and any(same_wording(r.text, template.text) for r in t.history)
            ),
            None,
        )
        if thread is None:
            entries.append(Entry(party, f"tpl:{index}", template=template))
        else:
            placed.add(thread.key)
            entries.append(Entry(party, thread.key, thread=thread))
    entries += [Entry(party, t.key, thread=t) for t in threads if t.key not in placed]
    return entries


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


def _detail(entry: Entry, audience: Audience) -> str:
    if entry.template is not None:
        detail = entry.template.detail
        script = f" · the script's wording: {detail}" if detail else ""
        return f"{TABLE_KEY.to(audience)}{script}"
    if entry.thread is None:
        return f"{entry.party} has no promises yet{ADD_KEY.to(audience)}"
    thread = entry.thread
    current = thread.current
    status = f"{current.status.value.capitalize()} since {hhmm(_status_since(thread))}"
    reason = f" ({current.reason})" if current.reason else ""
    earlier = len(thread.amendments)
    if not earlier:
        return f"{status}{reason} · first tabled at {hhmm(thread.first_at)}"
    wordings = "wording" if earlier == 1 else "wordings"
    return (
        f"{status}{reason} · worded so at {hhmm(_worded_at(thread))}"
        f" · {earlier} earlier {wordings}{HISTORY_KEY.to(audience)}"
    )


def _history(thread: standing.PromiseThread) -> list[str]:
    """``09:00 tabled, proposed: “…”``, then each change as its own line."""
    lines: list[str] = []
    previous: Promise | None = None
    for row in thread.history:
        said = f" ({row.reason})" if row.reason else ""
        if previous is None:
            lines.append(f"{hhmm(row.at)} tabled, {row.status.value}: “{row.text}”{said}")
        elif row.text != previous.text:
            lines.append(f"{hhmm(row.at)} reworded: “{row.text}”{said}")
        elif row.status is not previous.status:
            lines.append(f"{hhmm(row.at)} {row.status.value}{said}")
        else:
            changes = [
                f"owner {row.owner or 'none'}" if row.owner != previous.owner else "",
                f"note: {row.note or 'none'}" if row.note != previous.note else "",
            ]
            lines.append(f"{hhmm(row.at)} " + (" · ".join(c for c in changes if c) or "noted"))
        previous = row
    return lines


def _status_since(thread: standing.PromiseThread) -> datetime:
    """When the promise took its current status."""
    since = thread.current.at
    for row in reversed(thread.history):
        if row.status is not thread.current.status:
            break
        since = row.at
    return since


def _worded_at(thread: standing.PromiseThread) -> datetime:
    """When the promise took its current wording."""
    since = thread.current.at
    for row in reversed(thread.history):
        if row.text != thread.current.text:
            break
        since = row.at
    return since
