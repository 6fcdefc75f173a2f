"""Renegotiating an agreement: a new session that opens on the last one, and carried actions.

A renegotiation starts from the agreement the earlier session reached (its
*baseline*): each party's promises as they stand (agreed and amended ones as
agreed in their agreed wording, parked ones parked, declined ones declined,
so the script's preloaded wording is never offered again as a new proposal),
the decisions with their outcomes, and the Cynefin board. Each carried record
keeps the key it had, so what changed since is a comparison of two agreements
thread by thread, and says where it came from (``carried_from``). Sign-offs
and notes are never carried: every section is initialled anew.

Open actions are carried from the customer's *last* session (renegotiated or
not): each can then be marked done, kept or dropped in the new session.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from typing import TYPE_CHECKING, TypeVar

from workshop_tui.domain.kinds import PromiseStatus
from workshop_tui.domain.read_models import standing
from workshop_tui.domain.records import ActionItem, Classification, Decision, Promise, Record
from workshop_tui.domain.rules.agility import AGILITY_QUESTION
from workshop_tui.domain.snapshot import SessionSetup, SessionSnapshot

if TYPE_CHECKING:
    from workshop_tui.content.model import Script

C = TypeVar("C", Classification, Promise, Decision, ActionItem)


@dataclass(frozen=True, slots=True)
class Baseline:
    """An earlier version of an agreement: its session, as run, and its number in the chain."""

    script: Script
    session: SessionSnapshot
    version: int

    @property
    def session_id(self) -> int:
        return self.session.id

    @property
    def date(self) -> datetime:
        """When that session took place (started, or created if it never started)."""
        return self.session.started_at or self.session.created_at


@dataclass(frozen=True, slots=True)
class CarryOver:
    """The open actions of the customer's last session, to bring into a new one."""

    session_id: int
    date: datetime
    actions: tuple[ActionItem, ...]


def carry_over(session: SessionSnapshot) -> CarryOver:
    """What a new session with the same customer takes from ``session``: its open actions."""
    return CarryOver(
        session.id,
        session.started_at or session.created_at,
        tuple(standing.open_actions(session.actions)),
    )


def prefilled_setup(baseline: Baseline) -> SessionSetup:
    """The earlier session's customer, facilitator and people (materials are ticked anew)."""
    setup = baseline.session.setup
    return SessionSetup(setup.customer, setup.facilitator, setup.participants)


def opening_records(
    script: Script,
    at: datetime,
    baseline: Baseline | None = None,
    carried: CarryOver | None = None,
) -> list[Record]:
    """The records a new session of ``script`` opens with, all written at ``at``."""
    records: list[Record] = []
    if baseline is not None:
        records += _board(script, baseline, at)
        records += _promises(script, baseline, at)
        records += _decisions(script, baseline, at)
    if carried is not None:
        records += _actions(script, carried, at)
    return records


def _part_for(script: Script, part_id: str, kind: str) -> str | None:
    """``part_id`` if the script has that part with that kind, else its first part of ``kind``."""
    first = None
    for part in script.parts:
        if part.activity.kind != kind:
            continue
        if part.id == part_id:
            return part.id
        first = first or part.id
    return first


def _board(script: Script, baseline: Baseline, at: datetime) -> list[Classification]:
    rows = standing.current_classifications(baseline.session.classifications)
    found: list[Classification] = []
    for row in rows:
        part_id = _part_for(script, row.part_id, "cynefin")
        if part_id is not None:
            found.append(_carried(row, part_id, at, baseline.session_id))
    return found


def _promises(script: Script, baseline: Baseline, at: datetime) -> list[Promise]:
    found: list[Promise] = []
    for thread in standing.promise_threads(baseline.session.promises):
        promise = thread.current
        part_id = _part_for(script, promise.part_id, "promises")
        if part_id is None or promise.status is PromiseStatus.DROPPED:
            continue
        if promise.status is PromiseStatus.AMENDED:  # agreed, in its agreed wording
            promise = replace(promise, status=PromiseStatus.AGREED, reason="")
        elif promise.status is PromiseStatus.AGREED:
            promise = replace(promise, reason="")
        found.append(_carried(promise, part_id, at, baseline.session_id))
    return found


def _decisions(script: Script, baseline: Baseline, at: datetime) -> list[Decision]:
    found: list[Decision] = []
    for decision in standing.current_decisions(baseline.session.decisions):
        kind = "cynefin" if decision.question == AGILITY_QUESTION else "decisions"
        part_id = _part_for(script, decision.part_id, kind)
        if part_id is not None:
            found.append(_carried(decision, part_id, at, baseline.session_id))
    return found


def _actions(script: Script, carried: CarryOver, at: datetime) -> list[ActionItem]:
    found: list[ActionItem] = []
    for action in carried.actions:
        part_id = _part_for(script, action.part_id, "actions") or script.parts[-1].id
        row = replace(action, reason="")
        found.append(_carried(row, part_id, at, carried.session_id))
    return found


def _carried(row: C, part_id: str, at: datetime, session_id: int) -> C:
    return replace(row, part_id=part_id, at=at, id=None, carried_from=session_id)


def carried_keys(rows: Sequence[Promise | Decision | Classification | ActionItem]) -> set[str]:
    """The keys of the threads that were carried into the session, not begun in it."""
    return {row.key for row in rows if row.carried_from is not None}
