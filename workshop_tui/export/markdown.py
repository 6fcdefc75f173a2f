"""A session as GitHub-flavoured Markdown notes.

The output depends only on the script and the snapshot (never on the current
time), so the same session always gives the same bytes. Sections with nothing
recorded are left out. Every piece of user text goes through ``escape``.
Rows are grouped once per kind, so rendering is linear in the number of records.
"""

from __future__ import annotations

from collections.abc import Sequence

from workshop_tui.content.model import (
    PromisesActivity,
    Script,
    SignoffActivity,
)
from workshop_tui.domain import views
from workshop_tui.domain.kinds import CynefinDomain, DecisionMethod
from workshop_tui.domain.records import Classification, Decision, Note
from workshop_tui.domain.snapshot import SessionSnapshot
from workshop_tui.export import escape
from workshop_tui.export.blocks import Lines, heading, item, table
from workshop_tui.export.timefmt import clock, day, duration, overrun

_STATE_LABELS = {
    "setup": "Not started",
    "running": "Running",
    "paused": "Paused",
    "finished": "Finished",
}


def render_markdown(script: Script, session: SessionSnapshot) -> str:
    """The notes of ``session`` (a run of ``script``) as Markdown ending in one newline."""
    blocks: list[Lines] = [
        _header(script, session),
        _participants(session),
        _agenda(script, session),
        _notes(script, session),
        _cynefin(session),
        _promises(script, session),
        _decisions(session),
        _signoffs(script, session),
        _actions(session),
        _takeaways(script),
    ]
    return "\n\n".join("\n".join(lines) for lines in blocks if lines) + "\n"


def _header(script: Script, session: SessionSnapshot) -> Lines:
    setup = session.setup
    title = escape.heading(script.title)
    if customer := escape.inline(setup.customer):
        title = f"{title} — {escape.heading(setup.customer)}"
    facts = [f"- **Date:** {day(session.started_at or session.created_at)}"]
    if customer:
        facts.append(f"- **Customer:** {customer}")
    if facilitator := escape.inline(setup.facilitator):
        facts.append(f"- **Facilitator:** {facilitator}")
    if session.started_at is not None:
        span = clock(session.started_at)
        if session.finished_at is not None:
            span = f"{span}–{clock(session.finished_at)}"
        else:
            span = f"started {span}"
        facts.append(f"- **Time:** {span}")
    facts.append(f"- **Status:** {_STATE_LABELS.get(session.state.value, session.state.value)}")
    return [heading(1, title), "", *facts, "", "All times are in UTC."]


def _participants(session: SessionSnapshot) -> Lines:
    people = session.setup.participants
    if not people:
        return []
    rows = [[escape.cell(person.name), escape.cell(person.role)] for person in people]
    return [heading(2, "Participants"), "", *table(["Name", "Role"], rows)]


def _status(report: views.PartReport) -> str:
    if report.skipped:
        return "Skipped"
    if report.done:
        return "Done"
    if report.running:
        return "Running"
    return "Paused" if report.started else "Not reached"


def _agenda(script: Script, session: SessionSnapshot) -> Lines:
    reports = views.timing_report(script, session.timings)
    totals = views.timing_totals(reports)
    rows = [
        [
            str(number),
            escape.cell(report.name),
            duration(report.planned_seconds),
            overrun(report.extra_seconds),
            duration(report.actual_seconds),
            overrun(report.overrun_seconds),
            _status(report),
        ]
        for number, report in enumerate(reports, start=1)
    ]
    rows.append(
        [
            "",
            "**Total**",
            f"**{duration(totals.planned_seconds)}**",
            overrun(totals.extra_seconds),
            f"**{duration(totals.actual_seconds)}**",
            overrun(totals.overrun_seconds),
            "",
        ]
    )
    headers = ["#", "Part", "Planned", "Extended", "Actual", "Overrun", "Status"]
    return [heading(2, "Agenda"), "", *table(headers, rows, right=(0, 2, 3, 4, 5))]


def _notes(script: Script, session: SessionSnapshot) -> Lines:
    by_part: dict[str, list[Note]] = {}
    for note in session.notes:
        by_part.setdefault(note.part_id, []).append(note)
    if not by_part:
        return []
    out = [heading(2, "Notes")]
    titles = {
        part.id: f"{number}. {escape.heading(part.name)}"
        for number, part in enumerate(script.parts, 1)
    }
    ordered = [part.id for part in script.parts if part.id in by_part]
    ordered += [part_id for part_id in by_part if part_id not in titles]
    for part_id in ordered:
        out += ["", heading(3, titles.get(part_id) or escape.heading(part_id)), ""]
        for note in by_part[part_id]:
            out += item(f"{clock(note.at)} — {escape.block(note.text, '  ') or escape.EMPTY}")
    return out


def _cynefin(session: SessionSnapshot) -> Lines:
    histories = views.revisions(session.classifications)
    if not histories:
        return []
    columns: dict[CynefinDomain, list[Classification]] = {domain: [] for domain in CynefinDomain}
    for history in histories.values():
        columns[history[-1].domain].append(history[-1])
    out = [heading(2, "Cynefin board")]
    for domain, rows in columns.items():
        if not rows:
            continue
        out += ["", heading(3, f"{domain.label} ({len(rows)})"), ""]
        for row in rows:
            first = escape.strong(row.item)
            if rationale := escape.block(row.rationale, "  "):
                first = f"{first} — {rationale}"
            earlier = views.earlier_domains(histories[row.key])
            moved = "Earlier: " + ", ".join(d.label for d in earlier) if earlier else ""
            out += item(first, moved)
    return out


