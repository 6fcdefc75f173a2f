"""Undo (Ctrl+Z): the last action of the session taken back, as a correction with a history.

Nothing is deleted. An ``UNDONE`` event naming the action's records is stored first; only
then do they leave the session's lists (and join ``taken_back``), so every key stands as
it did before the action, here, on the room view and in the exports alike.
"""

from __future__ import annotations

from dataclasses import replace

from workshop_tui.domain.engine.core import EngineError, SessionCore
from workshop_tui.domain.kinds import EventKind
from workshop_tui.domain.records import SessionEvent
from workshop_tui.domain.undoing import Undoable, last_action, taken_back


class Undo:
    """Take back the last action: a placement, a status, an initial, a note, a vote."""

    def __init__(self, core: SessionCore) -> None:
        self._core = core

    def peek(self) -> Undoable | None:
        """What Ctrl+Z would take back now, if anything."""
        core = self._core
        return last_action(core.session, core.journal)

    def take_back(self) -> tuple[SessionEvent, Undoable]:
        """Take back the last action; the event that says so, and what it took back."""
        core = self._core
        core.require_open()
        action = self.peek()
        if action is None:
            raise EngineError("there is nothing to take back yet")
        session = core.session
        event = SessionEvent(
            core.part.id,
            core.clock.now(),
            EventKind.UNDONE,
            action.description,
            undoes=action.refs,
        )
        stored = replace(event, id=core.store.add_record(session.id, event))
        session.events.append(stored)
        session.last_seen_at = stored.at
        lists = {field: getattr(session, field) for field, _ in action.refs}
        session.taken_back += taken_back({**lists, "events": [stored]})
        return stored, action
