"""Negotiating promises: tabled, reworded, then agreed, declined or parked, each with its reason."""

from __future__ import annotations

from dataclasses import replace

from workshop_tui.domain.engine.core import EngineBase, EngineError, _require_text, new_key
from workshop_tui.domain.kinds import PromiseStatus
from workshop_tui.domain.records import Promise


class PromisesMixin(EngineBase):
    """Each change of a promise is a new revision; the latest is how it stands."""

    def add_promise(
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
        _require_text(party, "the party")
        _require_text(text, "the promise")
        row = Promise(
            self.part.id,
            self._clock.now(),
            new_key(),
            party.strip(),
            text.strip(),
            status,
            owner.strip(),
            note.strip(),
            reason=reason.strip(),
        )
        return self._add(row, self.session.promises)

    def amend_promise(
        self, key: str, text: str, note: str | None = None, *, reason: str = ""
    ) -> Promise:
        """Reword a promise, with the reason if one is given; the earlier wording stays."""
        _require_text(text, "the promise")
        current = self._latest(self.session.promises, key, "promise")
        if text.strip() == current.text:
            raise EngineError("the new wording is the same as the current one")
        row = replace(
            current,
            at=self._clock.now(),
            part_id=self.part.id,
            text=text.strip(),
            status=PromiseStatus.AMENDED,
            note=current.note if note is None else note.strip(),
            reason=reason.strip(),
            id=None,
        )
        return self._add(row, self.session.promises)

    def set_promise(
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
        current = self._latest(self.session.promises, key, "promise")
        moved = status is not None and status is not current.status
        if reason is None:
            reason = "" if moved else current.reason
        row = replace(
            current,
            at=self._clock.now(),
            part_id=self.part.id,
            status=current.status if status is None else status,
            owner=current.owner if owner is None else owner.strip(),
            note=current.note if note is None else note.strip(),
            reason=reason.strip(),
            id=None,
        )
        return self._add(row, self.session.promises)

    def agree_promise(self, key: str, note: str | None = None) -> Promise:
        """Mark a promise agreed, with a note in the same step if one is given."""
        return self.set_promise(key, status=PromiseStatus.AGREED, note=note, reason="")

    def decline_promise(self, key: str, reason: str = "") -> Promise:
        """Mark a promise declined, with the reason the room gave."""
        return self.set_promise(key, status=PromiseStatus.DECLINED, reason=reason)

    def park_promise(self, key: str, reason: str = "") -> Promise:
        """Park a promise for later, with the reason it stays open."""
        return self.set_promise(key, status=PromiseStatus.PARKED, reason=reason)
