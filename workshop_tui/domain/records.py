"""What a session records: plain dataclasses, each attached to its part and timestamped.

Records are append-only. A record that changes (a promise amended, an item
re-classified, an action done) is written again under the same ``key``; the
latest row of a key is its current state and the earlier rows are its history.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from workshop_tui.domain.kinds import CynefinDomain, DecisionMethod, PromiseStatus


@dataclass(frozen=True, slots=True)
class Participant:
    """Somebody in the room, and the role they play."""

    name: str
    role: str = ""


@dataclass(frozen=True, slots=True)
class Note:
    part_id: str
    at: datetime
    text: str
    id: int | None = None


@dataclass(frozen=True, slots=True)
class Classification:
    """An item of the customer's work placed in a Cynefin domain."""

    part_id: str
    at: datetime
    key: str
    item: str
    domain: CynefinDomain
    rationale: str = ""
    id: int | None = None


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


@dataclass(frozen=True, slots=True)
class SignOff:
    """Somebody initialled a section of the agreement."""

    part_id: str
    at: datetime
    section_id: str
    section_title: str
    person: str
    role: str
    initials: str
    id: int | None = None


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


Record = Note | Classification | Promise | SignOff | Decision | ActionItem