def _party_order(script: Script) -> list[str]:
    parties: dict[str, None] = {}
    for part in script.parts:
        if isinstance(part.activity, PromisesActivity):
            parties.update((party.name, None) for party in part.activity.parties)
    return list(parties)


def _promises(script: Script, session: SessionSnapshot) -> Lines:
    if not session.promises:
        return []
    by_party = views.promises_by_party(session.promises, _party_order(script))
    tally = views.agreed_tally(session.promises)
    out = [heading(2, "Promises")]
    for party, threads in by_party.items():
        if not threads:
            continue
        out += ["", heading(3, escape.heading(party)), ""]
        out += [f"{tally.get(party, 0)} of {len(threads)} agreed.", ""]
        for thread in threads:
            promise = thread.current
            first = f"{escape.strong(promise.text)} — {promise.status.value}"
            if owner := escape.inline(promise.owner):
                first = f"{first}, owner: {owner}"
            note = escape.block(promise.note, "  ")
            out += item(first, f"Note: {note}" if note else "")
            out += [
                f"  - was: {escape.inline(old.text) or escape.EMPTY}" for old in thread.amendments
            ]
    return out


def _fingers(key: str) -> tuple[int, str]:
    return (-int(key), key) if key.isdecimal() else (1, key)


def _fingers_label(key: str) -> str:
    return "1 finger" if key == "1" else f"{escape.inline(key) or escape.EMPTY} fingers"


def _decision_lines(decision: Decision) -> Lines:
    out = [f"- **Method:** {decision.method.label}"]
    if decision.votes:
        ranked = sorted(decision.votes.items(), key=lambda vote: -vote[1])
        votes = ", ".join(
            f"{escape.inline(option) or escape.EMPTY}: {dots}" for option, dots in ranked
        )
        label = "Dots" if decision.method is DecisionMethod.DOT_VOTING else "Votes"
        out.append(f"- **{label}:** {votes}")
    for number, round_ in enumerate(decision.rounds, start=1):
        shown = sorted(round_.items(), key=lambda pair: _fingers(pair[0]))
        counts = ", ".join(f"{_fingers_label(fingers)} ×{people}" for fingers, people in shown)
        out.append(f"- **Round {number}:** {counts or 'no votes'}")
    for objection in decision.objections:
        resolution = escape.block(objection.resolution, "  ")
        out += item(
            f"**Objection:** {escape.block(objection.text, '  ') or escape.EMPTY}",
            f"**Resolution:** {resolution}" if resolution else "Unresolved",
        )
    outcome = escape.block(decision.outcome, "  ")
    verdict = {True: "Agreed", False: "Not agreed", None: ""}[decision.agreed]
    if outcome or verdict:
        out += item(f"**Outcome:** {' — '.join(text for text in (verdict, outcome) if text)}")
    return out


def _decisions(session: SessionSnapshot) -> Lines:
    decisions = views.current_decisions(session.decisions)
    if not decisions:
        return []
    out = [heading(2, "Decisions")]
    for decision in decisions:
        out += ["", heading(3, escape.heading(decision.question)), "", *_decision_lines(decision)]
    return out


def _section_roles(script: Script) -> list[tuple[str, str, Sequence[str]]]:
    return [
        (section.id, section.title, part.activity.roles_for(section))
        for part in script.parts
        if isinstance(part.activity, SignoffActivity)
        for section in part.activity.sections
    ]


def _signoffs(script: Script, session: SessionSnapshot) -> Lines:
    sections = _section_roles(script)
    if not sections or not session.signoffs:
        return []
    out = [heading(2, "Sign-offs")]
    for progress in views.signoff_progress(sections, session.signoffs):
        out += ["", heading(3, escape.heading(progress.title)), ""]
        if progress.complete:
            out.append("Complete.")
        else:
            missing = ", ".join(escape.inline(role) or escape.EMPTY for role in progress.missing)
            out.append(f"Incomplete: missing {missing}.")
        if progress.signoffs:
            rows = [
                [escape.cell(s.role), escape.cell(s.person), escape.cell(s.initials), clock(s.at)]
                for s in progress.signoffs
            ]
            out += ["", *table(["Role", "Person", "Initials", "Time"], rows)]
    return out


def _actions(session: SessionSnapshot) -> Lines:
    actions = views.current_actions(session.actions)
    if not actions:
        return []
    rows = [
        [
            str(number),
            escape.cell(action.text),
            escape.cell(action.owner),
            day(action.due) if action.due else "",
            "Done" if action.done else "Open",
        ]
        for number, action in enumerate(actions, start=1)
    ]
    headers = ["#", "Action", "Owner", "Due", "Status"]
    return [heading(2, "Action items"), "", *table(headers, rows, right=(0,))]


def _takeaways(script: Script) -> Lines:
    if not script.takeaways:
        return []
    out = [heading(2, "Takeaways"), ""]
    for takeaway in script.takeaways:
        out += item(escape.block(takeaway, "  ") or escape.EMPTY)
    return out
