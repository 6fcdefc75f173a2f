"""The decisions board: the script's questions and the room's own, each with its method at work.

What is shown of a question is its latest decision revision (same key), so a
resumed session looks the same: consent's objections and how each was
resolved, fist of five's rounds of fingers, dot voting's dots against the
room's budget, and the outcome.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from workshop_tui.domain.kinds import DecisionMethod
from workshop_tui.domain.read_models import standing
from workshop_tui.domain.read_models.audience import Audience
from workshop_tui.domain.records import Decision, Objection
from workshop_tui.domain.rules.decision_flow import (
    OPEN,
    decision_status,
    dot_budget,
    fist_verdict,
    unresolved,
)
from workshop_tui.domain.rules.decisions import dot_ranking, dots_spent, fist_of_five_agreed

if TYPE_CHECKING:
    from workshop_tui.content.model import Part
    from workshop_tui.domain.snapshot import SessionSnapshot


@dataclass(frozen=True, slots=True)
class Question:
    """A question on the list: from the script or raised in the room, and its latest decision."""

    row_id: str
    question: str
    method: DecisionMethod
    options: tuple[str, ...] = ()
    dots_per_person: int = 3
    decision: Decision | None = None

    @property
    def status(self) -> str:
        return decision_status(self.decision)

    @property
    def objections(self) -> tuple[Objection, ...]:
        return self.decision.objections if self.decision else ()

    @property
    def rounds(self) -> tuple[dict[str, int], ...]:
        return self.decision.rounds if self.decision else ()

    @property
    def votes(self) -> dict[str, int]:
        return dict(self.decision.votes) if self.decision else {}


@dataclass(frozen=True, slots=True)
class Round:
    """One show of fingers, numbered from 1."""

    number: int
    counts: dict[str, int]
    verdict: str
    agreed: bool


@dataclass(frozen=True, slots=True)
class DotTally:
    """Dots per option, most first, against the room's budget."""

    ranking: tuple[tuple[str, int], ...]
    spent: int
    budget: int
    people: int
    per_person: int


@dataclass(frozen=True, slots=True)
class QuestionView:
    """A question and its method at work."""

    question: Question
    open_objections: int
    rounds: tuple[Round, ...]
    """Newest first, so the latest is in view."""
    dots: DotTally | None

    @property
    def row_id(self) -> str:
        return self.question.row_id


@dataclass(frozen=True, slots=True)
class DecisionsView:
    questions: tuple[QuestionView, ...]
    audience: Audience = Audience.CONSOLE

    @property
    def settled(self) -> int:
        return sum(1 for q in self.questions if q.question.status != OPEN)

    def find(self, row_id: str | None) -> QuestionView | None:
        return next((q for q in self.questions if q.row_id == row_id), None)


def questions(part: Part, session: SessionSnapshot, *, default_dots: int) -> list[Question]:
    """The script's questions in order, then those raised in the room, with their decisions.

    ``default_dots`` is the dots each person has on a question the room raised.
    """
    activity = part.activity
    specs = list(activity.questions) if activity.kind == "decisions" else []
    decisions = [
        row for row in standing.current_decisions(session.decisions) if row.part_id == part.id
    ]
    by_question = {row.question.casefold(): row for row in decisions}
    listed: list[Question] = []
    used: set[str] = set()
    for index, spec in enumerate(specs):
        decision = by_question.get(spec.question.casefold())
        if decision is not None:
            used.add(decision.key)
        listed.append(
            Question(
                f"script-{index}",
                spec.question,
                spec.method,
                tuple(spec.options),
                spec.dots_per_person,
                decision,
            )
        )
    for row in decisions:
        if row.key not in used:
            listed.append(
                Question(
                    f"raised-{row.key}",
                    row.question,
                    row.method,
                    tuple(row.votes),
                    default_dots,
                    row,
                )
            )
    return listed


def decisions_view(
    part: Part,
    session: SessionSnapshot,
    *,
    default_dots: int,
    audience: Audience = Audience.CONSOLE,
) -> DecisionsView:
    """Every question of ``part`` with the figures its method shows."""
    people = len(session.setup.participants)
    return DecisionsView(
        tuple(
            _question_view(question, people)
            for question in questions(part, session, default_dots=default_dots)
        ),
        audience,
    )


def _question_view(question: Question, people: int) -> QuestionView:
    rounds = tuple(
        Round(number, counts, fist_verdict(counts), fist_of_five_agreed(counts))
        for number, counts in reversed(list(enumerate(question.rounds, start=1)))
    )
    dots = None
    if question.method is DecisionMethod.DOT_VOTING:
        votes = question.votes
        for option in question.options:
            votes.setdefault(option, 0)
        dots = DotTally(
            ranking=tuple(dot_ranking(votes)),
            spent=dots_spent(votes),
            budget=dot_budget(people, question.dots_per_person),
            people=people,
            per_person=question.dots_per_person,
        )
    return QuestionView(question, len(unresolved(question.objections)), rounds, dots)
