"""The sign-off board: each section as it reads now, who has initialled it, who still must.

A section's wording is rendered from the session (a party's promises as they
stand, the agreed agility, a decision's outcome, the actions, fixed text), so
the room initials what it reads; an initial given for an earlier wording shows
as such, and the section waits until that role initials again.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from workshop_tui.domain.read_models.audience import Audience
from workshop_tui.domain.read_models.local_time import hhmm
from workshop_tui.domain.rules.sections import RoleProgress, RoleState, SectionProgress
from workshop_tui.domain.rules.sides import signs_for
from workshop_tui.domain.rules.signing import completed_count
from workshop_tui.domain.rules.signoff_state import part_progress, part_states
from workshop_tui.domain.rules.wording import wording_digest

if TYPE_CHECKING:
    from workshop_tui.content.model import Part, Script
    from workshop_tui.domain.snapshot import SessionSetup, SessionSnapshot


@dataclass(frozen=True, slots=True)
class RoleLine:
    """A role the section needs: where it stands, and by whom, when and why."""

    role: str
    initials: str = ""
    person: str = ""
    time: str = ""
    state: RoleState = RoleState.MISSING
    reason: str = ""
    """Why the role holds or withdrew its initial, or why it was done again."""
    version: int = 0
    """The version of the wording the latest initial was given for (1 is the first)."""
    signs_for: str = ""
    """For whom the person initialled: their organisation, and whom a delegate stands for."""

    @property
    def signed(self) -> bool:
        """Whether the role's initial stands for the section's current wording."""
        return self.state is RoleState.INITIALLED


@dataclass(frozen=True, slots=True)
class SectionView:
    section_id: str
    title: str
    text: str
    progress: SectionProgress
    roles: tuple[RoleLine, ...]
    waiting: tuple[str, ...] = ()
    """What the section presents that is not settled yet: initialling it asks first."""

    @property
    def complete(self) -> bool:
        return self.progress.complete

    @property
    def signed_count(self) -> int:
        return len(self.progress.required) - len(self.progress.missing)

    @property
    def digest(self) -> str:
        """The current wording's fingerprint, as the agreement prints it."""
        return wording_digest(self.progress.wording or self.text)

    @property
    def version(self) -> int:
        """The number of the current wording among those initialled (1 is the first)."""
        return self.progress.version_of(self.progress.wording)

    def count(self, state: RoleState) -> int:
        return sum(1 for line in self.roles if line.state is state)


@dataclass(frozen=True, slots=True)
class SignoffView:
    sections: tuple[SectionView, ...]
    audience: Audience = Audience.CONSOLE

    @property
    def complete_count(self) -> int:
        return completed_count([section.progress for section in self.sections])

    def section(self, section_id: str | None) -> SectionView | None:
        return next((s for s in self.sections if s.section_id == section_id), None)


def signoff_progress(script: Script, part: Part, session: SessionSnapshot) -> list[SectionProgress]:
    """Which sections of ``part`` are complete for their current wording, who must initial."""
    return part_progress(script, session, part)


def signoff_view(
    script: Script,
    part: Part,
    session: SessionSnapshot,
    *,
    audience: Audience = Audience.CONSOLE,
) -> SignoffView:
    """Every section of ``part`` in its current wording, with each required role's initials."""
    sections = []
    for state in part_states(script, session, part):
        progress = state.progress
        roles = [_line(role, progress, session.setup) for role in progress.roles]
        sections.append(
            SectionView(
                progress.section_id,
                progress.title,
                progress.wording or state.section.text,
                progress,
                tuple(roles),
                state.waiting,
            )
        )
    return SignoffView(tuple(sections), audience)


def _line(role: RoleProgress, progress: SectionProgress, setup: SessionSetup) -> RoleLine:
    latest = role.latest
    if latest is None:
        return RoleLine(role.role)
    return RoleLine(
        role.role,
        latest.initials,
        latest.person,
        hhmm(latest.at),
        role.state,
        latest.reason,
        progress.version_of(latest.wording),
        signs_for(setup, latest.person, latest.role),
    )
