"""What a sign-off section is waiting for: the things it presents that the room has not settled.

A section that presents a decision nobody took, a level of agility not decided, a Cynefin
board with work still to place, or a party that promises nothing yet reads "Not decided
yet" or "makes no promise yet" where the room expects terms. Initialling it asks first,
and the section says what it waits for, on the board and in the agreement.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from workshop_tui.domain.read_models import standing, terms
from workshop_tui.domain.rules.decision_flow import OPEN, decision_status
from workshop_tui.domain.rules.preloaded import pending

if TYPE_CHECKING:
    from workshop_tui.content.activities import PresentedItem, SignoffSection
    from workshop_tui.content.model import Script
    from workshop_tui.domain.snapshot import SessionSnapshot


def waiting_for(
    script: Script, session: SessionSnapshot, section: SignoffSection
) -> tuple[str, ...]:
    """What ``section`` presents that is not settled yet, one short phrase each, in order."""
    found: list[str] = []
    for item in section.presents:
        found += _unsettled(script, session, item)
    return tuple(dict.fromkeys(found))


def _unsettled(script: Script, session: SessionSnapshot, item: PresentedItem) -> list[str]:
    kind = item.kind
    if kind == "decision":
        term = terms.decision_term(item.decision, session.decisions)
        if decision_status(term.decision) == OPEN:
            return [f"a decision on “{item.decision}”"]
    elif kind == "agility":
        if not terms.agility_term(session).chosen:
            return ["the level of agility"]
    elif kind == "cynefin":
        return _board(script, session)
    elif kind == "promises":
        party = terms.terms_of(script, session.promises, item.promises)
        if not party.promised:
            return [f"a promise by {item.promises}"]
    return []


def _board(script: Script, session: SessionSnapshot) -> list[str]:
    placed = standing.current_classifications(session.classifications)
    if not placed:
        return ["work placed on the Cynefin board"]
    items = [
        text
        for part in script.parts
        if part.activity.kind == "cynefin"
        for text in part.activity.items
    ]
    left = len(pending(items, (row.item for row in placed)))
    if left:
        return [f"{left} item{'s' if left != 1 else ''} still to place on the Cynefin board"]
    return []
