"""Negotiating promises: tabled, reworded, then agreed, declined, parked or dropped, with reasons.

Each change of a promise is a new revision; the latest is how it stands.
Nothing is removed: a dropped promise is a revision that says so, with the reason.
"""

from __future__ import annotations

from dataclasses import replace

from workshop_tui.domain.engine.core import EngineError, SessionCore, new_key, require_text
from workshop_tui.domain.kinds import PromiseStatus
from workshop_tui.domain.records import Promise


class Promises:
    """Put promises on the table and record how each one stands."""

    def __init__(self, core: SessionCore) -> None:
        self._core = core

    def add(
        self,
        party: str,
        text: str,
        *,
        status: PromiseStatus = PromiseStatus.PROPOSED,
        owner: str = "",
        note: str = "",
        reason: str = "",
    ) -> Promise:
        """Put a party's promise on the table (the script's description is not its note)."""
        require_text(party, "the party")
        require_text(text, "the promise")
        core = self._core
        row = Promise(
            core.part.id,
            core.clock.now(),
            new_key(),
            party.strip(),
            text.strip(),
            status,
            owner.strip(),
            note.strip(),
            reason=reason.strip(),
        )
        return core.add(row, core.session.promises)

    def table_reworded(self, party: str, prepared: str, text: str, *, reason: str = "") -> Promise:
        """Table a prepared promise in new words, in one step: it is tabled as prepared, then
        reworded, so its history keeps the prepared wording and the reason for the new one.
        It is proposed, not promised: nobody agreed to it yet."""
        require_text(party, "the party")
        require_text(prepared, "the promise")
        require_text(text, "the promise")
        if text.strip() == prepared.strip():
            raise EngineError("the new wording is the same as the prepared one")
        core = self._core
        now = core.clock.now()
        tabled = Promise(core.part.id, now, new_key(), party.strip(), prepared.strip())
        reworded = replace(tabled, text=text.strip(), reason=reason.strip())
        return core.add_all([tabled, reworded], core.session.promises)[-1]

    def amend(self, key: str, text: str, note: str | None = None, *, reason: str = "") -> Promise:
        """Reword a promise, with the reason if one is given; the earlier wording stays."""
        require_text(text, "the promise")
        core = self._core
        current = core.latest(core.session.promises, key, "promise")
        if text.strip() == current.text:
            raise EngineError("the new wording is the same as the current one")
        row = replace(
            current,
            at=core.clock.now(),
            part_id=core.part.id,
            text=text.strip(),
            status=PromiseStatus.AMENDED,
            note=current.note if note is None else note.strip(),
            reason=reason.strip(),
            id=None,
        )
        return core.add(row, core.session.promises)

    def set(
        self,
        key: str,
        *,
        status: PromiseStatus | None = None,
        owner: str | None = None,
        note: str | None = None,
        reason: str | None = None,
    ) -> Promise:
        """Change a promise's status, owner or note, in one revision.

        The reason stays with the status it was given for: a new status without
        a reason clears it, a change of owner or note keeps it.
        """
        core = self._core
        current = core.latest(core.session.promises, key, "promise")
        moved = status is not None and status is not current.status
        if reason is None:
            reason = "" if moved else current.reason
        row = replace(
            current,
            at=core.clock.now(),
            part_id=core.part.id,
            status=current.status if status is None else status,
            owner=current.owner if owner is None else owner.strip(),
            note=current.note if note is None else note.strip(),
            reason=reason.strip(),
            id=None,
        )
        return core.add(row, core.session.promises)

    def agree(self, key: str, note: str | None = None) -> Promise:
        """Mark a promise agreed, with a note in the same step if one is given."""
        return self.set(key, status=PromiseStatus.AGREED, note=note, reason="")

    def decline(self, key: str, reason: str = "") -> Promise:
        """Mark a promise declined, with the reason the room gave."""
        return self.set(key, status=PromiseStatus.DECLINED, reason=reason)

    def park(self, key: str, reason: str = "") -> Promise:
        """Park a promise for later, with the reason it stays open."""
        return self.set(key, status=PromiseStatus.PARKED, reason=reason)

    def drop(self, key: str, reason: str = "") -> Promise:
        """Take a promise off the agreement, with the reason; its history stays."""
        core = self._core
        current = core.latest(core.session.promises, key, "promise")
        if current.status is PromiseStatus.DROPPED:
            raise EngineError("that promise is dropped already")
        part = core.part
        row = replace(
            current,
            at=core.clock.now(),
            part_id=part.id if part.activity.kind == "promises" else current.part_id,
            status=PromiseStatus.DROPPED,
            reason=reason.strip(),
            id=None,
        )
        return core.add(row, core.session.promises)
