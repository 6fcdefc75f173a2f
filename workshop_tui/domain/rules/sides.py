"""Who is on which side: the customer's organisation or the supplier's, and whom a delegate
signs for, as the sign-off and both exports say it."""

from __future__ import annotations

from collections.abc import Sequence

from workshop_tui.domain.kinds import Side
from workshop_tui.domain.records import Participant
from workshop_tui.domain.snapshot import SessionSetup

SIDE_WORDS = {Side.CUSTOMER: "the customer", Side.SUPPLIER: "the supplier"}
"""A side, when its organisation has no name."""


def organisation(setup: SessionSetup, side: Side) -> str:
    """The name of a side's organisation ("Acme Health"), or "the customer" when unnamed."""
    if side is Side.CUSTOMER:
        return setup.customer.strip() or SIDE_WORDS[side]
    if side is Side.SUPPLIER:
        return setup.supplier.strip() or SIDE_WORDS[side]
    return ""


def person_named(participants: Sequence[Participant], name: str) -> Participant | None:
    """The participant of that name (the latest listed, if it was listed twice)."""
    wanted = " ".join(name.split()).casefold()
    found = [p for p in participants if " ".join(p.name.split()).casefold() == wanted]
    return found[-1] if found else None


def signs_for(setup: SessionSetup, name: str, role: str = "") -> str:
    """For whom ``name`` signs (as ``role``): "Acme Health", "Acme Health, in place of Bo
    Chen", or "" when the set-up does not say."""
    wanted = role.strip().casefold()
    same_name = [
        p
        for p in setup.participants
        if " ".join(p.name.split()).casefold() == " ".join(name.split()).casefold()
    ]
    person = next((p for p in reversed(same_name) if p.role.strip().casefold() == wanted), None)
    person = person or (same_name[-1] if same_name else None)
    if person is None:
        return ""
    words = [organisation(setup, person.side)] if person.side is not Side.NONE else []
    if person.delegate_for:
        words.append(f"in place of {person.delegate_for}")
    return ", ".join(words)
