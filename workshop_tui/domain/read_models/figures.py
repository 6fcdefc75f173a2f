"""The session's figures, counted in one place: the summary screen and the notes export both
show these lines, so a count can never read one way on screen and another on paper.

Built from the agreement read model and the snapshot alone. Each figure counts things as
they stand now (the latest revision of each record, retracted notes and dropped actions
apart), never rows.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from workshop_tui.domain.kinds import ActionState
from workshop_tui.domain.read_models import standing

if TYPE_CHECKING:
    from workshop_tui.domain.read_models.agreement import Agreement
    from workshop_tui.domain.snapshot import SessionSnapshot


@dataclass(frozen=True, slots=True)
class Figures:
    """What the session produced, counted."""

    promised: tuple[tuple[str, int], ...]
    """Each party with a promise, and how many it promised (agreed or amended)."""
    still_open: int
    declined: int
    agility: str | None
    """ "agreed" or "not decided"; None when the script has no board and nobody decided."""
    decisions: int
    """Questions decided or raised, the agility decision apart (it has its own line)."""
    undecided: int
    """The script's questions nobody has decided."""
    sections_complete: int
    sections: int
    actions: dict[ActionState, int]
    owned: int
    """Actions still standing (open or done) with both an owner and a due date."""
    notes: int
    """Notes as they stand (retracted ones not counted)."""
    review_on: date | None

    @property
    def action_count(self) -> int:
        return sum(self.actions.values())

    def lines(self) -> list[str]:
        """The figures as lines of plain text, in the order both screens show them."""
        found = []
        promised = sum(count for _, count in self.promised)
        if promised or self.still_open or self.declined:
            per_party = ", ".join(f"{party}: {count}" for party, count in self.promised)
            by = f" ({per_party})" if per_party and promised else ""
            found.append(
                f"Promises: {promised} promised{by}, {self.still_open} still open, "
                f"{self.declined} declined"
            )
        if self.agility is not None:
            found.append(f"Level of agility: {self.agility}")
        if self.decisions or self.undecided:
            found.append(f"Decisions: {self.decisions} recorded, {self.undecided} not decided")
        if self.sections:
            found.append(f"Sign-off: {self.sections_complete} of {self.sections} sections complete")
        if self.action_count:
            states = ", ".join(
                f"{self.actions[state]} {state.value}"
                for state in ActionState
                if self.actions[state] or state is ActionState.OPEN
            )
            owned = f"{self.owned} with an owner and a due date"
            found.append(f"Actions: {self.action_count} ({states}), {owned}")
        if self.notes:
            found.append(f"Notes: {self.notes}")
        if self.review_on is not None:
            found.append(f"Review date: {self.review_on.isoformat()}")
        return found


def figures_of(agreement: Agreement, session: SessionSnapshot) -> Figures:
    """Count what ``session`` produced (``agreement`` is its agreement read model)."""
    actions = standing.current_actions(session.actions)
    by_state = {state: 0 for state in ActionState}
    for action in actions:
        by_state[action.state] += 1
    agility = None
    if agreement.agility is not None:
        agility = "agreed" if agreement.agility.chosen else "not decided"
    return Figures(
        promised=tuple((p.party, len(p.promised)) for p in agreement.parties if p.promised),
        still_open=sum(len(p.open) for p in agreement.parties),
        declined=sum(len(p.declined) for p in agreement.parties),
        agility=agility,
        decisions=len(agreement.decisions),
        undecided=len(agreement.undecided),
        sections_complete=len(agreement.sections) - len(agreement.incomplete),
        sections=len(agreement.sections),
        actions=by_state,
        owned=sum(1 for a in agreement.actions if a.owner and a.due),
        notes=len(standing.current_notes(session.notes)),
        review_on=agreement.review_on,
    )
