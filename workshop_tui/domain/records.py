"""What a session records: plain dataclasses, each attached to its part and timestamped.

Records are append-only. A record that changes (a promise amended, an item
re-classified, an action done, a note corrected) is written again under the
same ``key``; the latest row of a key is its current state and the earlier rows
are its history. A sign-off's rows are keyed by its section and role instead.
Fields added after the first release come after ``id``, so the records still
build from positional arguments as before.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from workshop_tui.domain.kinds import (
    ActionState,
    CynefinDomain,
    DecisionMethod,
    EventKind,
    InitialKind,
    PromiseStatus,
    Side,
)


@dataclass(frozen=True, slots=True)
class Participant:
    """Somebody in the room, the role they play and whose side they are on."""

    name: str
    role: str = ""
    side: Side = Side.NONE
    delegate_for: str = ""
    """The person this one signs for, named once for the whole session (a delegate)."""
    joined_at: datetime | None = None
    """When a latecomer joined a session already running (None: there from the start)."""
    left_at: datetime | None = None
    """When the person left the session (None: still there)."""

    @property
    def present(self) -> bool:
        """Still in the room: only people present initial for their role."""
        return self.left_at is None


@dataclass(frozen=True, slots=True)
class Note:
    """One revision of a note on a part; a correction or a retraction is a new revision."""

    part_id: str
    at: datetime
    text: str
    id: int | None = None
    key: str = ""
    """Ties the revisions of one note together (empty only in hand-made records)."""
    retracted: bool = False
    """The note was taken back: it no longer counts, but its history stays."""
    reason: str = ""
    """Why this revision was made (a correction or a retraction)."""
    private: bool = False
    """The facilitator's own note: shown on the console and in the notes (marked private),
    never on the room view and never in the agreement."""


@dataclass(frozen=True, slots=True)
class Classification:
    """An item of the customer's work placed in a Cynefin domain."""

    part_id: str
    at: datetime
    key: str
    item: str
    domain: CynefinDomain | None
    """None for an item added to the board and not placed yet (it waits in the tray)."""
    rationale: str = ""
    id: int | None = None
    carried_from: int | None = None
    """The session this item was carried over from, when a renegotiation opened on it."""


@dataclass(frozen=True, slots=True)
class Promise:
    """One revision of a promise a party makes."""

    part_id: str
    at: datetime
    key: str
    party: str
    text: str
    status: PromiseStatus = PromiseStatus.PROPOSED
    owner: str = ""
    note: str = ""
    id: int | None = None
    reason: str = ""
    """Why the promise stands where it does: the reason given for declining,
    parking or rewording it, kept until its status changes again."""
    carried_from: int | None = None
    """The session this promise was carried over from, when a renegotiation opened on it."""


@dataclass(frozen=True, slots=True)
class SignOff:
    """Somebody initialled a section of the agreement, held their initial, or withdrew it.

    ``wording`` is exactly the text that was read and initialled (see
    ``domain.wording``); an initial counts only while the section still reads so.
    """

    part_id: str
    at: datetime
    section_id: str
    section_title: str
    person: str
    role: str
    initials: str
    id: int | None = None
    wording: str = ""
    kind: InitialKind = InitialKind.INITIALLED
    reason: str = ""
    """Why it was held, withdrawn or done again."""


@dataclass(frozen=True, slots=True)
class Objection:
    """A consent objection and how the room resolved it."""

    text: str
    resolution: str = ""


@dataclass(frozen=True, slots=True)
class Decision:
    """One revision of a decision: the question, how it was decided, and the outcome.

    ``votes`` holds dots per option for dot voting, and for fist-of-five one
    mapping per round from fingers ("0".."5") to how many people showed them.
    """

    part_id: str
    at: datetime
    key: str
    question: str
    method: DecisionMethod
    outcome: str = ""
    agreed: bool | None = None
    votes: dict[str, int] = field(default_factory=dict)
    rounds: tuple[dict[str, int], ...] = ()
    objections: tuple[Objection, ...] = ()
    id: int | None = None
    advised: str = ""
    """What was advised before the room decided (the Cynefin board's agility advice)."""
    carried_from: int | None = None
    """The session this decision was carried over from, when a renegotiation opened on it."""


@dataclass(frozen=True, slots=True)
class ActionItem:
    """One revision of a follow-up with its owner and due date."""

    part_id: str
    at: datetime
    key: str
    text: str
    owner: str = ""
    due: date | None = None
    done: bool = False
    id: int | None = None
    reason: str = ""
    """Why this revision was made, when somebody said (a correction, say)."""
    dropped: bool = False
    """Taken off the action list (not done, no longer wanted), with the reason."""
    carried_from: int | None = None
    """The session this action was carried over from: an open action of the customer's
    last session, brought into this one to be marked done, kept or dropped."""

    @property
    def state(self) -> ActionState:
        """Dropped, done or open: the one place every board, export and count reads it from."""
        if self.dropped:
            return ActionState.DROPPED
        return ActionState.DONE if self.done else ActionState.OPEN


@dataclass(frozen=True, slots=True)
class SessionEvent:
    """Something that happened to the session itself: reopened to correct it, a review date,
    re-attached to another customer."""

    part_id: str
    at: datetime
    kind: EventKind
    reason: str = ""
    review_on: date | None = None
    """The date the agreement is to be reviewed (``EventKind.REVIEW_DATE``; None clears it)."""
    reopened_finish: datetime | None = None
    """When the session had finished before it was reopened (``EventKind.REOPENED``)."""
    id: int | None = None
    customer: str = ""
    """The customer the session was re-attached to (``EventKind.CUSTOMER``)."""
    customer_was: str = ""
    """The customer it was attached to before (``EventKind.CUSTOMER``)."""
    undoes: tuple[tuple[str, int], ...] = ()
    """The records an undo took back (``EventKind.UNDONE``): each as the snapshot list that
    holds it ("notes", "promises", ...) and its id. The records stay stored; they no longer
    count, and ``reason`` says what was taken back."""


Record = Note | Classification | Promise | SignOff | Decision | ActionItem | SessionEvent
