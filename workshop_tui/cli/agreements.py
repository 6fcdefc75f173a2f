"""The commands on living agreements: review dates, the customer, what is due, history, stats.

Every table is aligned and printable; a session that cannot be found or written is one
sentence and exit status 2 (``StoreError``, reported by the parser).
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from datetime import date

from workshop_tui.app.living import lineage_for
from workshop_tui.cli.output import USER_ERROR, error, print_table, say
from workshop_tui.cli.stored import mine, no_sessions_yet, ran, store_of, today
from workshop_tui.content.model import Script
from workshop_tui.domain.clock import SystemClock
from workshop_tui.domain.engine import EngineError, SessionEngine
from workshop_tui.domain.kinds import EventKind
from workshop_tui.domain.living import chain
from workshop_tui.domain.living.customers import customer_key
from workshop_tui.domain.living.part_stats import part_figures
from workshop_tui.domain.read_models import standing
from workshop_tui.domain.rules.due_dates import is_overdue, parse_due
from workshop_tui.domain.snapshot import SessionSnapshot, SessionSummary
from workshop_tui.export.figure_cells import overran_most, part_figure_cells


def cmd_review(args: argparse.Namespace) -> int:
    """``workshop review SESSION WHEN``: set (or with ``none``, clear) the review date."""
    when: str = args.when
    try:
        on = None if when.strip().lower() in ("none", "clear") else parse_due(when, today())
    except ValueError as problem:
        error(str(problem))
        return USER_ERROR
    with store_of(args, readonly=False) as store:
        engine, _ = SessionEngine.reopen(args.session, store, SystemClock())
        try:
            engine.corrections.set_review_date(on, args.reason)
        finally:
            engine.close()
    said = f"on {on.isoformat()}" if on else "with no date"
    say(f"Session {args.session} is to be reviewed {said}.")
    return 0


def cmd_reattach(args: argparse.Namespace) -> int:
    """``workshop reattach SESSION CUSTOMER``: correct a mistyped customer name (recorded)."""
    with store_of(args, readonly=False) as store:
        engine, _ = SessionEngine.reopen(args.session, store, SystemClock())
        try:
            event = engine.corrections.reattach_customer(args.customer, args.reason)
        except EngineError as problem:
            error(str(problem))
            return USER_ERROR
        finally:
            engine.close()
    say(f"Session {args.session} is now with {event.customer} (was {event.customer_was}).")
    return 0


def cmd_due(args: argparse.Namespace) -> int:
    """``workshop due [--mine]``: agreements due or overdue for review, and open actions past
    due, with who facilitated each."""
    if no_sessions_yet(args):
        return 0
    on, name = today(), mine(args)
    with store_of(args) as store:
        summaries = store.list_sessions()
        due = [r for r in chain.reviews_due(summaries, on) if ran(r.summary, name)]
        latest = [s for s in _latest_per_customer(summaries) if ran(s, name)]
        still_open = store.open_actions([s.id for s in latest])
    late = [
        (summary, action)
        for summary in latest
        for action in still_open.get(summary.id, [])
        if is_overdue(action.due, on)
    ]
    if not due and not late:
        say("Nothing is due: no review within two weeks, no open action past its date.")
        return 0
    if due:
        say("Agreements to review:")
        print_table(
            ("SESSION", "CUSTOMER", "SCRIPT", "VERSION", "REVIEW ON", "STATE", "FACILITATOR"),
            [
                (
                    str(r.summary.id),
                    r.summary.customer,
                    r.summary.script_id,
                    str(r.version),
                    r.summary.review_on.isoformat() if r.summary.review_on else "",
                    str(r.state),
                    r.summary.facilitator,
                )
                for r in due
            ],
        )
    if late:
        if due:
            say("")
        say("Open actions past due:")
        print_table(
            ("SESSION", "CUSTOMER", "ACTION", "OWNER", "DUE", "FACILITATOR"),
            [
                (
                    str(s.id),
                    s.customer,
                    a.text,
                    a.owner,
                    a.due.isoformat() if a.due else "",
                    s.facilitator,
                )
                for s, a in late
            ],
        )
    return 0


def _latest_per_customer(summaries: Sequence[SessionSummary]) -> list[SessionSummary]:
    """Each customer's last session: the one whose open actions still stand."""
    latest: dict[str, SessionSummary] = {}
    for summary in sorted(summaries, key=lambda s: (s.created_at, s.id)):
        latest[customer_key(summary.customer)] = summary
    return list(latest.values())


