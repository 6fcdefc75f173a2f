"""The agreement a session reached, as one read model: what a customer can sign and file.

Built from the script and the snapshot alone: the parties and people, the type
of work and the agreed level of agility, each party's promises as they stand
(promised, still open, declined, with owners, notes and reasons), decisions
with their outcomes, every sign-off section with its current wording and who
initialled which wording, the actions and the review date. Two agreements of
the same script can be compared field by field (a later session renegotiates
from the last one).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING

from workshop_tui.domain.kinds import CynefinDomain, EventKind, SessionState
from workshop_tui.domain.read_models import standing
from workshop_tui.domain.read_models.terms import (
    AgilityTerm,
    DecisionTerm,
    PartyTerms,
    agility_term,
    board_items,
    party_terms,
    review_date,
    term_of_decision,
)
from workshop_tui.domain.records import ActionItem, Participant, SessionEvent
from workshop_tui.domain.rules.agility import AGILITY_QUESTION
from workshop_tui.domain.rules.signoff_state import SectionState, session_states
from workshop_tui.domain.snapshot import SessionSetup, SessionSnapshot

if TYPE_CHECKING:
    from workshop_tui.content.model import Script


@dataclass(frozen=True, slots=True)
class Agreement:
    """Everything the room agreed, and what it left open."""

    script_id: str
    title: str
    customer: str
    facilitator: str
    participants: tuple[Participant, ...]
    """Everyone who took part, those who left and latecomers included."""
    started: datetime
    """When the session started (or was created, if it never did)."""
    state: SessionState
    type_of_work: tuple[tuple[CynefinDomain, tuple[str, ...]], ...]
    """The items in each domain of the Cynefin board that holds any."""
    agility: AgilityTerm | None
    """None when the script has no Cynefin part and nobody decided the level of agility."""
    parties: tuple[PartyTerms, ...]
    decisions: tuple[DecisionTerm, ...]
    """Every question decided or raised, the agility decision apart, in the order raised."""
    undecided: tuple[str, ...]
    """The script's questions nobody has decided."""
    sections: tuple[SectionState, ...]
    actions: tuple[ActionItem, ...]
    review_on: date | None
    reopened: tuple[SessionEvent, ...]
    """Each time the finished session was opened again to correct it."""
    setup: SessionSetup
    """Who the workshop was with: the organisations, to say who signed for whom."""

    @property
    def incomplete(self) -> tuple[SectionState, ...]:
        """The sections not yet initialled by all their roles for their current wording."""
        return tuple(state for state in self.sections if not state.progress.complete)

    @property
    def first_finished(self) -> datetime | None:
        """When the session first finished, before any correction."""
        for event in self.reopened:
            if event.reopened_finish is not None:
                return event.reopened_finish
        return None


def agreement_of(script: Script, session: SessionSnapshot) -> Agreement:
    """The agreement ``session`` (a run of ``script``) has reached so far."""
    decisions = standing.current_decisions(session.decisions)
    raised = {_normal(d.question) for d in decisions}
    undecided = tuple(
        question.question
        for part in script.parts
        if part.activity.kind == "decisions"
        for question in part.activity.questions
        if _normal(question.question) not in raised
    )
    has_board = any(part.activity.kind == "cynefin" for part in script.parts)
    agility_decided = any(d.question == AGILITY_QUESTION for d in decisions)
    setup = session.setup
    return Agreement(
        script_id=script.id,
        title=script.title,
        customer=setup.customer,
        facilitator=setup.facilitator,
        participants=setup.participants,
        started=session.started_at or session.created_at,
        state=session.state,
        type_of_work=tuple(board_items(session)),
        agility=agility_term(session) if has_board or agility_decided else None,
        parties=tuple(
            terms
            for terms in party_terms(script, session.promises)
            if terms.promised or terms.open or terms.declined or terms.dropped
        ),
        decisions=tuple(term_of_decision(d) for d in decisions if d.question != AGILITY_QUESTION),
        undecided=undecided,
        sections=tuple(session_states(script, session)),
        actions=tuple(standing.standing_actions(session.actions)),
        review_on=review_date(session.events),
        reopened=tuple(e for e in session.events if e.kind is EventKind.REOPENED),
        setup=setup,
    )


def _normal(text: str) -> str:
    return " ".join(text.split()).casefold()
