"""A living agreement: promises and actions taken off, carried actions settled, the customer fixed.

Nothing is removed: a dropped promise or action is a new revision that says
so, with the reason, and re-attaching a session to another customer is an
event of its own beside the new name.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from workshop_tui.domain.engine.core import EngineBase, EngineError, _require_text
from workshop_tui.domain.kinds import EventKind, PromiseStatus
from workshop_tui.domain.records import ActionItem, Promise, SessionEvent


class RenegotiationMixin(EngineBase):
    """Take things off the agreement, settle carried actions, re-attach the customer."""

    def drop_promise(self, key: str, reason: str = "") -> Promise:
        """Take a promise off the agreement, with the reason; its history stays."""
        current = self._latest(self.session.promises, key, "promise")
        if current.status is PromiseStatus.DROPPED:
            raise EngineError("that promise is dropped already")
        row = replace(
            current,
            at=self._clock.now(),
            part_id=self.part.id if self.part.activity.kind == "promises" else current.part_id,
            status=PromiseStatus.DROPPED,
            reason=reason.strip(),
            id=None,
        )
        return self._add(row, self.session.promises)

    def complete_action(self, key: str, note: str = "") -> ActionItem:
        """Mark an action done, with a note on how (a carried action settled as done)."""
        return self._settle(key, done=True, dropped=False, note=note)

    def keep_action(self, key: str, note: str = "", due: date | None | bool = False) -> ActionItem:
        """Keep an action open (a carried one: still to do), with a note and a new due date."""
        current = self._latest(self.session.actions, key, "action")
        row = replace(
            current,
            at=self._clock.now(),
            done=False,
            dropped=False,
            due=current.due if due is False else due,  # type: ignore[arg-type]
            reason=note.strip(),
            id=None,
        )
        return self._add(row, self.session.actions)

    def drop_action(self, key: str, reason: str = "") -> ActionItem:
        """Take an action off the list (no longer wanted), with the reason."""
        return self._settle(key, done=False, dropped=True, note=reason)

    def _settle(self, key: str, *, done: bool, dropped: bool, note: str) -> ActionItem:
        current = self._latest(self.session.actions, key, "action")
        if current.done == done and current.dropped == dropped:
            raise EngineError(f"that action is {'dropped' if dropped else 'done'} already")
        row = replace(
            current,
            at=self._clock.now(),
            done=done,
            dropped=dropped,
            reason=note.strip(),
            id=None,
        )
        return self._add(row, self.session.actions)

    def reattach_customer(self, customer: str, reason: str = "") -> SessionEvent:
        """Attach the session to the right customer (a mistyped name), recorded as a correction.

        Allowed on a finished session too: the event is stored, with the name it
        replaces, in the same transaction as the new name.
        """
        _require_text(customer, "the customer's name")
        new = " ".join(customer.split())
        setup = self.session.setup
        if new == setup.customer:
            raise EngineError(f"the session is attached to {new} already")
        event = SessionEvent(
            self.part.id,
            self._clock.now(),
            EventKind.CUSTOMER,
            reason.strip(),
            customer=new,
            customer_was=setup.customer,
        )
        stored = replace(event, id=self._store.correct_customer(self.session.id, event))
        self.session.events.append(stored)
        self.session.setup = replace(setup, customer=new)
        self.session.last_seen_at = stored.at
        return stored
