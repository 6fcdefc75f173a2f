"""The end of the session notes: corrections, and the intended outcomes beside what came out."""

from __future__ import annotations

from workshop_tui.content.model import Script
from workshop_tui.domain.read_models.agreement import Agreement
from workshop_tui.export import escape
from workshop_tui.export.blocks import Lines, heading, item
from workshop_tui.export.timefmt import clock, day


def came_out(agreement: Agreement) -> list[str]:
    """What the session produced, counted (already plain text, nothing to escape)."""
    found = []
    promised = sum(len(p.promised) for p in agreement.parties)
    still_open = sum(len(p.open) for p in agreement.parties)
    declined = sum(len(p.declined) for p in agreement.parties)
    if promised or still_open or declined:
        found.append(f"Promises: {promised} promised, {still_open} still open, {declined} declined")
    if agreement.agility is not None:
        found.append(
            "Level of agility: agreed"
            if agreement.agility.chosen
            else "Level of agility: not decided"
        )
    if agreement.decisions or agreement.undecided:
        recorded, undecided = len(agreement.decisions), len(agreement.undecided)
        found.append(f"Decisions: {recorded} recorded, {undecided} not decided")
    if agreement.sections:
        complete = len(agreement.sections) - len(agreement.incomplete)
        found.append(f"Sign-off: {complete} of {len(agreement.sections)} sections complete")
    if agreement.actions:
        owned = sum(1 for a in agreement.actions if a.owner and a.due)
        found.append(f"Actions: {len(agreement.actions)}, {owned} with an owner and a due date")
    if agreement.review_on is not None:
        found.append(f"Review date: {day(agreement.review_on)}")
    return found


def intended_outcomes(script: Script, agreement: Agreement) -> Lines:
    """The script's takeaways, labelled as its intentions, next to what actually came out."""
    found = came_out(agreement)
    if not script.takeaways and not found:
        return []
    out = [heading(2, "Intended outcomes and what came out")]
    if script.takeaways:
        out += ["", "What the script sets out to produce (its wording):", ""]
        for takeaway in script.takeaways:
            out += item(escape.block(takeaway, "  ") or escape.EMPTY)
    out += ["", "What this session produced:", ""]
    for line in found or ["Nothing recorded yet"]:
        out += item(line)
    return out


def corrections(agreement: Agreement) -> Lines:
    """Each time the finished session was reopened, when and why."""
    if not agreement.reopened:
        return []
    out = [heading(2, "Corrections after the session"), ""]
    for event in agreement.reopened:
        finished = ""
        if event.reopened_finish is not None:
            finished = f" (it had finished at {clock(event.reopened_finish)})"
        reason = escape.block(event.reason, "  ") or escape.EMPTY
        out += item(f"Reopened on {day(event.at)} at {clock(event.at)}{finished}: {reason}")
    return out
