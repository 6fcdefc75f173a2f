"""What a sign-off section presents must exist in its script: a party, a question, a board.

Checked once the whole script is read, so a section may present a party or a
question of any part, before or after it. A wrong name is refused with its line
and, when one is close, the name that was probably meant.
"""

from __future__ import annotations

import difflib
from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from workshop_tui.content.activities import Activity


def normal(text: str) -> str:
    """A name or question as compared: case and runs of spaces ignored."""
    return " ".join(text.split()).casefold()


Loc = tuple[str | int, ...]


def unknown_presented(activities: Sequence[Activity]) -> tuple[str, Loc] | None:
    """The first presented subject the script's parts (their ``activities``, in order) do
    not hold: a message and its path."""
    parties = [
        party.name
        for activity in activities
        if activity.kind == "promises"
        for party in activity.parties
    ]
    questions = [
        question.question
        for activity in activities
        if activity.kind == "decisions"
        for question in activity.questions
    ]
    has_board = any(activity.kind == "cynefin" for activity in activities)
    for p, activity in enumerate(activities):
        if activity.kind != "signoff":
            continue
        for s, section in enumerate(activity.sections):
            for i, item in enumerate(section.presents):
                at = ("parts", p, "activity", "sections", s, "presents", i, item.kind)
                problem = _problem(item.kind, item.promises or item.decision, parties, questions)
                if item.kind in ("agility", "cynefin") and not has_board:
                    problem = "the script has no Cynefin part to present"
                if problem:
                    return f'section "{section.title}": {problem}', at
    return None


def _problem(kind: str, name: str, parties: list[str], questions: list[str]) -> str:
    if kind == "promises":
        return _missing(name, parties, "party", "no promises part has the party")
    if kind == "decision":
        return _missing(name, questions, "question", "no decisions part asks")
    return ""


def _missing(name: str, known: list[str], what: str, lead: str) -> str:
    if normal(name) in {normal(candidate) for candidate in known}:
        return ""
    message = f'{lead} "{name}"'
    close = difflib.get_close_matches(name, known, n=1, cutoff=0.6)
    if close:
        mark = "" if close[0].endswith("?") else "?"
        return f'{message} (did you mean "{close[0]}"{mark})'
    if not known:
        return f"{message} (the script has no {what} to present)"
    if what == "party":
        return f"{message} (parties: {', '.join(known)})"
    return message
