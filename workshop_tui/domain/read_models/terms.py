"""The terms a session has reached: each party's promises, decisions' outcomes, the agility level.

These are the read models the sign-off wording and the agreement are built
from. A promise is *promised* when it is agreed or amended (in its current
wording), *open* while it is proposed or parked, *declined* when declined and
*dropped* when taken off the agreement: neither is ever presented as promised.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from workshop_tui.domain.kinds import CynefinDomain, DecisionMethod, EventKind, PromiseStatus
from workshop_tui.domain.read_models import standing
from workshop_tui.domain.records import Decision, Promise, SessionEvent
from workshop_tui.domain.rules.agility import AGILITY_QUESTION, advise, agility_outcome
from workshop_tui.domain.rules.decision_flow import AGREED, NOT_AGREED, OPEN, decision_status
from workshop_tui.domain.snapshot import SessionSnapshot

if TYPE_CHECKING:
    from workshop_tui.content.model import Script

PROMISED = (PromiseStatus.AGREED, PromiseStatus.AMENDED)
OPEN_STATUSES = (PromiseStatus.PROPOSED, PromiseStatus.PARKED)


@dataclass(frozen=True, slots=True)
class PartyTerms:
    """One party's promises as they stand, sorted by where each stands."""

    party: str
    promised: tuple[Promise, ...]
    open: tuple[Promise, ...]
    """Parked, or tabled but not decided yet."""
    declined: tuple[Promise, ...]
    dropped: tuple[Promise, ...] = ()
    """Taken off the agreement: not promised, not open, not declined; the changes and the
    notes list them."""


def party_order(script: Script) -> list[str]:
    """The parties of the script's promises parts, in the order they first appear."""
    parties: dict[str, None] = {}
    for part in script.parts:
        if part.activity.kind == "promises":
            parties.update((party.name, None) for party in part.activity.parties)
    return list(parties)


def party_terms(script: Script, promises: Sequence[Promise]) -> list[PartyTerms]:
    """Every party of the script (and any other the room named), with its promises."""
    terms: list[PartyTerms] = []
    for party, threads in standing.promises_by_party(promises, party_order(script)).items():
        current = [thread.current for thread in threads]
        terms.append(
            PartyTerms(
                party,
                tuple(p for p in current if p.status in PROMISED),
                tuple(p for p in current if p.status in OPEN_STATUSES),
                tuple(p for p in current if p.status is PromiseStatus.DECLINED),
                tuple(p for p in current if p.status is PromiseStatus.DROPPED),
            )
        )
    return terms


def terms_of(script: Script, promises: Sequence[Promise], party: str) -> PartyTerms:
    """The terms of ``party`` (matched ignoring case and spaces); empty if it made none."""
    wanted = _normal(party)
    for terms in party_terms(script, promises):
        if _normal(terms.party) == wanted:
            return terms
    return PartyTerms(party, (), (), (), ())


@dataclass(frozen=True, slots=True)
class DecisionTerm:
    """A question and where it stands: its verdict word and its outcome."""

    question: str
    method: DecisionMethod | None
    verdict: str
    """"Agreed", "Not agreed", "Decided" or "Not decided yet"."""
    outcome: str
    decision: Decision | None


_VERDICTS = {AGREED: "Agreed", NOT_AGREED: "Not agreed", OPEN: "Not decided yet"}


def decision_term(question: str, decisions: Sequence[Decision]) -> DecisionTerm:
    """Where the question stands now (matched ignoring case and spaces)."""
    wanted = _normal(question)
    found = None
    for decision in standing.current_decisions(decisions):
        if _normal(decision.question) == wanted:
            found = decision
    return term_of_decision(found, question)


def term_of_decision(decision: Decision | None, question: str = "") -> DecisionTerm:
    status = decision_status(decision)
    verdict = _VERDICTS.get(status, "Decided")
    if decision is None:
        return DecisionTerm(question, None, verdict, "", None)
    return DecisionTerm(decision.question, decision.method, verdict, decision.outcome, decision)


@dataclass(frozen=True, slots=True)
class AgilityTerm:
    """The agreed level of agility, what the board advised, and what the board shows."""

    chosen: str
    """Empty while the room has not decided."""
    advised: str
    overruled: bool
    board: tuple[str, ...]
    """The board's summary, one line per finding ("3 of 6 items are Complex")."""
    current_advice: str
    """What the board advises now (its level and approach)."""


def agility_term(session: SessionSnapshot) -> AgilityTerm:
    """The agility decision and the Cynefin board's summary, as they stand."""
    advice = advise(standing.current_classifications(session.classifications))
    board = advice.reasons if advice.leading is not None else ()
    decision = next(
        (d for d in reversed(session.decisions) if d.question == AGILITY_QUESTION), None
    )
    current = advice.summary if advice.leading is not None else ""
    if decision is None:
        return AgilityTerm("", "", False, tuple(board), current)
    outcome = agility_outcome(decision.outcome, decision.advised)
    return AgilityTerm(outcome.chosen, outcome.advised, outcome.overruled, tuple(board), current)


def board_items(session: SessionSnapshot) -> list[tuple[CynefinDomain, tuple[str, ...]]]:
    """The items in each domain that holds any, domains in Cynefin order."""
    return [
        (domain, tuple(row.item for row in rows))
        for domain, rows in standing.board(session.classifications).items()
        if rows
    ]


def _normal(text: str) -> str:
    return " ".join(text.split()).casefold()


def review_date(events: Sequence[SessionEvent]) -> date | None:
    """The latest review date set among ``events`` (None when none is, or it was cleared)."""
    for event in reversed(events):
        if event.kind is EventKind.REVIEW_DATE:
            return event.review_on
    return None
