"""The session engine: runs one session of a script, storing every change before it returns.

``SessionEngine`` owns one part per job, each written against the shared
``SessionCore`` and nothing else:

- ``timing``: the clock, starting and pausing, more or less time, moving through the parts;
- ``notes``, ``board`` (Cynefin), ``actions``, ``promises``: the room's records;
- ``signoff``: initials bound to the wording they were given for;
- ``decisions``: questions decided, and the agility decision;
- ``corrections``: a finished session reopened, the review date, the customer re-attached;
- ``undo``: the last action taken back (Ctrl+Z), as an event that names its records;
- ``people``: a latecomer, someone leaving or replaced, a delegate named once.

This module opens sessions and keeps what belongs to the session as a whole.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime
from typing import TYPE_CHECKING, Final

from workshop_tui.domain.clock import Clock
from workshop_tui.domain.engine.actions import Actions
from workshop_tui.domain.engine.board import Board
from workshop_tui.domain.engine.core import SessionCore, require_text
from workshop_tui.domain.engine.corrections import Corrections
from workshop_tui.domain.engine.decisions import Decisions
from workshop_tui.domain.engine.notes import Notes
from workshop_tui.domain.engine.people import People
from workshop_tui.domain.engine.promises import Promises
from workshop_tui.domain.engine.signoff import Signoff
from workshop_tui.domain.engine.timing import Timing
from workshop_tui.domain.engine.undo import Undo
from workshop_tui.domain.kinds import SessionState
from workshop_tui.domain.living.renegotiation import Baseline, CarryOver, opening_records
from workshop_tui.domain.ports import SessionStore
from workshop_tui.domain.snapshot import PartTiming, SessionSetup, SessionSnapshot

if TYPE_CHECKING:
    from workshop_tui.content.model import Part, Script

__all__ = ["Resumed", "SessionEngine"]


@dataclass(frozen=True, slots=True)
class Resumed:
    """What happened while the session was away."""

    away_seconds: float
    was_running: bool
    last_seen: datetime | None = None
    """When the session was last seen alive: where a running part's timer was stopped."""


class SessionEngine:
    """One running session of a script, with one part per job."""

    def __init__(self, core: SessionCore) -> None:
        """Put the parts together on ``core``; open a session with ``begin`` or ``reopen``."""
        self._core = core
        self.timing: Final = Timing(core)
        self.notes: Final = Notes(core)
        self.board: Final = Board(core)
        self.actions: Final = Actions(core)
        self.promises: Final = Promises(core)
        self.signoff: Final = Signoff(core)
        self.decisions: Final = Decisions(core)
        self.corrections: Final = Corrections(core)
        self.undo: Final = Undo(core)
        self.people: Final = People(core)

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
        require_text(setup.customer, "the customer or team name")
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
            return cls(SessionCore(script, stored, store, clock))
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
        return cls(SessionCore(script, session, store, clock))

    @classmethod
    def reopen(
        cls, session_id: int, store: SessionStore, clock: Clock
    ) -> tuple[SessionEngine, Resumed]:
        """Hold a stored session for writing and load it; a running part is paused where it was
        last seen. ``SessionInUse`` if another workshop-tui has it open."""
        script, session = store.open_session(session_id, clock.now())
        now = clock.now()
        seen = session.last_seen_at
        away = max(0.0, (now - seen).total_seconds())
        timing = session.timings[session.current_part] if session.timings else None
        was_running = timing is not None and timing.running_since is not None
        core = SessionCore(script, session, store, clock)
        if timing is not None and timing.running_since is not None:
            ran = max(0.0, (session.last_seen_at - timing.running_since).total_seconds())
            stopped = replace(
                timing, elapsed_seconds=timing.elapsed_seconds + ran, running_since=None
            )
            core.save(SessionState.PAUSED, session.current_part, {session.current_part: stopped})
        return cls(core), Resumed(away, was_running, seen)

    # -- the session as a whole ------------------------------------------------------------
    @property
    def script(self) -> Script:
        return self._core.script

    @property
    def session(self) -> SessionSnapshot:
        """The session as stored; read it, change it only through the parts."""
        return self._core.session

    @property
    def part(self) -> Part:
        """The script's current part."""
        return self._core.part

    @property
    def index(self) -> int:
        """The current part's position in the script."""
        return self._core.index

    @property
    def finished(self) -> bool:
        return self._core.finished

    def heartbeat(self) -> None:
        """Tell the store the session is alive, so a crash loses at most a beat of timing."""
        core = self._core
        now = core.clock.now()
        core.store.touch(core.session.id, now)
        core.session.last_seen_at = now

    def close(self) -> None:
        """Let go of the session, so another workshop-tui may open it; the engine writes no more."""
        self._core.store.release(self._core.session.id)

    def update_setup(self, setup: SessionSetup) -> None:
        """Change who is in the room or which materials are ticked."""
        require_text(setup.customer, "the customer or team name")
        core = self._core
        now = core.clock.now()
        core.store.save_setup(core.session.id, setup, now)
        core.session.setup = setup
        core.session.last_seen_at = now
