"""What both documents share: joining blocks, the header facts, and the people in the room."""

from __future__ import annotations

from collections.abc import Sequence

from workshop_tui.domain.kinds import SessionState
from workshop_tui.domain.read_models.agreement import Agreement
from workshop_tui.domain.snapshot import SessionSnapshot
from workshop_tui.export import escape
from workshop_tui.export.blocks import Lines, heading, table
from workshop_tui.export.timefmt import clock, day

STATE_LABELS = {
    SessionState.SETUP: "Not started",
    SessionState.RUNNING: "Running",
    SessionState.PAUSED: "Paused",
    SessionState.FINISHED: "Finished",
}
UTC_NOTE = "All times are in UTC."


def join(blocks: Sequence[Lines]) -> str:
    """Blocks apart by one blank line, empty ones left out, ending in one newline."""
    return "\n\n".join("\n".join(lines) for lines in blocks if lines) + "\n"


def title(lead: str, customer: str) -> str:
    """ "Lead — Customer" as a heading's text (the customer only when there is one)."""
    text = escape.heading(lead)
    if escape.inline(customer):
        text = f"{text} — {escape.heading(customer)}"
    return text


def facts(agreement: Agreement, session: SessionSnapshot, *, times: bool) -> Lines:
    """The list under the title: date, people, time, status, review date, corrections."""
    out = [f"- **Date:** {day(agreement.started)}"]
    if customer := escape.inline(agreement.customer):
        out.append(f"- **Customer:** {customer}")
    if facilitator := escape.inline(agreement.facilitator):
        out.append(f"- **Facilitator:** {facilitator}")
    if times and session.started_at is not None:
        finished = agreement.first_finished or session.finished_at
        span = clock(session.started_at)
        out.append(
            f"- **Time:** {span}–{clock(finished)}" if finished else f"- **Time:** started {span}"
        )
    out.append(f"- **Status:** {STATE_LABELS[session.state]}")
    if agreement.review_on is not None:
        out.append(f"- **Review date:** {day(agreement.review_on)}")
    if agreement.reopened:
        count = len(agreement.reopened)
        times_word = "once" if count == 1 else f"{count} times"
        last = agreement.reopened[-1].at
        out.append(
            f"- **Reopened to correct it:** {times_word}, last on {day(last)} at {clock(last)}"
        )
    return out


def participants(agreement: Agreement, heading_text: str = "Participants") -> Lines:
    people = agreement.participants
    if not people:
        return []
    rows = [[escape.cell(person.name), escape.cell(person.role)] for person in people]
    return [heading(2, heading_text), "", *table(["Name", "Role"], rows)]


def or_empty(text: str) -> str:
    """Escaped inline text, or the word for nothing."""
    return escape.inline(text) or escape.EMPTY
