"""Where a session stands in its agreement's chain: its version, what changed, what was carried.

The exports and the "Changes since" view read a ``Lineage``: the version
number, the earlier version's agreement to compare with, and the fate of each
action carried over from the customer's last session (done, kept, dropped, or
not looked at yet). It is built from snapshots alone, so a lineage read back
from the store equals the live one.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from workshop_tui.domain.living.changes import AgreementChanges, changes_between
from workshop_tui.domain.living.part_stats import PartFigures
from workshop_tui.domain.read_models import standing
from workshop_tui.domain.read_models.agreement import Agreement, agreement_of
from workshop_tui.domain.records import ActionItem
from workshop_tui.domain.snapshot import SessionSnapshot

if TYPE_CHECKING:
    from workshop_tui.content.model import Script


@dataclass(frozen=True, slots=True)
class EarlierVersion:
    """The version a session renegotiated: its number, session, date and agreement."""

    version: int
    session_id: int
    date: datetime
    agreement: Agreement


@dataclass(frozen=True, slots=True)
class CarriedAction:
    """An action carried over from an earlier session, and what became of it here."""

    carried: ActionItem
    """As it came in (its first revision in this session)."""
    now: ActionItem
    """As it stands."""

    @property
    def fate(self) -> str:
        """done, dropped, kept, or "not reviewed yet"."""
        if self.now.dropped:
            return "dropped"
        if self.now.done:
            return "done"
        if self.now is not self.carried:
            return "kept"
        return "not reviewed yet"


@dataclass(frozen=True, slots=True)
class Lineage:
    """A session's place in the chain of its agreement."""

    version: int
    customer: str
    earlier: EarlierVersion | None = None
    changes: AgreementChanges | None = None
    """What changed since ``earlier`` (None for version 1)."""
    carried: tuple[CarriedAction, ...] = ()
    carried_from: dict[int, datetime] | None = None
    """When each session the actions were carried from took place."""
    part_figures: tuple[PartFigures, ...] = ()
    """Planned against actual per part across the sessions of this script (the notes' table)."""


def lineage_of(
    script: Script,
    session: SessionSnapshot,
    version: int,
    earlier: tuple[Script, SessionSnapshot, int] | None = None,
    carried_dates: dict[int, datetime] | None = None,
    figures: tuple[PartFigures, ...] = (),
) -> Lineage:
    """The lineage of ``session``: ``earlier`` is the session it renegotiates, as run."""
    before: EarlierVersion | None = None
    changes: AgreementChanges | None = None
    if earlier is not None:
        earlier_script, earlier_session, earlier_version = earlier
        earlier_agreement = agreement_of(earlier_script, earlier_session)
        before = EarlierVersion(
            earlier_version,
            earlier_session.id,
            earlier_session.started_at or earlier_session.created_at,
            earlier_agreement,
        )
        changes = changes_between(earlier_agreement, agreement_of(script, session))
    return Lineage(
        version,
        session.setup.customer,
        before,
        changes,
        carried_actions(session),
        carried_dates,
        figures,
    )


def carried_actions(session: SessionSnapshot) -> tuple[CarriedAction, ...]:
    """Each action the session carried over, as it came and as it stands."""
    found: list[CarriedAction] = []
    for history in standing.action_history(session.actions).values():
        if history[0].carried_from is not None:
            found.append(CarriedAction(history[0], history[-1]))
    return tuple(found)
