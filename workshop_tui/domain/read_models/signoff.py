"""The sign-off board: each section of the agreement, who has initialled it, who still must."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from workshop_tui.domain.read_models.local_time import hhmm
from workshop_tui.domain.sections import SectionProgress
from workshop_tui.domain.signing import completed_count
from workshop_tui.domain.signoff_state import part_progress, part_states

if TYPE_CHECKING:
    from workshop_tui.content.model import Part, Script
    from workshop_tui.domain.snapshot import SessionSnapshot


@dataclass(frozen=True, slots=True)
class RoleLine:
    """A role the section needs: waiting, or initialled by someone at a time."""

    role: str
    initials: str = ""
    person: str = ""
    time: str = ""

    @property
    def signed(self) -> bool:
        return bool(self.initials or self.person)


@dataclass(frozen=True, slots=True)
class SectionView:
    section_id: str
    title: str
    text: str
    progress: SectionProgress
    roles: tuple[RoleLine, ...]

    @property
    def complete(self) -> bool:
        return self.progress.complete

    @property
    def signed_count(self) -> int:
        return len(self.progress.required) - len(self.progress.missing)


@dataclass(frozen=True, slots=True)
class SignoffView:
    sections: tuple[SectionView, ...]

    @property
    def complete_count(self) -> int:
        return completed_count([section.progress for section in self.sections])

    def section(self, section_id: str | None) -> SectionView | None:
        return next((s for s in self.sections if s.section_id == section_id), None)


def signoff_progress(script: Script, part: Part, session: SessionSnapshot) -> list[SectionProgress]:
    """Which sections of ``part`` are complete for their current wording, who must initial."""
    return part_progress(script, session, part)


def signoff_view(script: Script, part: Part, session: SessionSnapshot) -> SignoffView:
    """Every section of ``part`` in its current wording, with each required role's initials."""
    sections = []
    for state in part_states(script, session, part):
        progress = state.progress
        by_role = {row.role.strip().casefold(): row for row in progress.signoffs}
        roles = []
        for role in progress.required:
            row = by_role.get(role.strip().casefold())
            if row is None:
                roles.append(RoleLine(role))
            else:
                roles.append(RoleLine(role, row.initials, row.person, hhmm(row.at)))
        sections.append(
            SectionView(
                progress.section_id,
                progress.title,
                progress.wording or state.section.text,
                progress,
                tuple(roles),
            )
        )
    return SignoffView(tuple(sections))
