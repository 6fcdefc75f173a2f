"""Sign-off sections: each one's wording, where it stands, and who initialled which wording."""

from __future__ import annotations

from datetime import datetime

from workshop_tui.domain.kinds import InitialKind
from workshop_tui.domain.read_models.agreement import Agreement
from workshop_tui.domain.records import SignOff
from workshop_tui.domain.rules.sections import RoleProgress, RoleState, SectionProgress
from workshop_tui.domain.rules.sides import signs_for
from workshop_tui.domain.rules.signoff_state import SectionState
from workshop_tui.domain.rules.wording import Wording, wording_digest
from workshop_tui.domain.snapshot import SessionSetup
from workshop_tui.export import escape
from workshop_tui.export.blocks import Lines, heading, item, table
from workshop_tui.export.document import or_empty
from workshop_tui.export.timefmt import clock

HEADERS = ["Role", "Person", "For", "Initials", "Wording", "Time"]


def quote(wording: Wording) -> Lines:
    """The wording as a block quote: paragraphs, and lists where it presents several things."""
    out: Lines = []
    for block in wording.blocks:
        if out:
            out.append(">")
        out.append(f"> {escape.block(block.text, '> ') or escape.EMPTY}")
        if block.items:
            out.append(">")
            out += [f"> - {escape.block(text, '>   ') or escape.EMPTY}" for text in block.items]
    return out


def verbatim(plain: str) -> Lines:
    """A stored wording as a block quote, line for line (as it was read then)."""
    out: Lines = []
    for paragraph in plain.split("\n\n"):
        if text := escape.block(paragraph, "> "):
            out += [">", f"> {text}"] if out else [f"> {text}"]
    return out or [f"> {escape.EMPTY}"]


def _standing(role: RoleProgress, progress: SectionProgress) -> str:
    """The Wording cell of a role: which version it initialled, or why it has not."""
    latest = role.latest
    reason = escape.cell(role.reason)
    if role.state is RoleState.HELD:
        return f"held: {reason}" if reason else "held"
    if role.state is RoleState.WITHDRAWN:
        return f"withdrawn: {reason}" if reason else "withdrawn"
    if latest is None:
        return "not initialled"
    number = progress.version_of(latest.wording)
    if role.state is RoleState.STALE:
        return f"version {number}, an earlier wording" if number else "an earlier wording"
    return f"version {number}, this wording"


def _row(role: RoleProgress, progress: SectionProgress, setup: SessionSetup) -> list[str]:
    latest = role.latest
    return [
        escape.cell(role.role) or escape.EMPTY,
        escape.cell(latest.person) if latest else "",
        escape.cell(signs_for(setup, latest.person, latest.role)) if latest else "",
        escape.cell(latest.initials) if latest else "",
        _standing(role, progress),
        clock(latest.at) if latest else "",
    ]


def status(state: SectionState) -> str:
    """One sentence: complete for this wording, or what keeps the section open."""
    progress = state.progress
    version = f"version {progress.version_of(progress.wording)}, fingerprint {state.wording.digest}"
    unsettled = ""
    if state.waiting:
        unsettled = f" **Waiting for:** {'; '.join(map(escape.inline, state.waiting))}."
    if progress.complete:
        return f"**Complete:** initialled by every role for this wording ({version}).{unsettled}"
    waiting = [
        f"{or_empty(role.role)} {_waiting(role)}"
        for role in progress.roles
        if role.state is not RoleState.INITIALLED
    ]
    return f"**Incomplete** ({version}): {'; '.join(waiting)}.{unsettled}"


def _waiting(role: RoleProgress) -> str:
    reason = escape.inline(role.reason)
    because = f" ({reason})" if reason else ""
    return {
        RoleState.STALE: "initialled an earlier wording",
        RoleState.HELD: f"holds their initial{because}",
        RoleState.WITHDRAWN: f"withdrew their initial{because}",
    }.get(role.state, "has not initialled")


def _history_line(row: SignOff, progress: SectionProgress, setup: SessionSetup) -> str:
    person = escape.inline(row.person) or "nobody named"
    if side := escape.inline(signs_for(setup, row.person, row.role)):
        person = f"{person}, for {side}"
    who = f"{or_empty(row.role)} ({person})"
    reason = escape.inline(row.reason)
    because = f": {reason}" if reason else ""
    if row.kind is InitialKind.HELD:
        return f"{clock(row.at)} {who} held their initial{because}"
    if row.kind is InitialKind.WITHDRAWN:
        return f"{clock(row.at)} {who} withdrew their initial{because}"
    version = progress.version_of(row.wording)
    again = f", again{because}" if reason else ""
    initials = escape.inline(row.initials) or escape.EMPTY
    return f"{clock(row.at)} {who} initialled version {version} as {initials}{again}"


def _section(state: SectionState, level: int, full: bool, setup: SessionSetup) -> Lines:
    progress = state.progress
    out = ["", heading(level, escape.heading(progress.title)), "", *quote(state.wording)]
    cells = [_row(r, progress, setup) for r in progress.roles]
    headers = HEADERS
    if not any(row[2] for row in cells):  # nobody's side is known: no "For" column
        headers = [h for h in HEADERS if h != "For"]
        cells = [row[:2] + row[3:] for row in cells]
    out += ["", status(state), "", *table(headers, cells)]
    held = {
        r.latest.wording
        for r in progress.roles
        if r.state is RoleState.STALE and r.latest is not None
    }
    for number, text in enumerate(progress.versions, start=1):
        if text == progress.wording or not (full or text in held):
            continue
        out += [
            "",
            f"Version {number} (fingerprint {wording_digest(text)}) read:",
            "",
            *verbatim(text),
        ]
    rows = [row for role in progress.roles for row in role.history]
    if full and len(rows) > len([r for r in progress.roles if r.history]):
        out += ["", "History:", ""]
        for row in sorted(rows, key=_written):
            out += item(_history_line(row, progress, setup))
    return out


def _written(row: SignOff) -> tuple[int, datetime]:
    """Rows in the order they were stored (ids grow), by time for rows never stored."""
    return (row.id or 0, row.at)


def signoffs(agreement: Agreement, *, full: bool = False) -> Lines:
    """Every sign-off section of the script, grouped by part when there are several parts."""
    if not agreement.sections:
        return []
    out = [heading(2, "Sign-off")]
    parts = list(dict.fromkeys(state.part.id for state in agreement.sections))
    grouped = len(parts) > 1
    current = ""
    for state in agreement.sections:
        if grouped and state.part.id != current:
            current = state.part.id
            out += ["", heading(3, escape.heading(state.part.name))]
        out += _section(state, 4 if grouped else 3, full, agreement.setup)
    return out
