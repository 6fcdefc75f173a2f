"""Corrections to the session itself: reopening it, its review date, the customer it is for.

Nothing stored is ever removed: each correction is an event of its own, stored
before the session's state changes.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from workshop_tui.domain.engine.core import EngineError, SessionCore, require_text
from workshop_tui.domain.kinds import EventKind, SessionState
from workshop_tui.domain.read_models.terms import review_date
from workshop_tui.domain.records import SessionEvent


class Corrections:
    """Open a finished session again, set the review date, re-attach the customer."""

    def __init__(self, core: SessionCore) -> None:
        self._core = core

    def reopen(self, reason: str) -> SessionEvent:
        """Open a finished session again to correct it; it waits, paused, on its last part.

        ``reason`` says why. The reopening is stored as an event of its own
        (with the time the session had finished) before the session's state
        changes, so a crash in between loses nothing: the session is still
        finished, and says it was being reopened.
        """
        require_text(reason, "the reason for reopening the session")
        core = self._core
        if not core.finished:
            raise EngineError("the session is not finished; correct it as it goes")
        session = core.session
        event = SessionEvent(
            core.part.id,
            core.clock.now(),
            EventKind.REOPENED,
            reason.strip(),
            reopened_finish=session.finished_at,
        )
        stored = replace(event, id=core.store.add_record(session.id, event))
        session.events.append(stored)
        core.save(SessionState.PAUSED, core.index, {})
        session.finished_at = None
        return stored

    def set_review_date(self, on: date | None, reason: str = "") -> SessionEvent:
        """Set the date the agreement is to be reviewed (None: no date any more).

        Any time, a finished session included: the date is about the agreement's
        future, not what the room recorded, and nothing the room initialled reads it.
        """
        core = self._core
        event = SessionEvent(
            core.part.id, core.clock.now(), EventKind.REVIEW_DATE, reason.strip(), review_on=on
        )
        stored = replace(event, id=core.store.add_record(core.session.id, event))
        core.session.events.append(stored)
        core.session.last_seen_at = stored.at
        return stored

    @property
    def review_date(self) -> date | None:
        """The agreement's review date, if one is set."""
        return review_date(self._core.session.events)

    def reattach_customer(self, customer: str, reason: str = "") -> SessionEvent:
        """Attach the session to the right customer (a mistyped name), recorded as a correction.

        Allowed on a finished session too: the event is stored, with the name it
        replaces, in the same transaction as the new name.
        """
        require_text(customer, "the customer's name")
        core = self._core
        new = " ".join(customer.split())
        setup = core.session.setup
        if new == setup.customer:
            raise EngineError(f"the session is attached to {new} already")
        event = SessionEvent(
            core.part.id,
            core.clock.now(),
            EventKind.CUSTOMER,
            reason.strip(),
            customer=new,
            customer_was=setup.customer,
        )
        stored = replace(event, id=core.store.correct_customer(core.session.id, event))
        core.session.events.append(stored)
        core.session.setup = replace(setup, customer=new)
        core.session.last_seen_at = stored.at
        return stored
