"""The versions of an agreement: a numbered chain of sessions, and when each is to be reviewed.

A renegotiation links its new session to the session it renegotiates
(``renegotiates``), and the numbering follows those links: a session that
renegotiates nothing is version 1, and each renegotiation is one more than the
session it came from. A link always points to an earlier session and, online, a
session is renegotiated at most once, so a chain is a line: version 1, 2, 3...
Offline, two laptops may each renegotiate the same version: the chain then forks, both
versions are kept (``forks``), and the next renegotiation asks which to build on.

Links, not names, make the chain: a customer may hold two agreements (two
scripts, or two teams), and a mistyped name must not renumber anything. The
customer's sessions as a whole (``of_customer``) are what ``workshop history``
lists, each with its place in its own chain.

Only the last version of a chain is reviewed: once renegotiated, an earlier
version's review date has been met by the renegotiation.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from workshop_tui.domain.living.customers import customer_key
from workshop_tui.domain.snapshot import SessionSummary

DUE_WINDOW_DAYS = 14
"""A review is *due* from this many days before its date (time to book the room)."""


def versions(summaries: Iterable[SessionSummary]) -> dict[int, int]:
    """Each session's version number in its chain (1 for a session that renegotiates nothing)."""
    numbers: dict[int, int] = {}
    for summary in sorted(summaries, key=lambda s: s.id):  # a link points to an earlier id
        before = summary.renegotiates
        numbers[summary.id] = numbers.get(before, 0) + 1 if before is not None else 1
    return numbers


def successors(summaries: Iterable[SessionSummary]) -> dict[int, int]:
    """Session id to the id of the session that renegotiates it."""
    return {s.renegotiates: s.id for s in summaries if s.renegotiates is not None}


def forks(summaries: Sequence[SessionSummary]) -> dict[int, list[SessionSummary]]:
    """The versions renegotiated more than once (offline, on two laptops), each with the
    sessions that renegotiate it, oldest first."""
    children: dict[int, list[SessionSummary]] = {}
    for summary in sorted(summaries, key=lambda s: s.id):
        if summary.renegotiates is not None:
            children.setdefault(summary.renegotiates, []).append(summary)
    return {parent: found for parent, found in children.items() if len(found) > 1}


def siblings(summaries: Sequence[SessionSummary], session_id: int) -> list[SessionSummary]:
    """The other versions that renegotiate the same version as ``session_id`` and are not
    renegotiated themselves: the other ends of a fork, oldest first."""
    by_id = {s.id: s for s in summaries}
    parent = by_id[session_id].renegotiates if session_id in by_id else None
    if parent is None:
        return []
    later = successors(summaries)
    return [s for s in forks(summaries).get(parent, []) if s.id != session_id and s.id not in later]


def chain_of(summaries: Sequence[SessionSummary], session_id: int) -> list[SessionSummary]:
    """Every version of the agreement ``session_id`` belongs to, version 1 first."""
    by_id = {s.id: s for s in summaries}
    after = successors(summaries)
    if session_id not in by_id:
        return []
    root = by_id[session_id]
    while root.renegotiates is not None and root.renegotiates in by_id:
        root = by_id[root.renegotiates]
    line = [root]
    while line[-1].id in after and after[line[-1].id] in by_id:
        line.append(by_id[after[line[-1].id]])
    return line


def of_customer(summaries: Iterable[SessionSummary], customer: str) -> list[SessionSummary]:
    """The sessions with ``customer`` (however its name was typed), oldest first."""
    wanted = customer_key(customer)
    found = [s for s in summaries if customer_key(s.customer) == wanted]
    return sorted(found, key=lambda s: (s.created_at, s.id))


def last_of_customer(
    summaries: Iterable[SessionSummary], customer: str, *, besides: int | None = None
) -> SessionSummary | None:
    """The latest session with ``customer`` other than ``besides``, if there is one."""
    found = [s for s in of_customer(summaries, customer) if s.id != besides]
    return found[-1] if found else None


class ReviewState(StrEnum):
    """Where an agreement stands against its review date."""

    NONE = ""
    """No review date, or the agreement was renegotiated since."""
    SET = "review set"
    DUE = "review due"
    OVERDUE = "review overdue"


def review_state(
    review_on: date | None, today: date, *, within: int = DUE_WINDOW_DAYS
) -> ReviewState:
    """Overdue once the date has passed, due from ``within`` days before it."""
    if review_on is None:
        return ReviewState.NONE
    if review_on < today:
        return ReviewState.OVERDUE
    if review_on <= today + timedelta(days=within):
        return ReviewState.DUE
    return ReviewState.SET


@dataclass(frozen=True, slots=True)
class ReviewDue:
    """An agreement whose review is due or overdue."""

    summary: SessionSummary
    version: int
    state: ReviewState


def reviews(
    summaries: Sequence[SessionSummary], today: date, *, within: int = DUE_WINDOW_DAYS
) -> dict[int, ReviewState]:
    """The review state of each session (``NONE`` for one renegotiated since)."""
    after = successors(summaries)
    return {
        s.id: ReviewState.NONE if s.id in after else review_state(s.review_on, today, within=within)
        for s in summaries
    }


def reviews_due(
    summaries: Sequence[SessionSummary], today: date, *, within: int = DUE_WINDOW_DAYS
) -> list[ReviewDue]:
    """The agreements due or overdue for review, the earliest review date first."""
    numbers = versions(summaries)
    states = reviews(summaries, today, within=within)
    due = [
        ReviewDue(s, numbers[s.id], states[s.id])
        for s in summaries
        if states[s.id] in (ReviewState.DUE, ReviewState.OVERDUE)
    ]
    return sorted(due, key=lambda r: (r.summary.review_on or today, r.summary.id))
