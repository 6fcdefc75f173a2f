"""How a decision moves on in the room: status, objections, votes and the dot budget.

Pure functions over records, used by the decisions panel so that it holds no
rules of its own. The rules of the methods themselves live in ``decisions``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from workshop_tui.domain.records import Decision, Objection
from workshop_tui.domain.rules.decisions import FINGERS, fist_of_five_agreed, low_voices

OPEN = "open"
AGREED = "agreed"
NOT_AGREED = "not agreed"
DECIDED = "outcome"


def decision_status(decision: Decision | None) -> str:
    """Where a question stands: open, agreed, not agreed, or an outcome without a verdict."""
    if decision is None:
        return OPEN
    if decision.agreed is True:
        return AGREED
    if decision.agreed is False:
        return NOT_AGREED
    return DECIDED if decision.outcome.strip() else OPEN


def with_objection(objections: Sequence[Objection], text: str) -> tuple[Objection, ...]:
    """The objections with a new, unresolved one at the end."""
    return (*objections, Objection(text.strip()))


def unresolved(objections: Sequence[Objection]) -> list[int]:
    """Positions of the objections still waiting for a resolution, in order."""
    return [i for i, objection in enumerate(objections) if not objection.resolution.strip()]


def with_resolution(
    objections: Sequence[Objection], index: int, resolution: str
) -> tuple[Objection, ...]:
    """The objections with the one at ``index`` resolved."""
    if not 0 <= index < len(objections):
        raise ValueError(f"there is no objection number {index + 1}")
    if not resolution.strip():
        raise ValueError("the resolution cannot be empty")
    changed = Objection(objections[index].text, resolution.strip())
    return (*objections[:index], changed, *objections[index + 1 :])


def consent_outcome(statement: str, note: str) -> str:
    """What the room consented to, followed by the facilitator's note when there is one."""
    statement = statement.strip()
    return f"{statement} {note.strip()}" if note.strip() else statement


def fist_verdict(counts: Mapping[str, int]) -> str:
    """What a round of fist of five tells the room."""
    if sum(counts.get(finger, 0) for finger in FINGERS) == 0:
        return "No votes in this round"
    if fist_of_five_agreed(counts):
        return "Agreement: everyone 3 or more"
    low = low_voices(counts)
    voices = "1 low voice" if low == 1 else f"{low} low voices"
    return f"{voices}: hear them, then vote again"


def read_show_of_fingers(values: Mapping[str, str]) -> dict[str, int]:
    """Counts per finger ("0".."5") from typed text; blank is 0.

    Raises ValueError with one sentence when a count is not a whole number of
    people or when nobody voted.
    """
    counts: dict[str, int] = {}
    for finger in FINGERS:
        counts[finger] = _count(values.get(finger, ""), f"{finger} fingers")
    if sum(counts.values()) == 0:
        raise ValueError("nobody voted: enter how many people showed each number of fingers")
    return counts


def read_dots(values: Mapping[str, str], options: Sequence[str]) -> dict[str, int]:
    """Dots per option from typed text, options in their written order; blank is 0."""
    return {option: _count(values.get(option, ""), f'"{option}"') for option in options}


def dot_budget(participants: int, dots_per_person: int) -> int:
    """How many dots the room has to spend."""
    return max(0, participants) * max(0, dots_per_person)


def _count(text: str, what: str) -> int:
    text = text.strip()
    if not text:
        return 0
    if not text.isdigit():
        raise ValueError(f'{what} needs a whole number of 0 or more, not "{text}"')
    return int(text)
