"""The session engine: runs one session of a script, storing every change before it returns.

Remaining time is computed from clock readings (monotonic while a part runs,
wall-clock timestamps in the store), never by counting ticks. Running over
time is a state: the remaining time goes negative.

The engine is put together from one mixin per job (``engine_timing``,
``engine_records``, ``engine_promises``, ``engine_signoff``,
``engine_decisions``, ``engine_corrections``); this module opens sessions and
holds the write paths every change goes through.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from workshop_tui.domain.clock import Clock
from workshop_tui.domain.engine.core import (
    EngineBase,
    EngineError,
    R,
    _require_text,
    new_key,
)
from workshop_tui.domain.engine.corrections import CorrectionsMixin
from workshop_tui.domain.engine.decisions import DecisionsMixin
from workshop_tui.domain.engine.promises import PromisesMixin
from workshop_tui.domain.engine.records import RecordsMixin
from workshop_tui.domain.engine.renegotiation import RenegotiationMixin
from workshop_tui.domain.engine.signoff import SignoffMixin
from workshop_tui.domain.engine.timing import TimingMixin
from workshop_tui.domain.kinds import SessionState
from workshop_tui.domain.living.renegotiation import Baseline, CarryOver, opening_records
from workshop_tui.domain.ports import SessionStore
from workshop_tui.domain.read_models.time_report import AgendaRow
from workshop_tui.domain.snapshot import PartTiming, SessionSetup, SessionSnapshot

if TYPE_CHECKING:
    from workshop_tui.content.model import Script

__all__ = ["AgendaRow", "EngineError", "Resumed", "SessionEngine", "new_key"]


@dataclass(frozen=True, slots=True)
class Resumed:
    """What happened while the session was away."""

    away_seconds: float
    was_running: bool


class SessionEngine(
    TimingMixin,
    RecordsMixin,
    PromisesMixin,
    SignoffMixin,
    DecisionsMixin,
    CorrectionsMixin,
    RenegotiationMixin,
    EngineBase,
):
    """One running session of a script."""

    def __init__(
        self, script: Script, session: SessionSnapshot, store: SessionStore, clock: Clock
    ) -> None:
        self.script = script
        self.session = session
        self._store = store
        self._clock = clock
        self._run_began: float | None = None  # monotonic reading when the current run began
        if session.timings and session.timings[session.current_part].running_since is not None:
            self._run_began = clock.monotonic()

    # -- opening ---------------------------------------------------------------------------
    @classmethod
    def begin(
        cls,
        script: Script,
        script_source: str,
        setup: SessionSetup,
        store: SessionStore,
        clock: Clock,
        *,
        baseline: Baseline | None = None,
        carried: CarryOver | None = None,
    ) -> SessionEngine:
        """Create and store a new session of ``script``; the first part waits to be started.

        With ``baseline`` the session renegotiates that earlier agreement: it is
        linked to it and opens on its promises, decisions and board; with
        ``carried`` it opens with the open actions of the customer's last
        session. Both are stored with the session, in the same transaction.
        """
        _require_text(setup.customer, "the customer or team name")
        now = clock.now()
        timings = [PartTiming(part.id, part.duration) for part in script.parts]
        opening = opening_records(script, now, baseline, carried)
        session_id = store.create_session(
            script,
            script_source,
            setup,
            timings,
            now,
            renegotiates=baseline.session_id if baseline is not None else None,
            opening=opening,
        )
        if opening:  # the records as stored, with the ids the store gave them
            _, stored = store.load_session(session_id)
            return cls(script, stored, store, clock)
        session = SessionSnapshot(
            id=session_id,
            script_id=script.id,
            script_title=script.title,
            setup=setup,
            state=SessionState.SETUP,
            current_part=0,
            created_at=now,
            last_seen_at=now,
            timings=timings,
        )
        return cls(script, session, store, clock)

    @classmethod
    def reopen(
        cls, session_id: int, store: SessionStore, clock: Clock
    ) -> tuple[SessionEngine, Resumed]:
        """Hold a stored session for writing and load it; a running part is paused where it was
        last seen. ``SessionInUse`` if another workshop-tui has it open."""
        script, session = store.open_session(session_id, clock.now())
        now = clock.now()
        away = max(0.0, (now - session.last_seen_at).total_seconds())
        timing = session.timings[session.current_part] if session.timings else None
        was_running = timing is not None and timing.running_since is not None
        engine = cls(script, session, store, clock)
        engine._run_began = None
        if timing is not None and timing.running_since is not None:
            ran = max(0.0, (session.last_seen_at - timing.running_since).total_seconds())
            stopped = replace(
                timing, elapsed_seconds=timing.elapsed_seconds + ran, running_since=None
            )
            engine._save(SessionState.PAUSED, session.current_part, {session.current_part: stopped})
        return engine, Resumed(away, was_running)

    def heartbeat(self) -> None:
        """Tell the store the session is alive, so a crash loses at most a beat of timing."""
        now = self._clock.now()
        self._store.touch(self.session.id, now)
        self.session.last_seen_at = now

    def close(self) -> None:
        """Let go of the session, so another workshop-tui may open it; the engine writes no more."""
        self._store.release(self.session.id)

    def update_setup(self, setup: SessionSetup) -> None:
        """Change who is in the room or which materials are ticked."""
        _require_text(setup.customer, "the customer or team name")
        now = self._clock.now()
        self._store.save_setup(self.session.id, setup, now)
        self.session.setup = setup
        self.session.last_seen_at = now

    # -- the write paths -------------------------------------------------------------------
    def _add(self, row: R, rows: list[R]) -> R:
        self._require_open()
        stored = replace(row, id=self._store.add_record(self.session.id, row))
        rows.append(stored)
        self.session.last_seen_at = stored.at
        return stored

    def _save(self, state: SessionState, current: int, changed: dict[int, PartTiming]) -> None:
        """Store first; only once it is committed does the engine's state change."""
        now = self._clock.now()
        self._store.save_progress(
            self.session.id,
            state=state,
            current_part=current,
            timings=list(changed.values()),
            at=now,
        )
        for index, timing in changed.items():
            self.session.timings[index] = timing
        self.session.state = state
        self.session.current_part = current
        self.session.last_seen_at = now
