"""Notes: captured on the current part, corrected or taken back by new revisions."""

from __future__ import annotations

from dataclasses import replace

from workshop_tui.domain.engine.core import EngineError, SessionCore, new_key, require_text
from workshop_tui.domain.records import Note


class Notes:
    """Capture notes; a correction or a retraction is a new revision, the history stays."""

    def __init__(self, core: SessionCore) -> None:
        self._core = core

    def add(self, text: str, private: bool = False) -> Note:
        """Capture a note on the current part; a ``private`` one is the facilitator's own
        (never on the room view, never in the agreement; marked private in the notes)."""
        require_text(text, "the note")
        core = self._core
        note = Note(core.part.id, core.clock.now(), text.strip(), key=new_key(), private=private)
        return core.add(note, core.session.notes)

    def edit(self, key: str, text: str, reason: str = "") -> Note:
        """Correct a note's wording; the earlier wording stays in its history."""
        require_text(text, "the note")
        core = self._core
        current = core.latest(core.session.notes, key, "note")
        if current.retracted:
            raise EngineError("that note was retracted; write a new one instead")
        if text.strip() == current.text:
            raise EngineError("the corrected note is the same as the current one")
        row = replace(
            current, at=core.clock.now(), text=text.strip(), reason=reason.strip(), id=None
        )
        return core.add(row, core.session.notes)

    def retract(self, key: str, reason: str = "") -> Note:
        """Take a note back: it leaves the notes, and its history says when and why."""
        core = self._core
        current = core.latest(core.session.notes, key, "note")
        if current.retracted:
            raise EngineError("that note is retracted already")
        row = replace(current, at=core.clock.now(), retracted=True, reason=reason.strip(), id=None)
        return core.add(row, core.session.notes)
