"""How much agility the work calls for, read from the Cynefin board.

The advice is short and explainable: it counts the items in each domain and
names the approach the dominant kind of work suits. The facilitator accepts it
or overrules it; either way it is recorded as a decision.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from workshop_tui.domain.kinds import CynefinDomain
from workshop_tui.domain.records import Classification

AGILITY_QUESTION = "How much agility does the work call for?"

_APPROACH: dict[CynefinDomain, str] = {
    CynefinDomain.CLEAR: (
        "A fixed plan may serve: the work is known, so agree scope, price and dates up front "
        "and keep a light Sprint Review to confirm delivery."
    ),
    CynefinDomain.COMPLICATED: (
        "Plan with experts, then deliver in increments: analyse up front, fix the goal, "
        "and let the Sprint Review confirm the plan still holds."
    ),
    CynefinDomain.COMPLEX: (
        "Empirical, iterative delivery: a Product Owner on hand, a usable increment every "
        "Sprint, and the Product Goal steered at each Sprint Review rather than a fixed scope."
    ),
    CynefinDomain.CHAOTIC: (
        "Act first to stabilise: short cycles, a named decision maker available daily, "
        "then move the work into Complex as it settles."
    ),
    CynefinDomain.CONFUSED: (
        "Not enough is known yet: break the items down and classify them again "
        "before agreeing how the work will be run."
    ),
}

_AGILITY_LEVEL: dict[CynefinDomain, str] = {
    CynefinDomain.CLEAR: "Low agility",
    CynefinDomain.COMPLICATED: "Moderate agility",
    CynefinDomain.COMPLEX: "High agility",
    CynefinDomain.CHAOTIC: "High agility, rapid response",
    CynefinDomain.CONFUSED: "Undecided",
}


@dataclass(frozen=True, slots=True)
class AgilityAdvice:
    """The board's counts, the domain that leads, and what that suggests."""

    counts: dict[CynefinDomain, int]
    leading: CynefinDomain | None
    level: str
    approach: str
    reasons: tuple[str, ...]

    @property
    def summary(self) -> str:
        """One line for the decision record."""
        return f"{self.level}: {self.approach}"


def advise(current: Sequence[Classification]) -> AgilityAdvice:
    """Advice from the current placement of each item (latest revision per item)."""
    counts = Counter(row.domain for row in current)
    every = {domain: counts.get(domain, 0) for domain in CynefinDomain}
    total = sum(every.values())
    if not total:
        return AgilityAdvice(
            every,
            None,
            "Undecided",
            "Classify some of the work first.",
            ("No item has been classified yet.",),
        )
    placed = {d: n for d, n in every.items() if d is not CynefinDomain.CONFUSED and n}
    if not placed or every[CynefinDomain.CONFUSED] * 2 > total:
        leading = CynefinDomain.CONFUSED
    else:
        # Ties go to the domain that needs more agility: it is the safer promise.
        order = [
            CynefinDomain.CHAOTIC,
            CynefinDomain.COMPLEX,
            CynefinDomain.COMPLICATED,
            CynefinDomain.CLEAR,
        ]
        leading = max(placed, key=lambda d: (placed[d], -order.index(d)))
    reasons = [f"{every[d]} of {total} items are {d.label}" for d in CynefinDomain if every[d]]
    unordered = every[CynefinDomain.COMPLEX] + every[CynefinDomain.CHAOTIC]
    if leading in (CynefinDomain.CLEAR, CynefinDomain.COMPLICATED) and unordered:
        reasons.append(
            f"{unordered} item(s) are Complex or Chaotic: keep a Product Owner close for those"
        )
    return AgilityAdvice(
        every, leading, _AGILITY_LEVEL[leading], _APPROACH[leading], tuple(reasons)
    )


OVERRULED = "Overruled: "
"""How an overruled agility decision's outcome begins."""


@dataclass(frozen=True, slots=True)
class AgilityOutcome:
    """What the room chose as the level of agility, and what the board had advised."""

    chosen: str
    advised: str
    """The board's advice when the room decided; empty if it was not recorded."""
    overruled: bool


def agility_outcome(outcome: str, advised: str) -> AgilityOutcome:
    """Read an agility decision's outcome (``"Overruled: ..."`` when the room chose otherwise)."""
    overruled = outcome.startswith(OVERRULED)
    chosen = outcome.removeprefix(OVERRULED).strip() if overruled else outcome
    return AgilityOutcome(chosen, advised, overruled or bool(advised and advised != chosen))
