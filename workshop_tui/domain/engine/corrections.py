"""Corrections to the session itself: reopening a finished session, and the review date."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from workshop_tui.domain.engine.core import EngineBase, EngineError, _require_text
from workshop_tui.domain.kinds import EventKind, SessionState
from workshop_tui.domain.read_models.terms import review_date
from workshop_tui.domain.records import SessionEvent


class CorrectionsMixin(EngineBase):
    """A finished session can be opened again to correct it; nothing stored is ever removed."""

    def reopen_to_correct(self, reason: str) -> SessionEvent:
        """Open a finished session again, saying why; it waits, paused, on its last part.

        The reopening is stored as an event of its own (with the time the
        session had finished) before the session's state changes, so a crash
        in between loses nothing: the session is still finished, and says it
        was being reopened.
        """
        _require_text(reason, "the reason for reopening the session")
        if not self.finished:
            raise EngineError("the session is not finished; correct it as it goes")
        event = SessionEvent(
            self.part.id,
            self._clock.now(),
            EventKind.REOPENED,
            reason.strip(),
            reopened_finish=self.session.finished_at,
        )
        stored = replace(event, id=self._store.add_record(self.session.id, event))
        self.session.events.append(stored)
        self._save(SessionState.PAUSED, self.index, {})
        self.session.finished_at = None
        return stored

    def set_review_date(self, on: date | None, reason: str = "") -> SessionEvent:
        """Set the date the agreement is to be reviewed (None: no date any more).

        Any time, a finished session included: the date is about the agreement's
        future, not what the room recorded, and nothing the room initialled reads it.
        """
        event = SessionEvent(
            self.part.id, self._clock.now(), EventKind.REVIEW_DATE, reason.strip(), review_on=on
        )
        stored = replace(event, id=self._store.add_record(self.session.id, event))
        self.session.events.append(stored)
        self.session.last_seen_at = stored.at
        return stored

    @property
    def review_date(self) -> date | None:
        """The agreement's review date, if one is set."""
        return review_date(self.session.events)
