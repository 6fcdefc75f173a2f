"""Notes, the Cynefin board and follow-up actions: written once, corrected by new revisions."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from workshop_tui.domain.engine.core import EngineBase, EngineError, _require_text, new_key
from workshop_tui.domain.kinds import CynefinDomain
from workshop_tui.domain.records import ActionItem, Classification, Note


class RecordsMixin(EngineBase):
    """Capture notes, place work on the board, and keep the action list."""

    # -- notes -----------------------------------------------------------------------------
    def add_note(self, text: str) -> Note:
        """Capture a note on the current part."""
        _require_text(text, "the note")
        note = Note(self.part.id, self._clock.now(), text.strip(), key=new_key())
        return self._add(note, self.session.notes)

    def edit_note(self, key: str, text: str, reason: str = "") -> Note:
        """Correct a note's wording; the earlier wording stays in its history."""
        _require_text(text, "the note")
        current = self._latest(self.session.notes, key, "note")
        if current.retracted:
            raise EngineError("that note was retracted; write a new one instead")
        if text.strip() == current.text:
            raise EngineError("the corrected note is the same as the current one")
        row = replace(
            current, at=self._clock.now(), text=text.strip(), reason=reason.strip(), id=None
        )
        return self._add(row, self.session.notes)

    def retract_note(self, key: str, reason: str = "") -> Note:
        """Take a note back: it leaves the notes, and its history says when and why."""
        current = self._latest(self.session.notes, key, "note")
        if current.retracted:
            raise EngineError("that note is retracted already")
        row = replace(current, at=self._clock.now(), retracted=True, reason=reason.strip(), id=None)
        return self._add(row, self.session.notes)

    # -- the Cynefin board -------------------------------------------------------------------
    def classify(
        self, item: str, domain: CynefinDomain, rationale: str = "", key: str | None = None
    ) -> Classification:
        """Place an item in a Cynefin domain; with ``key``, re-classify it (history is kept)."""
        _require_text(item, "the item")
        carried = self._carried_from(self.session.classifications, key)
        row = Classification(
            self.part.id,
            self._clock.now(),
            key or new_key(),
            item.strip(),
            domain,
            rationale.strip(),
            carried_from=carried,
        )
        return self._add(row, self.session.classifications)

    def move_item(
        self, key: str, domain: CynefinDomain, rationale: str | None = None
    ) -> Classification:
        """Move a classified item to another domain, keeping its wording."""
        current = self._latest(self.session.classifications, key, "item")
        text = current.rationale if rationale is None else rationale
        return self.classify(current.item, domain, text, key=key)

    # -- actions -----------------------------------------------------------------------------
    def add_action(self, text: str, owner: str = "", due: date | None = None) -> ActionItem:
        """Add a follow-up with its owner and due date."""
        _require_text(text, "the action")
        row = ActionItem(
            self.part.id, self._clock.now(), new_key(), text.strip(), owner.strip(), due
        )
        return self._add(row, self.session.actions)

    def update_action(
        self,
        key: str,
        *,
        text: str | None = None,
        owner: str | None = None,
        due: date | None | bool = False,
        done: bool | None = None,
        reason: str = "",
        dropped: bool | None = None,
    ) -> ActionItem:
        """Change an action; ``due=None`` clears the date, the default keeps it.

        Every change is a new revision, with the ``reason`` for it if one is given.
        """
        current = self._latest(self.session.actions, key, "action")
        if text is not None:
            _require_text(text, "the action")
        row = replace(
            current,
            at=self._clock.now(),
            text=current.text if text is None else text.strip(),
            owner=current.owner if owner is None else owner.strip(),
            due=current.due if due is False else due,  # type: ignore[arg-type]
            done=current.done if done is None else done,
            dropped=current.dropped if dropped is None else dropped,
            reason=reason.strip(),
            id=None,
        )
        return self._add(row, self.session.actions)
