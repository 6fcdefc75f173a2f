"""What changed since the last version, in plain sentences: what the exports and the app show.

Each group (promises, decisions, the board, sections to initial again, the
review date) is a heading and its lines; the texts are plain (the exports
escape them, the app shows them as text).
"""

from __future__ import annotations

from dataclasses import dataclass

from workshop_tui.domain.living.changes import AgreementChanges, PromiseChange, standing
from workshop_tui.domain.living.lineage import Lineage


@dataclass(frozen=True, slots=True)
class ChangeGroup:
    """One kind of change and its lines."""

    title: str
    lines: tuple[str, ...]


def changes_title(lineage: Lineage) -> str:
    """ "Changes since version 1 (2026-12-01)", or "" for a first version."""
    if lineage.earlier is None:
        return ""
    day = lineage.earlier.date.date().isoformat()
    return f"Changes since version {lineage.earlier.version} ({day})"


def version_line(lineage: Lineage) -> str:
    """ "Version 2 of the agreement with Acme (renegotiates version 1 of 2026-11-21)".

    Versions are named by number and date, never by a store's session id: the same
    agreement reads the same from a laptop and from the team store it was pushed to.
    """
    line = f"Version {lineage.version} of the agreement with {lineage.customer}"
    if lineage.earlier is not None:
        day = lineage.earlier.date.date().isoformat()
        line += f" (renegotiates version {lineage.earlier.version} of {day})"
    return line


def change_groups(changes: AgreementChanges) -> list[ChangeGroup]:
    """The changes as groups of sentences, in the order the agreement reads."""
    groups: list[ChangeGroup] = []
    if changes.promises:
        groups.append(ChangeGroup("Promises", tuple(map(promise_line, changes.promises))))
    decided: list[str] = []
    if changes.agility:
        was, now = changes.agility
        decided.append(f"Level of agility: was {was or 'not decided'}, now {now or 'not decided'}")
    for decision in changes.decisions:
        was = decision.before or "not raised"
        now = decision.after or "no longer on the agreement"
        decided.append(f"{decision.question} Was: {was}. Now: {now}")
    if decided:
        groups.append(ChangeGroup("Decisions", tuple(decided)))
    if changes.board:
        groups.append(
            ChangeGroup(
                "Type of work",
                tuple(
                    f"{b.item}: {b.before or 'not on the board'} → {b.after or 'taken off'}"
                    for b in changes.board
                ),
            )
        )
    if changes.sections:
        groups.append(
            ChangeGroup(
                "Sections to initial again (wording changed)",
                tuple(s.title for s in changes.sections),
            )
        )
    if changes.review:
        before, after = changes.review
        groups.append(
            ChangeGroup(
                "Review date",
                (
                    f"was {before.isoformat() if before else 'not set'}, "
                    f"now {after.isoformat() if after else 'not set'}",
                ),
            )
        )
    return groups


def promise_line(change: PromiseChange) -> str:
    """ "Supplier, added: “text”", "…, reworded: “old” → “new”", "…, dropped: …"."""
    party = change.party
    if change.before is None:
        assert change.after is not None
        return f"{party}, added ({standing(change.after)}): “{change.after.text}”"
    if change.dropped:
        reason = f" ({change.after.reason})" if change.after and change.after.reason else ""
        return f"{party}, dropped: “{change.before.text}”{reason}"
    assert change.after is not None
    pieces: list[str] = []
    if change.reworded:
        pieces.append(f"reworded: “{change.before.text}” → “{change.after.text}”")
    else:
        pieces.append(f"“{change.after.text}”")
    if change.restated:
        pieces.append(f"{standing(change.before)} → {standing(change.after)}")
    if change.owner_changed:
        pieces.append(f"owner {change.before.owner or 'nobody'} → {change.after.owner or 'nobody'}")
    return f"{party}, " + "; ".join(pieces)
