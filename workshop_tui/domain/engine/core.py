"""What the session engine's parts share: its state, its error, and the helpers they call.

``SessionEngine`` is put together from one mixin per job (timing, notes and
the board, promises, sign-off, decisions, corrections); each mixin is written
against this base, and the engine itself supplies the store-first write paths.
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
from workshop_tui.domain.snapshot import PartTiming, SessionSnapshot

if TYPE_CHECKING:
    from workshop_tui.content.model import Part, Script

R = TypeVar("R", bound=Record)
K = TypeVar("K", Classification, Promise, Decision, ActionItem, Note)


class EngineError(ValueError):
    """A facilitator action that cannot be done; the message says why, in one sentence."""


def new_key() -> str:
    """A stable key for a record that may be revised."""
    return uuid.uuid4().hex[:12]


def _require_text(text: str, what: str) -> None:
    """Refuse text with nothing printable in it: blank, or only control or format characters."""
    stripped = text.strip()
    if stripped.isprintable():  # the usual case, at C speed
        visible = bool(stripped)
    else:
        visible = any(char.isprintable() and not char.isspace() for char in stripped)
    if not visible:
        raise EngineError(f"{what} cannot be empty")


class EngineBase:
    """The state every part of the engine reads, and the write paths it goes through."""

    script: Script
    session: SessionSnapshot
    _store: SessionStore
    _clock: Clock
    _run_began: float | None

    @property
    def part(self) -> Part:
        return self.script.parts[self.session.current_part]

    @property
    def index(self) -> int:
        return self.session.current_part

    @property
    def finished(self) -> bool:
        return self.session.state is SessionState.FINISHED

    def _add(self, row: R, rows: list[R]) -> R:  # pragma: no cover - the engine's own
        raise NotImplementedError

    def _add_all(self, rows: Sequence[R], into: list[R]) -> list[R]:
        """Store several records in one transaction (all or none), then keep them."""
        self._require_open()
        ids = self._store.add_records(self.session.id, rows)
        stored = [replace(row, id=row_id) for row, row_id in zip(rows, ids, strict=True)]
        into.extend(stored)
        if stored:
            self.session.last_seen_at = stored[-1].at
        return stored

    def _save(
        self, state: SessionState, current: int, changed: dict[int, PartTiming]
    ) -> None:  # pragma: no cover - the engine's own
        raise NotImplementedError

    def _require_open(self) -> None:
        if self.finished:
            raise EngineError("this session is finished; its records can be read and exported")

    def _carried_from(
        self, rows: Sequence[Classification | Decision], key: str | None
    ) -> int | None:
        """The session a thread was carried from, so its new revision says so too."""
        if key is None:
            return None
        for row in reversed(rows):
            if row.key == key:
                return row.carried_from
        return None

    def _latest(self, rows: list[K], key: str, what: str) -> K:
        for row in reversed(rows):
            if row.key == key:
                return row
        raise EngineError(f"no {what} with key {key}")
