"""The commands on living agreements: review dates, the customer, what is due, history, stats.

Every table is aligned and printable; a session that cannot be found or written is one
sentence and exit status 2 (``StoreError``, reported by the parser).
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence

from workshop_tui.app.living import lineage_for
from workshop_tui.cli.output import USER_ERROR, error, print_table, say
from workshop_tui.cli.stored import no_sessions_yet, store_of, today
from workshop_tui.domain.clock import SystemClock
from workshop_tui.domain.engine import EngineError, SessionEngine
from workshop_tui.domain.kinds import EventKind
from workshop_tui.domain.living import chain
from workshop_tui.domain.living.customers import customer_key
from workshop_tui.domain.living.part_stats import part_figures
from workshop_tui.domain.read_models import standing
from workshop_tui.domain.rules.due_dates import is_overdue, parse_due
from workshop_tui.domain.snapshot import SessionSummary
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
    """``workshop due``: agreements due or overdue for review, and open actions past due."""
    if no_sessions_yet(args):
        return 0
    on = today()
    with store_of(args) as store:
        summaries = store.list_sessions()
        due = chain.reviews_due(summaries, on)
        late = []
        for summary in _latest_per_customer(summaries):
            _, session = store.load_session(summary.id)
            for action in standing.open_actions(session.actions):
                if is_overdue(action.due, on):
                    late.append((summary, action))
    if not due and not late:
        print("Nothing is due: no review within two weeks, no open action past its date.")
        return 0
    if due:
        print("Agreements to review:")
        print_table(
            ("SESSION", "CUSTOMER", "SCRIPT", "VERSION", "REVIEW ON", "STATE"),
            [
                (
                    str(r.summary.id),
                    r.summary.customer,
                    r.summary.script_id,
                    str(r.version),
                    r.summary.review_on.isoformat() if r.summary.review_on else "",
                    str(r.state),
                )
                for r in due
            ],
        )
    if late:
        if due:
            print()
        print("Open actions past due:")
        print_table(
            ("SESSION", "CUSTOMER", "ACTION", "OWNER", "DUE"),
            [
                (str(s.id), s.customer, a.text, a.owner, a.due.isoformat() if a.due else "")
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
    """``workshop history CUSTOMER``: every session, its version, what changed, open actions."""
    if no_sessions_yet(args):
        return 0
    with store_of(args) as store:
        summaries = store.list_sessions()
        found = chain.of_customer(summaries, args.customer)
        if not found:
            say(f'No sessions with "{args.customer.strip()}".')
            return 0
        numbers = chain.versions(summaries)
        states = chain.reviews(summaries, today())
        rows = []
        notes: list[str] = []
        for summary in found:
            script, session = store.load_session(summary.id)
            lineage = lineage_for(store, script, session, summaries)
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
    say(f"History of {found[-1].customer}:")
    print_table(
        ("ID", "DATE", "SCRIPT", "VERSION", "STATE", "CHANGED", "OPEN ACTIONS", "REVIEW"), rows
    )
    for note in notes:
        say(note)
    return 0


def cmd_stats(args: argparse.Namespace) -> int:
    """``workshop stats [SCRIPT]``: per part, planned, allowed and actual across sessions."""
    if no_sessions_yet(args):
        return 0
    with store_of(args) as store:
        summaries = [s for s in store.list_sessions() if args.script in (None, s.script_id)]
        runs = [store.load_session(s.id) for s in reversed(summaries)]
    figures = part_figures(runs)
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


def _day(summary: SessionSummary) -> str:
    return (summary.started_at or summary.created_at).astimezone().strftime("%Y-%m-%d")
