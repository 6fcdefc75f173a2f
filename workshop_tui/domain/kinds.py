"""The vocabulary shared by scripts, sessions and exports."""

from __future__ import annotations

from enum import StrEnum


class ActivityKind(StrEnum):
    """What the room does during a part."""

    DISCUSSION = "discussion"
    CYNEFIN = "cynefin"
    PROMISES = "promises"
    SIGNOFF = "signoff"
    DECISIONS = "decisions"
    ACTIONS = "actions"

    @property
    def label(self) -> str:
        return "Sign-off" if self is ActivityKind.SIGNOFF else self.value.capitalize()


class CynefinDomain(StrEnum):
    """The five domains of the Cynefin framework."""

    CLEAR = "clear"
    COMPLICATED = "complicated"
    COMPLEX = "complex"
    CHAOTIC = "chaotic"
    CONFUSED = "confused"

    @property
    def label(self) -> str:
        return self.value.capitalize()


class PromiseStatus(StrEnum):
    """Where a promise stands in the negotiation."""

    PROPOSED = "proposed"
    AGREED = "agreed"
    AMENDED = "amended"
    DECLINED = "declined"
    PARKED = "parked"
    DROPPED = "dropped"
    """Taken off the agreement (in a renegotiation, say), with the reason; its history stays."""


class DecisionMethod(StrEnum):
    """How the room decides a question."""

    CONSENT = "consent"
    FIST_OF_FIVE = "fist_of_five"
    DOT_VOTING = "dot_voting"
    FACILITATOR = "facilitator"

    @property
    def label(self) -> str:
        return {
            "consent": "Consent",
            "fist_of_five": "Fist of five",
            "dot_voting": "Dot voting",
            "facilitator": "Facilitator's call",
        }[self.value]


class Side(StrEnum):
    """Whose side a person is on: the customer's organisation or the supplier's."""

    NONE = ""
    CUSTOMER = "customer"
    SUPPLIER = "supplier"


class ActionState(StrEnum):
    """Where a follow-up stands: still to do, done, or taken off the list."""

    OPEN = "open"
    DONE = "done"
    DROPPED = "dropped"

    @property
    def label(self) -> str:
        return self.value.capitalize()


class SessionState(StrEnum):
    """The life cycle of a session."""

    SETUP = "setup"
    RUNNING = "running"
    PAUSED = "paused"
    FINISHED = "finished"


class InitialKind(StrEnum):
    """What a sign-off row records for a role."""

    INITIALLED = "initialled"
    HELD = "held"
    """The person does not initial yet, and says why."""
    WITHDRAWN = "withdrawn"
    """An initial given earlier is taken back, with a reason."""


class EventKind(StrEnum):
    """What can happen to a session besides its records."""

    REOPENED = "reopened"
    """A finished session was opened again to correct it."""
    REVIEW_DATE = "review-date"
    """The date the agreement will be reviewed was set (or cleared)."""
    CUSTOMER = "customer"
    """The session was re-attached to another customer (a mistyped name corrected)."""
    UNDONE = "undone"
    """The facilitator took back the last action (Ctrl+Z): its records no longer count."""
