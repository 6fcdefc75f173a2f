"""Sign-off: initials bound to their wording, holds, withdrawals, and the whole room at once."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from typing import TYPE_CHECKING

from workshop_tui.domain.engine.core import EngineError, SessionCore, require_text
from workshop_tui.domain.kinds import InitialKind
from workshop_tui.domain.records import SignOff
from workshop_tui.domain.rules.sections import RoleState, SectionProgress, role_key
from workshop_tui.domain.rules.signing import (
    everyone_present,
    holding,
    initials_of,
    people_with_role,
)
from workshop_tui.domain.rules.signoff_state import SectionState, part_progress, part_states

if TYPE_CHECKING:
    from workshop_tui.content.model import Part


class Signoff:
    """Record initials for the wording a section reads now, and correct them by new rows.

    Each method works on the current part's sections, or with ``part_id`` on
    those of any sign-off part (to correct a section after moving on).
    """

    def __init__(self, core: SessionCore) -> None:
        self._core = core

    def sign(
        self,
        section_id: str,
        person: str,
        role: str,
        initials: str,
        *,
        reason: str = "",
        part_id: str | None = None,
    ) -> SignOff:
        """Record that ``person`` initialled the section as it reads now, for ``role``."""
        state = self.section_state(section_id, part_id)
        role = self._required_role(state, role)
        require_text(initials, "the initials")
        row = self._row(state, person.strip(), role, initials.strip(), InitialKind.INITIALLED)
        return self._core.add(_with_reason(row, reason), self._core.session.signoffs)

    def sign_for_everyone(
        self, section_id: str, *, part_id: str | None = None, include_held: bool = False
    ) -> list[SignOff]:
        """Initial the section for every role still to initial it, by the people present.

        Each role confirms aloud and the facilitator records them together: one
        transaction, so either every initial is stored or none is. Roles nobody
        present plays are left for later, and so are holds unless ``include_held``.
        """
        state = self.section_state(section_id, part_id)
        progress = state.progress
        section = _title(state)
        if progress.complete:
            raise EngineError(f'"{section}" is initialled by everyone for this wording already')
        people = everyone_present(
            progress, self._core.session.setup.participants, include_held=include_held
        )
        if not people:
            waiting = [r.role for r in progress.roles if r.state is not RoleState.INITIALLED]
            held = [r.role for r in progress.roles if r.state is RoleState.HELD]
            if held and not include_held and len(held) == len(waiting):
                raise EngineError(f'{holding(held)} on "{section}"')
            raise EngineError(
                f"nobody in the room plays {', '.join(waiting)}; add them to the session "
                "or record their initials one by one"
            )
        at = self._core.clock.now()
        rows = [
            self._row(state, person, role, initials_of(person), InitialKind.INITIALLED, at)
            for role, person in people
        ]
        return self._core.add_all(rows, self._core.session.signoffs)

    def redo(
        self,
        section_id: str,
        role: str,
        person: str,
        initials: str,
        reason: str,
        *,
        part_id: str | None = None,
    ) -> SignOff:
        """Record an initial again in place of a wrong one, saying why."""
        require_text(reason, "the reason for doing the initial again")
        state = self.section_state(section_id, part_id)
        self._standing_initial(state, role, "do again")
        return self.sign(section_id, person, role, initials, reason=reason, part_id=part_id)

    def withdraw(
        self, section_id: str, role: str, reason: str, *, part_id: str | None = None
    ) -> SignOff:
        """Take back a role's initial, saying why; the section waits for that role again."""
        require_text(reason, "the reason for withdrawing the initial")
        state = self.section_state(section_id, part_id)
        initial = self._standing_initial(state, role, "withdraw")
        row = self._row(
            state, initial.person, initial.role, initial.initials, InitialKind.WITHDRAWN
        )
        row = replace(row, wording=initial.wording, reason=reason.strip())
        return self._core.add(row, self._core.session.signoffs)

    def hold(
        self,
        section_id: str,
        role: str,
        reason: str,
        *,
        person: str = "",
        part_id: str | None = None,
    ) -> SignOff:
        """Record that a role does not initial the section yet, and why."""
        require_text(reason, "the reason for holding the initial")
        state = self.section_state(section_id, part_id)
        role = self._required_role(state, role)
        if not person.strip():
            present = people_with_role(self._core.session.setup.participants, role)
            person = present[0] if present else ""
        row = self._row(state, person.strip(), role, "", InitialKind.HELD)
        return self._core.add(_with_reason(row, reason), self._core.session.signoffs)

    def progress(self, part: Part | None = None) -> list[SectionProgress]:
        """Which sections of a sign-off part are complete for their current wording."""
        return part_progress(self._core.script, self._core.session, part or self._core.part)

    def section_state(self, section_id: str, part_id: str | None = None) -> SectionState:
        """A section's current wording and progress (of the current part, or of ``part_id``)."""
        part = self._signoff_part(part_id)
        for state in part_states(self._core.script, self._core.session, part):
            if state.progress.section_id == section_id:
                return state
        raise EngineError(f'"{part.name}" has no section "{section_id}"')

    # -- internals ---------------------------------------------------------------------------
    def _signoff_part(self, part_id: str | None) -> Part:
        if part_id is None:
            part = self._core.part
        else:
            try:
                script = self._core.script
                part = script.parts[script.part_index(part_id)]
            except KeyError:
                raise EngineError(f'the script has no part "{part_id}"') from None
        if part.activity.kind != "signoff":
            raise EngineError(f'"{part.name}" has no sections to sign')
        return part

    def _required_role(self, state: SectionState, role: str) -> str:
        progress = state.progress
        wanted = role_key(role)
        for required in progress.required:
            if role_key(required) == wanted:
                return required
        roles = ", ".join(progress.required)
        raise EngineError(f'"{progress.title}" is initialled by {roles}, not {role}')

    def _standing_initial(self, state: SectionState, role: str, what: str) -> SignOff:
        found = state.progress.role(self._required_role(state, role))
        latest = found.latest if found is not None else None
        if latest is None or latest.kind is not InitialKind.INITIALLED:
            raise EngineError(f'{role} has no initial on "{_title(state)}" to {what}')
        return latest

    def _row(
        self,
        state: SectionState,
        person: str,
        role: str,
        initials: str,
        kind: InitialKind,
        at: datetime | None = None,
    ) -> SignOff:
        section = state.section
        return SignOff(
            state.part.id,
            at or self._core.clock.now(),
            section.id,
            section.title,
            person,
            role,
            initials,
            wording=state.wording.plain,
            kind=kind,
        )


def _title(state: SectionState) -> str:
    return state.progress.title


def _with_reason(row: SignOff, reason: str) -> SignOff:
    return replace(row, reason=reason.strip())
