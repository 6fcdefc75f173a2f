"""What the sign-off's dialogs say of a section: its wording as shown, what it waits for, and
why nothing can be withdrawn or done again."""

from __future__ import annotations

from workshop_tui.domain.phrasing import listed
from workshop_tui.domain.read_models.signoff import SectionView
from workshop_tui.domain.rules.sections import RoleState


def nothing_to(section: SectionView, verb: str) -> str:
    """Why no initial can be withdrawn or done again: none was given, or each was taken back."""
    states = {RoleState.WITHDRAWN: "withdrew theirs", RoleState.HELD: "holds it"}
    said = [
        f"{role.role} {states[role.state]}"
        for role in section.progress.roles
        if role.state in states
    ]
    if said:
        return (
            f'No initial stands on "{section.title}" to {verb}: {listed(said)}. '
            "i records a new initial."
        )
    return f'Nobody has initialled "{section.title}" yet: nothing to {verb}.'


def unsettled(section: SectionView) -> str:
    """What the section waits for, as a dialog's first paragraph (nothing when settled)."""
    if not section.waiting:
        return ""
    return f"⚠ It reads as not settled: waiting for {listed(list(section.waiting))}.\n\n"


def as_shown(section: SectionView) -> str:
    """What a dialog says of the wording: the board shows it, by version and fingerprint."""
    version = max(1, section.version)
    return f"The section as the board shows it (wording {version} · fingerprint {section.digest})."
