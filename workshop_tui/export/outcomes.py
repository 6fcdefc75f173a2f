"""The end of the session notes: corrections, actions taken back, and the intended outcomes
beside what came out."""

from __future__ import annotations

from workshop_tui.content.model import Script
from workshop_tui.domain.kinds import EventKind
from workshop_tui.domain.read_models.agreement import Agreement
from workshop_tui.domain.read_models.figures import figures_of
from workshop_tui.domain.snapshot import SessionSnapshot
from workshop_tui.export import escape
from workshop_tui.export.blocks import Lines, heading, item
from workshop_tui.export.timefmt import clock, day


def intended_outcomes(script: Script, agreement: Agreement, session: SessionSnapshot) -> Lines:
    """The script's takeaways, labelled as its intentions, next to what actually came out
    (the same figures the summary screen shows; a party's name among them is escaped)."""
    found = figures_of(agreement, session).lines()
    if not script.takeaways and not found:
        return []
    out = [heading(2, "Intended outcomes and what came out")]
    if script.takeaways:
        out += ["", "What the script sets out to produce (its wording):", ""]
        for takeaway in script.takeaways:
            out += item(escape.block(takeaway, "  ") or escape.EMPTY)
    out += ["", "What this session produced:", ""]
    for line in found or ["Nothing recorded yet"]:
        out += item(escape.inline(line))
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


def taken_back(session: SessionSnapshot) -> Lines:
    """Each action taken back with Ctrl+Z: when, and what it was (its records stay stored)."""
    undone = [event for event in session.events if event.kind is EventKind.UNDONE]
    if not undone:
        return []
    out = [heading(2, "Taken back"), ""]
    for event in undone:
        out += item(f"{clock(event.at)} took back {escape.inline(event.reason) or escape.EMPTY}")
    return out
