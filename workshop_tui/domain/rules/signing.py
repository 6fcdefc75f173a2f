"""Small rules of the sign-off: who is likely to initial, their initials, what comes next."""

from __future__ import annotations

from collections.abc import Sequence

from workshop_tui.domain.phrasing import listed, verb_for
from workshop_tui.domain.records import Participant
from workshop_tui.domain.rules.sections import RoleState, SectionProgress


def initials_of(name: str) -> str:
    """The capitals of a name ("Ana María López" -> "AML"); first letters if it has none."""
    capitals = "".join(char for char in name if char.isupper())
    if capitals:
        return capitals
    return "".join(word[0] for word in name.split() if word[0].isalpha()).upper()


def people_with_role(participants: Sequence[Participant], role: str) -> list[str]:
    """Names of the people present who play ``role`` (ignoring case and spaces): a delegate
    named for it first (they sign in someone's place), then the others in order."""
    wanted = role.strip().casefold()
    playing = [p for p in participants if p.present and p.role.strip().casefold() == wanted]
    return [p.name for p in sorted(playing, key=lambda p: not p.delegate_for)]


def next_incomplete(progress: Sequence[SectionProgress], after: str) -> str | None:
    """The first incomplete section after ``after``, wrapping round; None when all are done."""
    ids = [section.section_id for section in progress]
    start = ids.index(after) + 1 if after in ids else 0
    for section in [*progress[start:], *progress[:start]]:
        if not section.complete:
            return section.section_id
    return None


def completed_count(progress: Sequence[SectionProgress]) -> int:
    return sum(1 for section in progress if section.complete)


def everyone_present(
    progress: SectionProgress, participants: Sequence[Participant], *, include_held: bool = False
) -> list[tuple[str, str]]:
    """``(role, person)`` for each role still to initial the current wording with someone present.

    The first participant playing a role initials for it. Roles that hold
    their initial are left out unless ``include_held``: a hold is lifted by
    that person, not by the room.
    """
    found: list[tuple[str, str]] = []
    for role in progress.roles:
        if role.state is RoleState.INITIALLED:
            continue
        if role.state is RoleState.HELD and not include_held:
            continue
        people = people_with_role(participants, role.role)
        if people:
            found.append((role.role, people[0]))
    return found


def holding(roles: Sequence[str]) -> str:
    """ "Product Owner holds their initial", "A and B hold their initials"."""
    if len(roles) == 1:
        return f"{roles[0]} holds their initial"
    return f"{listed(roles)} {verb_for(roles, 'holds', 'hold')} their initials"
