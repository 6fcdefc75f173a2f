"""What the room agreed, for the projector's closing screen after the workshop finishes.

Sections initialled and still open, promises agreed and parked (each party's, in
their current wording), actions with their owners and due dates, and the date
the agreement is to be reviewed.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from workshop_tui.domain.read_models import standing
from workshop_tui.domain.read_models.audience import Audience
from workshop_tui.domain.read_models.signoff import signoff_view
from workshop_tui.domain.read_models.terms import party_terms, review_date
from workshop_tui.domain.rules.due_dates import describe_due

if TYPE_CHECKING:
    from workshop_tui.content.model import Script
    from workshop_tui.domain.snapshot import SessionSnapshot


@dataclass(frozen=True, slots=True)
class Agreed:
    """One line of the closing screen: what, and a line about it (whose, by when, why)."""

    text: str
    detail: str = ""
    settled: bool = True
    """Initialled, agreed, done: False for what is still open or parked."""


@dataclass(frozen=True, slots=True)
class ClosingView:
    title: str
    customer: str
    sections: tuple[Agreed, ...]
    promises: tuple[Agreed, ...]
    actions: tuple[Agreed, ...]
    review_on: date | None


def closing_view(script: Script, session: SessionSnapshot, today: date) -> ClosingView:
    """What ``session`` agreed, as the room reads it at the end."""
    sections: list[Agreed] = []
    for part in script.parts:
        if part.activity.kind != "signoff":
            continue
        for section in signoff_view(script, part, session, audience=Audience.ROOM).sections:
            waiting = [line.role for line in section.roles if not line.signed]
            detail = "initialled" if section.complete else "waiting for " + ", ".join(waiting)
            sections.append(Agreed(section.title, detail, section.complete))
    promises: list[Agreed] = []
    for terms in party_terms(script, session.promises):
        promises += [Agreed(p.text, f"{terms.party} · agreed") for p in terms.promised]
        parked = [p for p in terms.open if p.status.value == "parked"]
        promises += [Agreed(p.text, f"{terms.party} · parked", False) for p in parked]
    actions = [
        Agreed(
            action.text,
            " · ".join(
                part
                for part in (
                    f"owner {action.owner}" if action.owner else "no owner yet",
                    f"due {describe_due(action.due, today)}" if action.due else "",
                    "done" if action.done else "",
                )
                if part
            ),
            action.done,
        )
        for action in standing.current_actions(session.actions)
        if not action.dropped
    ]
    return ClosingView(
        script.title,
        session.setup.customer,
        tuple(sections),
        tuple(promises),
        tuple(actions),
        review_date(session.events),
    )
