"""A calendar file (``.ics``) of a session's review date and its open actions' due dates.

One all-day event for the agreement's review, one per open action with a due
date. Each event's UID is derived from the session and the action's key, so
importing a later export updates the events instead of adding new ones, and
its SEQUENCE grows with the session's revisions. The library escapes commas,
semicolons and line breaks; control characters are shown as escapes first.
The output depends only on the session, never on the current time.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING

from icalendar import Calendar, Event

from workshop_tui.domain.read_models import standing
from workshop_tui.domain.read_models.terms import review_date
from workshop_tui.printable import printable

if TYPE_CHECKING:
    from workshop_tui.content.model import Script
    from workshop_tui.domain.snapshot import SessionSnapshot

PRODUCT = "-//workshop-tui//living agreements//EN"
DOMAIN = "workshop-tui"


def calendar_events(script: Script, session: SessionSnapshot) -> Calendar:
    """The review date and the open actions' due dates of ``session`` as a calendar."""
    calendar = Calendar()
    calendar.add("prodid", PRODUCT)
    calendar.add("version", "2.0")
    customer = session.setup.customer
    stamp = session.last_seen_at
    sequence = len(session.events) + len(session.actions)
    review = review_date(session.events)
    if review is not None:
        calendar.add_component(
            _event(
                f"session-{session.id}-review@{DOMAIN}",
                review,
                f"Review the agreement with {customer}",
                f"{script.title}: review the agreement reached in session {session.id}.",
                stamp,
                sequence,
            )
        )
    for action in standing.open_actions(session.actions):
        if action.due is None:
            continue
        owner = f" ({action.owner})" if action.owner else ""
        calendar.add_component(
            _event(
                f"session-{session.id}-action-{action.key}@{DOMAIN}",
                action.due,
                f"Due: {action.text}{owner}",
                f"An action agreed with {customer} in session {session.id} ({script.title}).",
                stamp,
                sequence,
            )
        )
    return calendar


def render_calendar(script: Script, session: SessionSnapshot) -> str:
    """The calendar as the text of an ``.ics`` file (CRLF line ends, as RFC 5545 asks)."""
    return calendar_events(script, session).to_ical().decode("utf-8")


def _event(
    uid: str, on: date, summary: str, description: str, stamp: datetime, sequence: int
) -> Event:
    event = Event()
    event.add("uid", uid)
    event.add("dtstamp", stamp)
    event.add("dtstart", on)
    event.add("dtend", on + timedelta(days=1))
    event.add("summary", _safe(summary))
    event.add("description", _safe(description))
    event.add("sequence", sequence)
    event.add("transp", "TRANSPARENT")
    return event


def _safe(text: str) -> str:
    """One line of printable text: line breaks become spaces, controls are shown as escapes."""
    return printable(" ".join(text.split()))
