"""The roles a script's sign-off needs, and what set-up should say about who plays them.

A role that signs and that nobody plays leaves its sections waiting; a second person given
a role that signs does not initial (the first present does), which set-up says rather than
leave to be found at sign-off.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from workshop_tui.domain.phrasing import listed
from workshop_tui.domain.records import Participant
from workshop_tui.domain.rules.sections import role_key

if TYPE_CHECKING:
    from workshop_tui.content.model import Script


def signing_roles(script: Script) -> list[str]:
    """Every role that initials a section of the script, in the order they first appear."""
    roles: dict[str, str] = {}
    for part in script.parts:
        activity = part.activity
        if activity.kind == "signoff":
            for section in activity.sections:
                for role in activity.roles_for(section):
                    roles.setdefault(role_key(role), role)
    return list(roles.values())


def role_suggestions(script: Script, common: Sequence[str]) -> list[str]:
    """Roles to complete as a role is typed: the script's signing roles first (so "Cust"
    completes to its "Customer sponsor"), then the ``common`` ones."""
    seen: dict[str, str] = {}
    for role in (*signing_roles(script), *common):
        seen.setdefault(role_key(role), role)
    return list(seen.values())


def setup_warnings(script: Script, participants: Sequence[Participant]) -> list[str]:
    """What set-up should say about who signs: roles nobody plays, roles two people play."""
    present = [p for p in participants if p.present and not p.delegate_for]
    warnings = []
    unplayed = [
        role
        for role in signing_roles(script)
        if not any(role_key(p.role) == role_key(role) for p in participants if p.present)
    ]
    if unplayed:
        noun = "role signs" if len(unplayed) == 1 else "roles sign"
        warnings.append(f"Nobody plays {listed(unplayed)} (the {noun} sections).")
    for role in signing_roles(script):
        playing = [p.name for p in present if role_key(p.role) == role_key(role)]
        if len(playing) > 1:
            both = "both" if len(playing) == 2 else "all"
            warnings.append(
                f"{listed(playing)} are {both} {role}: only {playing[0]} initials for it "
                "(name another a delegate, or give them their own role)."
            )
    return warnings


def second_signer(
    script: Script, participants: Sequence[Participant], person: Participant
) -> str | None:
    """Who already initials for ``person``'s role, if it signs and someone else plays it."""
    if person.delegate_for or role_key(person.role) not in {
        role_key(r) for r in signing_roles(script)
    }:
        return None
    for other in participants:
        if (
            other is not person
            and other.present
            and not other.delegate_for
            and role_key(other.role) == role_key(person.role)
        ):
            return other.name
    return None
