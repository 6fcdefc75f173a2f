"""The command-line side of living agreements: renegotiate, review, due, history, stats, calendar.

Every table is aligned and printable; a session that cannot be found or
written is one sentence and exit status 2 (``StoreError``, reported by the CLI).
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from workshop_tui.printable import printable

if TYPE_CHECKING:
    from workshop_tui.domain.snapshot import SessionSummary
    from workshop_tui.storage.repository import SqlSessionStore

USER_ERROR = 2


def print_table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> None:
    """Columns two spaces apart, every cell printable, no trailing spaces."""
    shown = [[printable(cell) for cell in row] for row in [header, *rows]]
    widths = [max(len(row[i]) for row in shown) for i in range(len(header))]
    for row in shown:
        print(
            "  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip()
        )


def _store(args: argparse.Namespace, *, readonly: bool = True) -> SqlSessionStore:
    from workshop_tui.domain.ports import StoreError
    from workshop_tui.locations import database_path
    from workshop_tui.storage import open_store

    path = database_path(args.db)
    if not path.exists():
        raise StoreError(f"{path} does not exist: there are no sessions yet")
    return open_store(path, readonly=readonly)


def _no_sessions(args: argparse.Namespace) -> bool:
    """Say so, when there is no database yet (nothing is due, nothing has a history)."""
    from workshop_tui.locations import database_path

    path = database_path(args.db)
    if path.exists():
        return False
    print(printable(f"No sessions yet ({path} does not exist)."))
    return True


def _today() -> date:
    from workshop_tui.domain.clock import SystemClock

    return SystemClock().now().astimezone().date()


def _day(summary: SessionSummary) -> str:
    return (summary.started_at or summary.created_at).astimezone().strftime("%Y-%m-%d")


def cmd_renegotiate(args: argparse.Namespace) -> int:
    """``workshop renegotiate SESSION [--current-script]``: set-up of the next version."""
    from workshop_tui.cli.sessions import _launch, _run_app

    launch = _launch(args)
    from dataclasses import replace

    return _run_app(replace(launch, renegotiate=args.session, current_script=args.current_script))


def cmd_review(args: argparse.Namespace) -> int:
    """``workshop review SESSION WHEN``: set (or with ``none``, clear) the review date."""
    from workshop_tui.domain.clock import SystemClock
    from workshop_tui.domain.engine import SessionEngine
    from workshop_tui.domain.rules.due_dates import parse_due

    when: str = args.when
    try:
        on = None if when.strip().lower() in ("none", "clear") else parse_due(when, _today())
    except ValueError as problem:
        print(f"workshop: {printable(str(problem))}", file=sys.stderr)
        return USER_ERROR
    with _store(args, readonly=False) as store:
        engine, _ = SessionEngine.reopen(args.session, store, SystemClock())
        try:
            engine.corrections.set_review_date(on, args.reason)
        finally:
            engine.close()
    said = f"on {on.isoformat()}" if on else "with no date"
    print(printable(f"Session {args.session} is to be reviewed {said}."))
    return 0


def cmd_reattach(args: argparse.Namespace) -> int:
    """``workshop reattach SESSION CUSTOMER``: correct a mistyped customer name (recorded)."""
    from workshop_tui.domain.clock import SystemClock
    from workshop_tui.domain.engine import EngineError, SessionEngine

    with _store(args, readonly=False) as store:
        engine, _ = SessionEngine.reopen(args.session, store, SystemClock())
        try:
            event = engine.corrections.reattach_customer(args.customer, args.reason)
        except EngineError as problem:
            print(f"workshop: {printable(str(problem))}", file=sys.stderr)
            return USER_ERROR
        finally:
            engine.close()
    print(
        printable(
            f"Session {args.session} is now with {event.customer} (was {event.customer_was})."
        )
    )
    return 0


def cmd_due(args: argparse.Namespace) -> int:
    """``workshop due``: agreements due or overdue for review, and open actions past due."""
    from workshop_tui.domain.living import chain
    from workshop_tui.domain.read_models import standing
    from workshop_tui.domain.rules.due_dates import is_overdue

    today = _today()
    if _no_sessions(args):
        return 0
    with _store(args) as store:
        summaries = store.list_sessions()
        due = chain.reviews_due(summaries, today)
        late = []
        for summary in _latest_per_customer(summaries):
            _, session = store.load_session(summary.id)
            for action in standing.open_actions(session.actions):
                if is_overdue(action.due, today):
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
    from workshop_tui.domain.living.customers import customer_key

    latest: dict[str, SessionSummary] = {}
    for summary in sorted(summaries, key=lambda s: (s.created_at, s.id)):
        latest[customer_key(summary.customer)] = summary
    return list(latest.values())


def cmd_history(args: argparse.Namespace) -> int:
    """``workshop history CUSTOMER``: every session, its version, what changed, open actions."""
    from workshop_tui.app.living import lineage_for
    from workshop_tui.domain.kinds import EventKind
    from workshop_tui.domain.living import chain
    from workshop_tui.domain.read_models import standing

    if _no_sessions(args):
        return 0
    with _store(args) as store:
        summaries = store.list_sessions()
        found = chain.of_customer(summaries, args.customer)
        if not found:
            print(printable(f'No sessions with "{args.customer.strip()}".'))
            return 0
        numbers = chain.versions(summaries)
        states = chain.reviews(summaries, _today())
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
    print(printable(f"History of {found[-1].customer}:"))
    print_table(
        ("ID", "DATE", "SCRIPT", "VERSION", "STATE", "CHANGED", "OPEN ACTIONS", "REVIEW"), rows
    )
    for note in notes:
        print(printable(note))
    return 0


def cmd_stats(args: argparse.Namespace) -> int:
    """``workshop stats [SCRIPT]``: per part, planned, allowed and actual across sessions."""
    from workshop_tui.domain.living.part_stats import part_figures
    from workshop_tui.export.figure_cells import overran_most, part_figure_cells

    if _no_sessions(args):
        return 0
    with _store(args) as store:
        summaries = [s for s in store.list_sessions() if args.script in (None, s.script_id)]
        runs = [store.load_session(s.id) for s in reversed(summaries)]
    figures = part_figures(runs)
    if not figures:
        what = f" of {args.script}" if args.script else ""
        print(printable(f"No finished parts{what} yet: nothing to compare."))
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
        print(printable(f"Overrun most (median beyond the time allowed): {names}"))
    return 0


def cmd_calendar(args: argparse.Namespace) -> int:
    """``workshop calendar SESSION [-o FILE]``: the review and due dates as an .ics file."""
    from workshop_tui.export.calendar import render_calendar
    from workshop_tui.export.files import default_export_name

    with _store(args) as store:
        script, session = store.load_session(args.session)
    text = render_calendar(script, session)
    if args.output == "-":
        sys.stdout.write(text)
        return 0
    name = default_export_name(session).removesuffix(".md") + ".ics"
    target = Path(args.output) if args.output else _exports() / name
    if target.is_dir():
        target = target / name
    partial = target.with_name(f".{target.name}.partial")
    partial.write_text(text, encoding="utf-8", newline="")
    os.replace(partial, target)
    print(printable(f"Wrote the calendar of session {session.id} to {target.resolve()}"))
    return 0


def _exports() -> Path:
    from workshop_tui.locations import exports_dir, private_folder

    folder = exports_dir()
    private_folder(folder)
    return folder


def add_living_commands(commands: argparse._SubParsersAction, session_id: object) -> None:  # type: ignore[type-arg]
    """Add renegotiate, review, reattach, due, history, stats and calendar."""
    renegotiate = commands.add_parser(
        "renegotiate",
        help="start the next version of a finished session's agreement",
        description="Set up a new session of the same script that opens on the last "
        "agreement, with its people, decisions and open actions. The script as stored with "
        "the session is used unless --current-script is given.",
    )
    renegotiate.add_argument("session", type=session_id, metavar="SESSION")
    renegotiate.add_argument(
        "--current-script",
        action="store_true",
        help="use the current version of the script file, not the copy stored with the session",
    )
    renegotiate.set_defaults(handler=cmd_renegotiate)

    review = commands.add_parser("review", help="set when a session's agreement is reviewed")
    review.add_argument("session", type=session_id, metavar="SESSION")
    review.add_argument(
        "when", metavar="WHEN", help='"in 3 months", "2027-03-01", "next friday"; none clears it'
    )
    review.add_argument("--reason", default="", help="why (kept with the date)")
    review.set_defaults(handler=cmd_review)

    reattach = commands.add_parser(
        "reattach", help="attach a session to the right customer (a mistyped name)"
    )
    reattach.add_argument("session", type=session_id, metavar="SESSION")
    reattach.add_argument("customer", metavar="CUSTOMER")
    reattach.add_argument("--reason", default="", help="why (shown in the history)")
    reattach.set_defaults(handler=cmd_reattach)

    due = commands.add_parser("due", help="agreements due for review, actions past due")
    due.set_defaults(handler=cmd_due)

    history = commands.add_parser("history", help="every session with one customer")
    history.add_argument("customer", metavar="CUSTOMER", help="the name, in any case")
    history.set_defaults(handler=cmd_history)

    stats = commands.add_parser("stats", help="planned against actual time per part")
    stats.add_argument("script", nargs="?", metavar="SCRIPT", help="a script id (default: all)")
    stats.set_defaults(handler=cmd_stats)

    calendar = commands.add_parser(
        "calendar", help="write a session's review and due dates as a calendar (.ics) file"
    )
    calendar.add_argument("session", type=session_id, metavar="SESSION")
    calendar.add_argument(
        "-o", "--output", metavar="FILE", help="a file or folder, or - for standard output"
    )
    calendar.set_defaults(handler=cmd_calendar)
