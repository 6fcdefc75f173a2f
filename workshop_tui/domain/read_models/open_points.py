"""What the session leaves open: the list Finish shows before it closes the session, and the
agreement opens with, so neither hides a held section or a question nobody decided.

Built from the script and the snapshot alone, in the script's order: sections held or not
complete, questions not decided, prepared promises never tabled and promises parked, open
actions, and parts skipped.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from workshop_tui.domain.folding import latest
from workshop_tui.domain.kinds import PromiseStatus
from workshop_tui.domain.phrasing import listed
from workshop_tui.domain.read_models import standing
from workshop_tui.domain.rules.decision_flow import OPEN, decision_status
from workshop_tui.domain.rules.preloaded import begun_in, pending
from workshop_tui.domain.rules.sections import RoleState
from workshop_tui.domain.rules.signoff_state import session_states

if TYPE_CHECKING:
    from workshop_tui.content.model import Script
    from workshop_tui.domain.snapshot import SessionSnapshot


@dataclass(frozen=True, slots=True)
class OpenPoints:
    """Everything not settled, each as a short line of plain text."""

    sections_complete: int
    sections: int
    held: tuple[str, ...] = ()
    """ "Section (Role: why)" for each section a role holds its initial on."""
    incomplete: tuple[str, ...] = ()
    """ "Section (waiting for Role, Role)" for each other section not complete."""
    undecided: tuple[str, ...] = ()
    untabled: tuple[str, ...] = ()
    """ "Party: promise" for each prepared promise never put on the table."""
    parked: tuple[str, ...] = ()
    undecided_promises: tuple[str, ...] = ()
    """ "Party: promise" for each promise tabled and not decided yet."""
    open_actions: tuple[str, ...] = ()
    skipped: tuple[str, ...] = ()

    @property
    def settled(self) -> bool:
        """Nothing is left open (every section complete, every question decided, ...)."""
        return not any(
            (
                self.held,
                self.incomplete,
                self.undecided,
                self.untabled,
                self.parked,
                self.undecided_promises,
                self.open_actions,
                self.skipped,
            )
        )

    def lines(self) -> list[str]:
        """One line per kind of open point, the count of complete sections first."""
        found = []
        if self.sections:
            found.append(f"{self.sections_complete} of {self.sections} sections complete")
        named = (
            ("Held", self.held),
            ("Not complete", self.incomplete),
            ("Not decided", self.undecided),
            ("Promises never tabled", self.untabled),
            ("Promises tabled, not decided", self.undecided_promises),
            ("Parked", self.parked),
            ("Open actions", self.open_actions),
            ("Parts skipped", self.skipped),
        )
        found += [f"{label}: {'; '.join(items)}" for label, items in named if items]
        return found

    def summary(self) -> str:
        """The lines as one sentence: "7 of 23 sections complete; held: …; parked: …"."""
        return "; ".join(self.lines())


def open_points(script: Script, session: SessionSnapshot) -> OpenPoints:
    """What ``session`` (a run of ``script``) leaves open, as it stands now."""
    states = session_states(script, session)
    held, incomplete = [], []
    for state in states:
        progress = state.progress
        if progress.complete:
            continue
        holds = [r for r in progress.roles if r.state is RoleState.HELD]
        if holds:
            why = listed([f"{r.role}: {r.reason}" if r.reason else r.role for r in holds])
            held.append(f"{progress.title} ({why})")
        else:
            incomplete.append(f"{progress.title} (waiting for {listed(progress.missing)})")
    return OpenPoints(
        sections_complete=sum(1 for state in states if state.progress.complete),
        sections=len(states),
        held=tuple(held),
        incomplete=tuple(incomplete),
        undecided=tuple(_undecided(script, session)),
        untabled=tuple(_untabled(script, session)),
        parked=tuple(_promises(session, PromiseStatus.PARKED)),
        undecided_promises=tuple(_promises(session, PromiseStatus.PROPOSED)),
        open_actions=tuple(a.text for a in standing.open_actions(session.actions)),
        skipped=tuple(
            part.name
            for part, timing in zip(script.parts, session.timings, strict=False)
            if timing.skipped
        ),
    )


def _undecided(script: Script, session: SessionSnapshot) -> list[str]:
    """The script's questions and the room's own that have no outcome yet, in script order."""
    current = standing.current_decisions(session.decisions)
    by_question = {_normal(d.question): d for d in current}
    found: list[str] = []
    asked: set[str] = set()
    for part in script.parts:
        if part.activity.kind != "decisions":
            continue
        for question in part.activity.questions:
            asked.add(_normal(question.question))
            if decision_status(by_question.get(_normal(question.question))) == OPEN:
                found.append(question.question)
    found += [
        d.question
        for d in current
        if _normal(d.question) not in asked and decision_status(d) == OPEN
    ]
    return found


def _untabled(script: Script, session: SessionSnapshot) -> list[str]:
    """Each party's prepared promises that no promise of the session has ever worded so."""
    found: list[str] = []
    for part in script.parts:
        activity = part.activity
        if activity.kind != "promises":
            continue
        rows = begun_in(session.promises, part.id)
        for party in activity.parties:
            used = [row.text for row in rows if row.party == party.name]
            templates = [t.text for t in party.promises]
            found += [f"{party.name}: {templates[i]}" for i in pending(templates, used)]
    return found


def _promises(session: SessionSnapshot, status: PromiseStatus) -> list[str]:
    return [
        f"{promise.party}: {promise.text}"
        for promise in latest(session.promises)
        if promise.status is status
    ]


def _normal(text: str) -> str:
    return " ".join(text.split()).casefold()
