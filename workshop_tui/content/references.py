"""What a sign-off section presents must exist in its script: a party, a question, a board.

Checked once the whole script is read, so a section may present a party or a question of
any part, before or after it. A wrong name is refused with its line and, when one is
close, the name that was probably meant. The check reads the script's plain data (as a
file holds it, or as a valid script dumps it), so it also runs on a script with other
problems: every problem of a file is named in one run.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterator, Mapping
from typing import Any

FLAGS = ("agility", "cynefin", "actions")
NAMED = ("promises", "decision")


def normal(text: str) -> str:
    """A name or question as compared: case and runs of spaces ignored."""
    return " ".join(text.split()).casefold()


Loc = tuple[str | int, ...]


def unknown_presented(parts: object) -> list[tuple[str, Loc]]:
    """Every presented subject the script's ``parts`` (plain data) do not hold: a message and
    its path, in the order the sections present them."""
    activities = [(p, _mapping(_mapping(part).get("activity"))) for p, part in _items(parts)]
    parties = [
        name
        for _, activity in activities
        if activity.get("kind") == "promises"
        for _, party in _items(activity.get("parties"))
        if isinstance(name := _mapping(party).get("name"), str)
    ]
    questions = [
        text
        for _, activity in activities
        if activity.get("kind") == "decisions"
        for _, question in _items(activity.get("questions"))
        if isinstance(text := _mapping(question).get("question"), str)
    ]
    has_board = any(activity.get("kind") == "cynefin" for _, activity in activities)
    found: list[tuple[str, Loc]] = []
    for p, activity in activities:
        if activity.get("kind") != "signoff":
            continue
        for s, section in _items(activity.get("sections")):
            title = _mapping(section).get("title")
            for i, kind, name in _presented(_mapping(section).get("presents")):
                at: Loc = ("parts", p, "activity", "sections", s, "presents", i, kind)
                problem = _problem(kind, name, parties, questions)
                if kind in ("agility", "cynefin") and not has_board:
                    problem = "the script has no Cynefin part to present"
                if problem:
                    found.append((f'section "{title}": {problem}', at))
    return found


def _presented(presents: object) -> Iterator[tuple[int, str, str]]:
    """Each presented item that names one subject: (position, kind, the name it gives)."""
    for index, item in _items(presents):
        if isinstance(item, str) and item.strip() in FLAGS:
            yield index, item.strip(), ""
            continue
        data = _mapping(item)
        chosen = [key for key in (*NAMED, *FLAGS, "text") if data.get(key)]
        if len(chosen) == 1 and chosen[0] != "text":
            name = data[chosen[0]]
            yield index, chosen[0], name if isinstance(name, str) else ""


def _items(value: object) -> list[tuple[int, Any]]:
    return list(enumerate(value)) if isinstance(value, list) else []


def _mapping(value: object) -> Mapping[str, Any]:
    return value if isinstance(value, Mapping) else {}


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