def cmd_history(args: argparse.Namespace) -> int:
    """``workshop history CUSTOMER``: every session, its version, who ran it, what changed."""
    if no_sessions_yet(args):
        return 0
    name = mine(args)
    with store_of(args) as store:
        summaries = store.list_sessions()
        found = [s for s in chain.of_customer(summaries, args.customer) if ran(s, name)]
        if not found:
            say(f'No sessions with "{args.customer.strip()}".')
            return 0
        numbers = chain.versions(summaries)
        states = chain.reviews(summaries, today())
        rows = []
        notes: list[str] = []
        loaded: dict[int, tuple[Script, SessionSnapshot]] = {}
        for summary in found:
            if summary.id not in loaded:
                loaded[summary.id] = store.load_session(summary.id)
            script, session = loaded[summary.id]
            lineage = lineage_for(store, script, session, summaries, loaded=loaded, figures=False)
            changed = lineage.changes.counts() if lineage.changes is not None else "first version"
            open_count = len(standing.open_actions(session.actions))
            review = summary.review_on.isoformat() if summary.review_on else ""
            if states[summary.id]:
                review = f"{review} ({states[summary.id]})"
            rows.append(
                (
                    str(summary.id),
                    _day(summary),
                    summary.script_id,
                    str(numbers[summary.id]),
                    str(summary.state),
                    summary.facilitator,
                    changed,
                    str(open_count),
                    review,
                )
            )
            for event in session.events:
                if event.kind is EventKind.CUSTOMER:
                    because = f" ({event.reason})" if event.reason else ""
                    notes.append(
                        f"Session {summary.id} re-attached from {event.customer_was} "
                        f"to {event.customer} on {event.at.astimezone():%Y-%m-%d}{because}."
                    )
    shown = {s.id for s in found}
    for parent, ends in chain.forks(summaries).items():
        if parent in shown or any(end.id in shown for end in ends):
            listed = " and ".join(
                f"session {e.id} ({e.facilitator or 'nobody named'}, {_day(e)})" for e in ends
            )
            notes.append(
                f"Version {numbers[parent]} (session {parent}) was renegotiated {len(ends)} "
                f"times, offline on separate laptops: {listed}. All are kept; the next "
                "renegotiation asks which one to build on."
            )
    say(f"History of {found[-1].customer}:")
    header = ("ID", "DATE", "SCRIPT", "VERSION", "STATE", "FACILITATOR", "CHANGED")
    print_table((*header, "OPEN ACTIONS", "REVIEW"), rows)
    for note in notes:
        say(note)
    return 0


def cmd_stats(args: argparse.Namespace) -> int:
    """``workshop stats [SCRIPT]``: per part, planned, allowed and actual across sessions."""
    if no_sessions_yet(args):
        return 0
    with store_of(args) as store:
        runs = store.timing_runs(args.script, mine(args))
    figures = part_figures((run.script, run.timings) for run in runs)
    if not figures:
        what = f" of {args.script}" if args.script else ""
        say(f"No finished parts{what} yet: nothing to compare.")
        return 0
    print_table(
        (
            "SCRIPT",
            "PART",
            "RUNS",
            "PLANNED",
            "ALLOWED (MEDIAN)",
            "ACTUAL (MEDIAN)",
            "ACTUAL (WORST)",
            "OVERRUNS",
        ),
        [(f.script_id, f.name, *part_figure_cells(f)) for f in figures],
    )
    names = overran_most(figures)
    if names:
        print()
        say(f"Overrun most (median beyond the time allowed): {names}")
    return 0


def _by(summary: SessionSummary) -> str:
    return f"{summary.facilitator}, " if summary.facilitator else ""


def _date(day: date | None) -> str:
    return day.isoformat() if day else ""


def _day(summary: SessionSummary) -> str:
    return (summary.started_at or summary.created_at).astimezone().strftime("%Y-%m-%d")
