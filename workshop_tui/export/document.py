"""What both documents share: joining blocks, the header facts, and the people in the room."""

from __future__ import annotations

from collections.abc import Sequence

from workshop_tui.domain.kinds import SessionState, Side
from workshop_tui.domain.read_models.agreement import Agreement
from workshop_tui.domain.records import Participant
from workshop_tui.domain.rules.sides import organisation
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
    if supplier := escape.inline(agreement.setup.supplier):
        out.append(f"- **Supplier:** {supplier}")
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
    """Everyone who took part: their role, their side, and who came late, left or signed in
    another's place (a column only when anyone did)."""
    people = agreement.participants
    if not people:
        return []
    setup = agreement.setup
    rows = [
        [
            escape.cell(person.name),
            escape.cell(person.role),
            escape.cell(organisation(setup, person.side)),
            escape.cell(presence(person)),
        ]
        for person in people
    ]
    headers = ["Name", "Role", "Side", "In the room"]
    shown = [0, 1]
    if any(person.side is not Side.NONE for person in people):
        shown.append(2)
    if any(row[3] for row in rows):
        shown.append(3)
    return [
        heading(2, heading_text),
        "",
        *table([headers[i] for i in shown], [[row[i] for i in shown] for row in rows]),
    ]


def presence(person: Participant) -> str:
    """When a person came or went, and whom a delegate signs for ("" for neither)."""
    said = []
    if person.delegate_for:
        said.append(f"signs in place of {person.delegate_for}")
    if person.joined_at is not None:
        said.append(f"joined at {clock(person.joined_at)}")
    if person.left_at is not None:
        said.append(f"left at {clock(person.left_at)}")
    return "; ".join(said)


def or_empty(text: str) -> str:
    """Escaped inline text, or the word for nothing."""
    return escape.inline(text) or escape.EMPTY
