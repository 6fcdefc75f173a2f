"""A session as stored: everything needed to rebuild the screen or write the notes."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import TYPE_CHECKING

from workshop_tui.domain.kinds import SessionState
from workshop_tui.domain.records import (
    ActionItem,
    Classification,
    Decision,
    Note,
    Participant,
    Promise,
    Record,
    SessionEvent,
    SignOff,
)

if TYPE_CHECKING:
    from workshop_tui.content.model import Script

UNDOABLE = ("notes", "classifications", "promises", "signoffs", "decisions", "actions")
"""The lists of a snapshot whose records an undo (Ctrl+Z) can take back."""


@dataclass(frozen=True, slots=True)
class SessionSetup:
    """Who the workshop is with, and what was prepared."""

    customer: str
    facilitator: str = ""
    participants: tuple[Participant, ...] = ()
    materials_checked: tuple[str, ...] = ()
    supplier: str = ""
    """The supplier's organisation (the facilitator's side), beside the customer's."""

    @property
    def present(self) -> tuple[Participant, ...]:
        """The people still in the room."""
        return tuple(person for person in self.participants if person.present)


@dataclass(slots=True)
class PartTiming:
    """Planned versus actual time of one part.

    ``elapsed_seconds`` is the time run before the current run began; while the
    part runs, ``running_since`` is the wall time that run began. Live remaining
    time is computed by the engine from monotonic readings, never by counting ticks.

    ``extra_seconds`` is the net change to the part's time (negative when more
    was taken away than given) and ``removed_seconds`` how much was taken away
    in all, so both the time added and the time taken away are known.
    """

    part_id: str
    planned_seconds: int
    extra_seconds: int = 0
    elapsed_seconds: float = 0.0
    running_since: datetime | None = None
    started_at: datetime | None = None
    finished_at: datetime | None = None
    skipped: bool = False
    removed_seconds: int = 0

    @property
    def allowed_seconds(self) -> int:
        """Planned time plus every extension, less the time taken away."""
        return self.planned_seconds + self.extra_seconds

    @property
    def added_seconds(self) -> int:
        """Time given to the part in all (before any was taken away)."""
        return self.extra_seconds + self.removed_seconds

    @property
    def done(self) -> bool:
        return self.finished_at is not None or self.skipped


@dataclass(slots=True)
class SessionSnapshot:
    """One session and all it recorded, in the order it happened."""

    id: int
    script_id: str
    script_title: str
    setup: SessionSetup
    state: SessionState
    current_part: int
    created_at: datetime
    last_seen_at: datetime
    started_at: datetime | None = None
    finished_at: datetime | None = None
    timings: list[PartTiming] = field(default_factory=list)
    notes: list[Note] = field(default_factory=list)
    classifications: list[Classification] = field(default_factory=list)
    promises: list[Promise] = field(default_factory=list)
    signoffs: list[SignOff] = field(default_factory=list)
    decisions: list[Decision] = field(default_factory=list)
    actions: list[ActionItem] = field(default_factory=list)
    events: list[SessionEvent] = field(default_factory=list)
    renegotiates: int | None = None
    """The session whose agreement this one renegotiates (the version before it), if any."""
    taken_back: list[Record] = field(default_factory=list)
    """Records an undo took back, in the order they were stored: kept (the history says
    what was taken back), never counted in the lists above."""

    @property
    def record_count(self) -> int:
        return sum(
            len(rows)
            for rows in (
                self.notes,
                self.classifications,
                self.promises,
                self.signoffs,
                self.decisions,
                self.actions,
                self.events,
                self.taken_back,
            )
        )


@dataclass(frozen=True, slots=True)
class SessionSummary:
    """A line of ``workshop sessions``."""

    id: int
    script_id: str
    script_title: str
    customer: str
    created_at: datetime
    state: SessionState
    parts_done: int
    parts_total: int
    last_seen_at: datetime
    renegotiates: int | None = None
    """The session this one renegotiates: the version of the agreement before it."""
    review_on: date | None = None
    """When the agreement is to be reviewed, if a date is set."""
    started_at: datetime | None = None
    finished_at: datetime | None = None
    facilitator: str = ""
    """Who ran it (on a team store, one of several facilitators)."""


@dataclass(frozen=True, slots=True)
class TimingRun:
    """One session's part timings and the script it ran: what planned-against-actual reads."""

    session_id: int
    script: Script
    timings: list[PartTiming]
