"""Where each sign-off section stands: per required role, initialled for this wording or not.

A role's latest sign-off row decides its state: an initial counts only while
its stored wording is the section's current wording (otherwise it is for an
earlier wording, "stale"); a hold or a withdrawal leaves the role to initial
again. A section is complete when every required role has initialled its
current wording.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum

from workshop_tui.domain.kinds import InitialKind
from workshop_tui.domain.records import SignOff


class RoleState(StrEnum):
    """Where one role stands on one section."""

    INITIALLED = "initialled"
    STALE = "initialled an earlier wording"
    HELD = "held"
    WITHDRAWN = "withdrawn"
    MISSING = "not initialled"


@dataclass(frozen=True, slots=True)
class RoleProgress:
    """One role on one section: its state and every row it wrote there, oldest first."""

    role: str
    state: RoleState
    history: tuple[SignOff, ...] = ()

    @property
    def latest(self) -> SignOff | None:
        return self.history[-1] if self.history else None

    @property
    def reason(self) -> str:
        """Why the role held or withdrew its initial (empty otherwise)."""
        latest = self.latest
        return (
            latest.reason
            if latest is not None and latest.kind is not InitialKind.INITIALLED
            else ""
        )


@dataclass(frozen=True, slots=True)
class SectionProgress:
    """Who has initialled a section's current wording, and who still must."""

    section_id: str
    title: str
    required: tuple[str, ...]
    signoffs: tuple[SignOff, ...]
    """The latest initial of each role that still stands for the current wording,
    in order of first signature (other roles' initials too, if they match it)."""
    missing: tuple[str, ...]
    """Required roles without an initial for the current wording, in the order required."""
    part_id: str = ""
    wording: str = ""
    """The section's current wording, as the room reads and initials it."""
    roles: tuple[RoleProgress, ...] = ()
    """Each required role, in the order required."""
    versions: tuple[str, ...] = ()
    """Every wording initialled, in the order first initialled, then the current one
    if nobody has initialled it yet."""

    @property
    def complete(self) -> bool:
        return not self.missing

    def role(self, role: str) -> RoleProgress | None:
        """The progress of ``role`` (ignoring case and spaces), if it is required."""
        wanted = role_key(role)
        return next((r for r in self.roles if role_key(r.role) == wanted), None)

    @property
    def stale(self) -> tuple[RoleProgress, ...]:
        """Roles whose initial is for an earlier wording."""
        return tuple(r for r in self.roles if r.state is RoleState.STALE)

    def version_of(self, wording: str) -> int:
        """The number of a wording among ``versions`` (1 is the first); 0 if unknown."""
        return self.versions.index(wording) + 1 if wording in self.versions else 0


def role_key(role: str) -> str:
    return role.strip().casefold()


def signoff_progress(
    section_roles: Sequence[tuple[str, str, Sequence[str]]],
    rows: Sequence[SignOff],
    wordings: Mapping[str, str] | None = None,
    part_id: str = "",
) -> list[SectionProgress]:
    """Progress of each ``(section_id, title, roles required)``, in the given order.

    ``rows`` are the sign-offs of one part. Roles match ignoring case and
    surrounding spaces; a role's latest row counts. With ``wordings`` (section
    id to its current wording) an initial counts only for the wording it
    stored; without, every initial counts. Rows of unknown sections are ignored.
    """
    by_section: dict[str, dict[str, list[SignOff]]] = {
        section_id: {} for section_id, _, _ in section_roles
    }
    initialled: dict[str, dict[str, None]] = {section_id: {} for section_id in by_section}
    for row in rows:
        signed = by_section.get(row.section_id)
        if signed is not None:
            signed.setdefault(role_key(row.role), []).append(row)
            if row.kind is InitialKind.INITIALLED and row.wording:
                initialled[row.section_id].setdefault(row.wording, None)
    progress: list[SectionProgress] = []
    for section_id, title, roles in section_roles:
        wording = (wordings or {}).get(section_id)
        histories = by_section[section_id]
        standing = {
            key: history[-1]
            for key, history in histories.items()
            if history[-1].kind is InitialKind.INITIALLED
            and (wording is None or history[-1].wording == wording)
        }
        states = tuple(
            RoleProgress(role, _state(history, wording), tuple(history))
            for role in roles
            for history in [histories.get(role_key(role), [])]
        )
        versions = initialled[section_id]
        if wording:
            versions.setdefault(wording, None)
        progress.append(
            SectionProgress(
                section_id=section_id,
                title=title,
                required=tuple(roles),
                signoffs=tuple(standing.values()),
                missing=tuple(role for role in roles if role_key(role) not in standing),
                part_id=part_id,
                wording=wording or "",
                roles=states,
                versions=tuple(versions),
            )
        )
    return progress


def _state(history: Sequence[SignOff], wording: str | None) -> RoleState:
    if not history:
        return RoleState.MISSING
    latest = history[-1]
    if latest.kind is InitialKind.HELD:
        return RoleState.HELD
    if latest.kind is InitialKind.WITHDRAWN:
        return RoleState.WITHDRAWN
    if wording is not None and latest.wording != wording:
        return RoleState.STALE
    return RoleState.INITIALLED
