"""The sign-off board: each section of the agreement, who has initialled it, who still must."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from workshop_tui.domain import views
from workshop_tui.domain.read_models.local_time import hhmm
from workshop_tui.domain.signing import completed_count

if TYPE_CHECKING:
    from workshop_tui.content.model import Part
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
    progress: views.SectionProgress
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


def signoff_progress(part: Part, session: SessionSnapshot) -> list[views.SectionProgress]:
    """Which sections of ``part`` are complete, and who is still to initial each."""
    activity = part.activity
    if activity.kind != "signoff":
        return []
    sections = [(s.id, s.title, activity.roles_for(s)) for s in activity.sections]
    rows = [row for row in session.signoffs if row.part_id == part.id]
    return views.signoff_progress(sections, rows)


def signoff_view(part: Part, session: SessionSnapshot) -> SignoffView:
    """Every section of ``part`` with its text and each required role's initials."""
    activity = part.activity
    texts = {s.id: s.text for s in activity.sections} if activity.kind == "signoff" else {}
    sections = []
    for progress in signoff_progress(part, session):
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
                texts.get(progress.section_id, ""),
                progress,
                tuple(roles),
            )
        )
    return SignoffView(tuple(sections))
