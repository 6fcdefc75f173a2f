"""What an undo takes back, in words: "marking “Demo every Sprint” agreed".

Each record kind is described by comparing the revision taken back with the one before
it (of the same key; for initials, of the same section and role), so the facilitator is
told the action, not the row.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from workshop_tui.domain.kinds import InitialKind
from workshop_tui.domain.records import (
    ActionItem,
    Classification,
    Decision,
    Note,
    Promise,
    SignOff,
)

MAX_QUOTED = 48
"""Characters of a quoted text shown in full; longer ones are cut with an ellipsis."""


def quoted(text: str) -> str:
    """A text in quotes, on one line and cut to ``MAX_QUOTED`` characters."""
    line = " ".join(text.split())
    if len(line) > MAX_QUOTED:
        line = line[: MAX_QUOTED - 1].rstrip() + "…"
    return f"“{line}”"


def described(field: str, rows: Sequence[Any], every: Sequence[Any]) -> str:
    """The action that wrote ``rows`` (records of snapshot list ``field``), in words;
    ``every`` is that whole list, to find the revision before."""
    first = rows[0]
    if field == "signoffs":
        return _initials(rows)
    before = _before(first, every)
    if isinstance(first, Note):
        return _note(first, before)
    if isinstance(first, Classification):
        return _placement(first, before)
    if isinstance(first, Promise):
        return _promise(first, before)
    if isinstance(first, Decision):
        return _decision(first, before)
    assert isinstance(first, ActionItem)
    return _action(first, before)


def _before(row: Any, every: Sequence[Any]) -> Any:
    """The revision of the same key written before ``row`` (None for a first revision)."""
    previous = None
    for other in every:
        if other is row or (other.id is not None and other.id == row.id):
            return previous
        if other.key == row.key:
            previous = other
    return previous


def _note(row: Note, before: Note | None) -> str:
    what = "private note" if row.private else "note"
    if before is None:
        return f"the {what} {quoted(row.text)}"
    if row.retracted and not before.retracted:
        return f"retracting the {what} {quoted(row.text)}"
    return f"the correction of the {what} {quoted(before.text)}"


def _placement(row: Classification, before: Classification | None) -> str:
    where = row.domain.label if row.domain is not None else "the tray"
    if before is None:
        if row.domain is None:
            return f"adding {quoted(row.item)} to the board"
        return f"placing {quoted(row.item)} in {where}"
    if before.domain is not row.domain:
        return f"moving {quoted(row.item)} to {where}"
    return f"the reason for {quoted(row.item)} sitting in {where}"


def _promise(row: Promise, before: Promise | None) -> str:
    if before is None:
        return f"tabling {quoted(row.text)} ({row.status.value})"
    if row.text != before.text:
        return f"rewording {quoted(before.text)}"
    if row.status is not before.status:
        return f"marking {quoted(row.text)} {row.status.value}"
    return f"the owner and note of {quoted(row.text)}"


def _decision(row: Decision, before: Decision | None) -> str:
    question = quoted(row.question)
    if before is None:
        if row.outcome:
            return f"the decision on {question}"
        if row.rounds or any(row.votes.values()):
            return f"the vote on {question}"
        return f"raising {question}"
    if len(row.rounds) > len(before.rounds):
        return f"round {len(row.rounds)} of fingers on {question}"
    if row.votes != before.votes:
        return f"the dots on {question}"
    if len(row.objections) > len(before.objections):
        return f"an objection to {question}"
    if row.objections != before.objections:
        return f"resolving an objection to {question}"
    return f"the outcome of {question}"


def _action(row: ActionItem, before: ActionItem | None) -> str:
    text = quoted(row.text)
    if before is None:
        return f"adding the action {text}"
    if row.state is not before.state:
        return f"marking the action {text} {row.state.value}"
    if row.text != before.text or row.owner != before.owner or row.due != before.due:
        return f"the change to the action {text}"
    return f"keeping the action {text} open"


def _initials(rows: Sequence[Any]) -> str:
    first: SignOff = rows[0]
    section = quoted(first.section_title)
    if len(rows) > 1:
        roles = ", ".join(row.role for row in rows)
        return f"the initials of {roles} on {section}"
    if first.kind is InitialKind.HELD:
        return f"{first.role} holding their initial on {section}"
    if first.kind is InitialKind.WITHDRAWN:
        return f"{first.role} withdrawing their initial on {section}"
    return f"the initial of {first.role} ({first.person}) on {section}"
