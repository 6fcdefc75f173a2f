"""Follow-up actions: added, changed, and settled (done, kept open or dropped) by new revisions."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from workshop_tui.domain.engine.core import EngineError, SessionCore, new_key, require_text
from workshop_tui.domain.records import ActionItem


class Actions:
    """Keep the action list, carried actions included; nothing is ever overwritten."""

    def __init__(self, core: SessionCore) -> None:
        self._core = core

    def add(self, text: str, owner: str = "", due: date | None = None) -> ActionItem:
        """Add a follow-up with its owner and due date."""
        require_text(text, "the action")
        core = self._core
        row = ActionItem(
            core.part.id, core.clock.now(), new_key(), text.strip(), owner.strip(), due
        )
        return core.add(row, core.session.actions)

    def update(
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
        core = self._core
        current = core.latest(core.session.actions, key, "action")
        if text is not None:
            require_text(text, "the action")
        row = replace(
            current,
            at=core.clock.now(),
            text=current.text if text is None else text.strip(),
            owner=current.owner if owner is None else owner.strip(),
            due=current.due if due is False else due,  # type: ignore[arg-type]
            done=current.done if done is None else done,
            dropped=current.dropped if dropped is None else dropped,
            reason=reason.strip(),
            id=None,
        )
        return core.add(row, core.session.actions)

    def complete(self, key: str, note: str = "") -> ActionItem:
        """Mark an action done, with a note on how (a carried action settled as done)."""
        return self._settle(key, done=True, dropped=False, note=note)

    def keep(self, key: str, note: str = "", due: date | None | bool = False) -> ActionItem:
        """Keep an action open (a carried one: still to do), with a note and a new due date."""
        core = self._core
        current = core.latest(core.session.actions, key, "action")
        row = replace(
            current,
            at=core.clock.now(),
            done=False,
            dropped=False,
            due=current.due if due is False else due,  # type: ignore[arg-type]
            reason=note.strip(),
            id=None,
        )
        return core.add(row, core.session.actions)

    def drop(self, key: str, reason: str = "") -> ActionItem:
        """Take an action off the list (no longer wanted), with the reason."""
        return self._settle(key, done=False, dropped=True, note=reason)

    def _settle(self, key: str, *, done: bool, dropped: bool, note: str) -> ActionItem:
        core = self._core
        current = core.latest(core.session.actions, key, "action")
        if current.done == done and current.dropped == dropped:
            raise EngineError(f"that action is {'dropped' if dropped else 'done'} already")
        row = replace(
            current,
            at=core.clock.now(),
            done=done,
            dropped=dropped,
            reason=note.strip(),
            id=None,
        )
        return core.add(row, core.session.actions)
