"""Read models of a session: what the screen and the export show, folded from records.

Records are append-only and a key's rows come in the order they were written,
so "latest" means the last row of a key in the given sequence, never the one
with the greatest timestamp (a wall clock can jump back). Every function here
walks its rows once, so folding stays linear in the number of records.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Protocol, TypeVar

from workshop_tui.domain.kinds import CynefinDomain, PromiseStatus
from workshop_tui.domain.records import ActionItem, Classification, Decision, Promise, SignOff
from workshop_tui.domain.snapshot import PartTiming

if TYPE_CHECKING:
    from workshop_tui.content.model import Script


class _Keyed(Protocol):
    @property
    def key(self) -> str: ...


K = TypeVar("K", bound=_Keyed)


def revisions(rows: Iterable[K]) -> dict[str, list[K]]:
    """Every row grouped by key, keys in order of first appearance, rows oldest first."""
    grouped: dict[str, list[K]] = {}
    for row in rows:
        history = grouped.get(row.key)
        if history is None:
            grouped[row.key] = [row]
        else:
            history.append(row)
    return grouped


def latest(rows: Iterable[K]) -> list[K]:
    """The latest row of each key, keys in order of first appearance."""
    current: dict[str, K] = {}
    for row in rows:
        current[row.key] = row  # re-assigning keeps the key's first position
    return list(current.values())


# Cynefin ------------------------------------------------------------------


def current_classifications(rows: Sequence[Classification]) -> list[Classification]:
    """Where each item stands now, items in the order they were first placed."""
    return latest(rows)


def classification_history(rows: Sequence[Classification], key: str) -> list[Classification]:
    """Every placement of the item ``key``, oldest first."""
    return [row for row in rows if row.key == key]


def board(rows: Sequence[Classification]) -> dict[CynefinDomain, list[Classification]]:
    """The current items per domain; every domain is present, possibly empty."""
    columns: dict[CynefinDomain, list[Classification]] = {domain: [] for domain in CynefinDomain}
    for row in current_classifications(rows):
        columns[row.domain].append(row)
    return columns


def earlier_domains(history: Sequence[Classification]) -> list[CynefinDomain]:
    """The domains an item sat in before its current one, oldest first.

    Consecutive revisions in the same domain (a rationale edited) count once.
    """
    runs: list[CynefinDomain] = []
    for row in history:
        if not runs or runs[-1] is not row.domain:
            runs.append(row.domain)
    return runs[:-1]


# Promises -----------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class PromiseThread:
    """One promise: its current revision and every revision, oldest first (current last)."""

    current: Promise
    history: tuple[Promise, ...]

    @property
    def key(self) -> str:
        return self.current.key

    @property
    def party(self) -> str:
        return self.current.party

    @property
    def amendments(self) -> tuple[Promise, ...]:
        """Earlier revisions whose wording differs from the revision after them, oldest first."""
        rows = self.history
        return tuple(rows[i] for i in range(len(rows) - 1) if rows[i].text != rows[i + 1].text)

    @property
    def first_at(self) -> datetime:
        """When the promise was first written down."""
        return self.history[0].at


def promise_threads(rows: Sequence[Promise]) -> list[PromiseThread]:
    """Every promise with its history, in the order promises were first made."""
    return [
        PromiseThread(current=history[-1], history=tuple(history))
        for history in revisions(rows).values()
    ]


def promises_by_party(
    rows: Sequence[Promise], parties: Sequence[str]
) -> dict[str, list[PromiseThread]]:
    """Threads per party (by the current revision's party).

    The given ``parties`` come first and in their order, each present even with
    no promise; parties not named there follow in order of first appearance.
    """
    grouped: dict[str, list[PromiseThread]] = {party: [] for party in parties}
    for thread in promise_threads(rows):
        grouped.setdefault(thread.party, []).append(thread)
    return grouped


def agreed_tally(rows: Sequence[Promise]) -> dict[str, int]:
    """How many promises each party has agreed now; every party seen appears, maybe with 0."""
    tally: dict[str, int] = {}
    for promise in latest(rows):
        agreed = 1 if promise.status is PromiseStatus.AGREED else 0
        tally[promise.party] = tally.get(promise.party, 0) + agreed
    return tally


# Decisions and actions ----------------------------------------------------


def current_decisions(rows: Sequence[Decision]) -> list[Decision]:
    """The latest revision of each decision, in the order questions were first raised."""
    return latest(rows)


def current_actions(rows: Sequence[ActionItem]) -> list[ActionItem]:
    """The latest revision of each action item, in the order they were first written."""
    return latest(rows)


# Sign-off -----------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class SectionProgress:
    """Who has initialled a section, and who still must."""

    section_id: str
    title: str
    required: tuple[str, ...]
    signoffs: tuple[SignOff, ...]
    """The latest sign-off of each role, in order of first signature."""
    missing: tuple[str, ...]
    """Required roles with no sign-off yet, in the order required."""

    @property
    def complete(self) -> bool:
        return not self.missing


def _role_key(role: str) -> str:
    return role.strip().casefold()


def signoff_progress(
    section_roles: Sequence[tuple[str, str, Sequence[str]]], rows: Sequence[SignOff]
) -> list[SectionProgress]:
    """Progress of each ``(section_id, title, roles required)``, in the given order.

    Roles match ignoring case and surrounding spaces; a role that signs twice
    counts once, with its latest sign-off. Rows of unknown sections are ignored.
    """
    by_section: dict[str, dict[str, SignOff]] = {
        section_id: {} for section_id, _, _ in section_roles
    }
    for row in rows:
        signed = by_section.get(row.section_id)
        if signed is not None:
            signed[_role_key(row.role)] = row
    progress: list[SectionProgress] = []
    for section_id, title, roles in section_roles:
        signed = by_section[section_id]
        progress.append(
            SectionProgress(
                section_id=section_id,
                title=title,
                required=tuple(roles),
                signoffs=tuple(signed.values()),
                missing=tuple(role for role in roles if _role_key(role) not in signed),
            )
        )
    return progress


# Timing -------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class PartReport:
    """Planned versus actual time of one part, in whole seconds."""

    part_id: str
    name: str
    planned_seconds: int
    actual_seconds: int
    extra_seconds: int
    overrun_seconds: int
    """Actual time beyond the planned duration, never negative (extensions count as overrun)."""
    skipped: bool
    done: bool
    running: bool = False
    started: bool = False


@dataclass(frozen=True, slots=True)
class TimingTotals:
    """Sums over a timing report; ``overrun_seconds`` is the sum of the parts' overruns."""

    planned_seconds: int
    actual_seconds: int
    extra_seconds: int
    overrun_seconds: int


def timing_report(script: Script, timings: Sequence[PartTiming]) -> list[PartReport]:
    """One report per part of ``script``, in script order.

    Actual time is the part's ``elapsed_seconds``, which the engine brings up
    to date whenever a part stops running. A part still ``running_since`` at
    export time counts only its elapsed seconds so far: the running stretch is
    not added, so the report never depends on the current time. A part with no
    timing is reported as not started; timings of unknown parts are ignored.
    """
    by_part = {timing.part_id: timing for timing in timings}
    reports: list[PartReport] = []
    for part in script.parts:
        timing = by_part.get(part.id)
        if timing is None:
            reports.append(
                PartReport(part.id, part.name, part.duration, 0, 0, 0, skipped=False, done=False)
            )
            continue
        actual = round(timing.elapsed_seconds)
        reports.append(
            PartReport(
                part_id=part.id,
                name=part.name,
                planned_seconds=timing.planned_seconds,
                actual_seconds=actual,
                extra_seconds=timing.extra_seconds,
                overrun_seconds=max(0, actual - timing.planned_seconds),
                skipped=timing.skipped,
                done=timing.done,
                running=timing.running_since is not None,
                started=timing.started_at is not None or actual > 0,
            )
        )
    return reports


def timing_totals(reports: Sequence[PartReport]) -> TimingTotals:
    """Planned, actual, extended and overrun time summed over ``reports``."""
    return TimingTotals(
        planned_seconds=sum(report.planned_seconds for report in reports),
        actual_seconds=sum(report.actual_seconds for report in reports),
        extra_seconds=sum(report.extra_seconds for report in reports),
        overrun_seconds=sum(report.overrun_seconds for report in reports),
    )
