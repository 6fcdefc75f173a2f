"""The sign-off progress of a part, or of a whole session, from the script and the snapshot.

Each section's progress is measured against its current wording (see
``wording``), so a board in a read-only process computes exactly what the
facilitator's screen shows.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from workshop_tui.domain.rules.sections import SectionProgress, signoff_progress
from workshop_tui.domain.rules.unsettled import waiting_for
from workshop_tui.domain.rules.wording import Wording, section_wording
from workshop_tui.domain.snapshot import SessionSnapshot

if TYPE_CHECKING:
    from workshop_tui.content.activities import SignoffSection
    from workshop_tui.content.model import Part, Script


@dataclass(frozen=True, slots=True)
class SectionState:
    """A section of a part, its current wording (as blocks) and where its initials stand."""

    part: Part
    section: SignoffSection
    wording: Wording
    progress: SectionProgress
    waiting: tuple[str, ...] = ()
    """What the section presents that the room has not settled yet (``unsettled``)."""


def part_states(script: Script, session: SessionSnapshot, part: Part) -> list[SectionState]:
    """Every section of a sign-off ``part``, in script order; empty for other parts."""
    activity = part.activity
    if activity.kind != "signoff":
        return []
    wordings = {s.id: section_wording(script, session, s) for s in activity.sections}
    progress = signoff_progress(
        [(s.id, s.title, activity.roles_for(s)) for s in activity.sections],
        [row for row in session.signoffs if row.part_id == part.id],
        {section_id: wording.plain for section_id, wording in wordings.items()},
        part.id,
    )
    sections = {s.id: s for s in activity.sections}
    return [
        SectionState(
            part,
            sections[p.section_id],
            wordings[p.section_id],
            p,
            waiting_for(script, session, sections[p.section_id]),
        )
        for p in progress
    ]


def part_progress(script: Script, session: SessionSnapshot, part: Part) -> list[SectionProgress]:
    """The progress of every section of a sign-off ``part``."""
    return [state.progress for state in part_states(script, session, part)]


def session_states(script: Script, session: SessionSnapshot) -> list[SectionState]:
    """Every section of every sign-off part, in script order."""
    return [state for part in script.parts for state in part_states(script, session, part)]
