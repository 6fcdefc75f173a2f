"""Decisions: questions decided in the room, and the agility decision read from the board."""

from __future__ import annotations

from workshop_tui.domain.engine.core import EngineError, SessionCore, new_key, require_text
from workshop_tui.domain.kinds import DecisionMethod
from workshop_tui.domain.read_models import standing
from workshop_tui.domain.records import Decision, Objection
from workshop_tui.domain.rules.agility import AGILITY_QUESTION, OVERRULED, AgilityAdvice, advise


class Decisions:
    """Every new round or outcome of a question is a new revision of its decision."""

    def __init__(self, core: SessionCore) -> None:
        self._core = core

    def record(
        self,
        question: str,
        method: DecisionMethod,
        *,
        outcome: str = "",
        agreed: bool | None = None,
        votes: dict[str, int] | None = None,
        rounds: tuple[dict[str, int], ...] = (),
        objections: tuple[Objection, ...] = (),
        key: str | None = None,
        advised: str = "",
    ) -> Decision:
        """Record a decision, or with ``key`` a new revision of one (a new round, an outcome)."""
        require_text(question, "the question")
        if votes and any(count < 0 for count in votes.values()):
            raise EngineError("votes cannot be negative")
        for counts in rounds:
            if any(count < 0 for count in counts.values()):
                raise EngineError("a show of fingers cannot be negative")
        core = self._core
        row = Decision(
            core.part.id,
            core.clock.now(),
            key or new_key(),
            question.strip(),
            method,
            outcome.strip(),
            agreed,
            dict(votes or {}),
            tuple(dict(r) for r in rounds),
            tuple(objections),
            advised=advised.strip(),
            carried_from=core.carried_from(core.session.decisions, key),
        )
        return core.add(row, core.session.decisions)

    def agility_advice(self) -> AgilityAdvice:
        """What the Cynefin board says about how much agility the work calls for."""
        return advise(standing.current_classifications(self._core.session.classifications))

    def agility_decision(self) -> Decision | None:
        """The recorded agility decision, if any."""
        for row in reversed(self._core.session.decisions):
            if row.question == AGILITY_QUESTION:
                return row
        return None

    def accept_agility(self) -> Decision:
        """Record the board's advice as the room's decision."""
        advice = self.agility_advice()
        if advice.leading is None:
            raise EngineError("classify some of the work before deciding how much agility it needs")
        return self._agility(advice.summary, advice.summary)

    def overrule_agility(self, outcome: str) -> Decision:
        """Record the room's own answer instead of the board's advice (which is kept with it)."""
        require_text(outcome, "the room's decision")
        advice = self.agility_advice()
        advised = advice.summary if advice.leading is not None else ""
        return self._agility(f"{OVERRULED}{outcome.strip()}", advised)

    def _agility(self, outcome: str, advised: str) -> Decision:
        previous = self.agility_decision()
        return self.record(
            AGILITY_QUESTION,
            DecisionMethod.FACILITATOR,
            outcome=outcome,
            agreed=True,
            key=previous.key if previous else None,
            advised=advised,
        )
