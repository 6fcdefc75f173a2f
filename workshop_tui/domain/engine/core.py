"""What every part of the session engine shares: the session it runs and the write paths.

``SessionCore`` holds the script, the session's snapshot, the store and the
clock. Each part of the engine (timing, notes, the board, ...) takes the core
and changes the session only through its store-first write paths: a record is
stored before it joins the snapshot, progress is saved before the snapshot
moves.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING, TypeVar

from workshop_tui.domain.clock import Clock
from workshop_tui.domain.kinds import SessionState
from workshop_tui.domain.ports import SessionStore
from workshop_tui.domain.records import ActionItem, Classification, Decision, Note, Promise, Record
from workshop_tui.domain.snapshot import UNDOABLE, PartTiming, SessionSnapshot

if TYPE_CHECKING:
    from workshop_tui.content.model import Part, Script

R = TypeVar("R", bound=Record)
K = TypeVar("K", Classification, Promise, Decision, ActionItem, Note)


class EngineError(ValueError):
    """A facilitator action that cannot be done; the message says why, in one sentence."""


def new_key() -> str:
    """A stable key for a record that may be revised."""
    return uuid.uuid4().hex[:12]


def require_text(text: str, what: str) -> None:
    """Refuse text with nothing printable in it: blank, or only control or format characters."""
    stripped = text.strip()
    if stripped.isprintable():  # the usual case, at C speed
        visible = bool(stripped)
    else:
        visible = any(char.isprintable() and not char.isspace() for char in stripped)
    if not visible:
        raise EngineError(f"{what} cannot be empty")


class SessionCore:
    """One session of a script, with its store and clock, and the store-first write paths."""

    __slots__ = ("_clock", "_journal", "_script", "_session", "_store")

    def __init__(
        self, script: Script, session: SessionSnapshot, store: SessionStore, clock: Clock
    ) -> None:
        self._script = script
        self._session = session
        self._store = store
        self._clock = clock
        self._journal: list[tuple[str, tuple[int, ...]]] = []
        """Each group of records written since the session was opened, oldest first, as
        (its snapshot list, the ids): what undo takes back, in the order it happened."""

    # -- what the parts read -----------------------------------------------------------------
    @property
    def script(self) -> Script:
        return self._script

    @property
    def session(self) -> SessionSnapshot:
        """The session as stored; changed only by the write paths below (and after the store)."""
        return self._session

    @property
    def store(self) -> SessionStore:
        return self._store

    @property
    def clock(self) -> Clock:
        return self._clock

    @property
    def journal(self) -> list[tuple[str, tuple[int, ...]]]:
        """The groups of records written since the session was opened, oldest first."""
        return self._journal

    @property
    def part(self) -> Part:
        """The script's current part."""
        return self._script.parts[self._session.current_part]

    @property
    def index(self) -> int:
        """The current part's position in the script."""
        return self._session.current_part

    @property
    def finished(self) -> bool:
        return self._session.state is SessionState.FINISHED

    # -- the write paths -------------------------------------------------------------------
    def require_open(self) -> None:
        """Refuse any change to a finished session's records."""
        if self.finished:
            raise EngineError("this session is finished; its records can be read and exported")

    def add(self, row: R, rows: list[R]) -> R:
        """Store a record, then keep it (with the id the store gave it) in ``rows``."""
        self.require_open()
        stored = replace(row, id=self._store.add_record(self._session.id, row))
        rows.append(stored)
        self._session.last_seen_at = stored.at
        self._note_written(rows, [stored])
        return stored

    def add_all(self, rows: Sequence[R], into: list[R]) -> list[R]:
        """Store several records in one transaction (all or none), then keep them."""
        self.require_open()
        ids = self._store.add_records(self._session.id, rows)
        stored = [replace(row, id=row_id) for row, row_id in zip(rows, ids, strict=True)]
        into.extend(stored)
        if stored:
            self._session.last_seen_at = stored[-1].at
            self._note_written(into, stored)
        return stored

    def _note_written(self, rows: list[R], stored: Sequence[R]) -> None:
        """Journal a group of records the room's actions wrote (events are not undone)."""
        session = self._session
        for field in UNDOABLE:
            if getattr(session, field) is rows:
                self._journal.append((field, tuple(row.id for row in stored if row.id)))
                return

    def save(self, state: SessionState, current: int, changed: dict[int, PartTiming]) -> None:
        """Store first; only once it is committed does the session's state change."""
        now = self._clock.now()
        self._store.save_progress(
            self._session.id,
            state=state,
            current_part=current,
            timings=list(changed.values()),
            at=now,
        )
        session = self._session
        for index, timing in changed.items():
            session.timings[index] = timing
        session.state = state
        session.current_part = current
        session.last_seen_at = now

    # -- reading revisions -----------------------------------------------------------------
    @staticmethod
    def latest(rows: list[K], key: str, what: str) -> K:
        """The latest revision of the record with ``key``; EngineError if there is none."""
        for row in reversed(rows):
            if row.key == key:
                return row
        raise EngineError(f"no {what} with key {key}")

    @staticmethod
    def carried_from(rows: Sequence[Classification | Decision], key: str | None) -> int | None:
        """The session a thread was carried from, so its new revision says so too."""
        if key is None:
            return None
        for row in reversed(rows):
            if row.key == key:
                return row.carried_from
        return None
