"""The commands on stored sessions: list them, export their notes, agreement or calendar."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from workshop_tui.app.living import lineage_for
from workshop_tui.cli.output import print_table, say, write_new
from workshop_tui.cli.stored import mine, no_sessions_yet, ran, store_of, today
from workshop_tui.domain.living import chain
from workshop_tui.domain.snapshot import SessionSummary
from workshop_tui.export.calendar import render_calendar
from workshop_tui.export.files import default_export_name, export_session
from workshop_tui.export.markdown import render_agreement, render_markdown
from workshop_tui.locations import exports_dir, private_folder


def cmd_sessions(args: argparse.Namespace) -> int:
    """An aligned table of the stored sessions, newest first, with each agreement's version
    and whether its review is due."""
    if no_sessions_yet(args):
        return 0
    name = mine(args)
    with store_of(args) as store:
        every = store.list_sessions()
        where = store.where
    summaries = [s for s in every if ran(s, name)]
    if not summaries:
        say(f"No sessions yet in {where}.")
        return 0
    numbers = chain.versions(every)  # a chain counts every version, whoever ran it
    reviews = chain.reviews(every, today())
    header = ("ID", "SCRIPT", "CUSTOMER", "FACILITATOR", "STARTED", "STATE", "PARTS DONE")
    rows = [
        (
            str(s.id),
            s.script_id,
            s.customer,
            s.facilitator,
            s.created_at.astimezone().strftime("%Y-%m-%d %H:%M"),
            str(s.state),
            f"{s.parts_done}/{s.parts_total}",
            str(numbers[s.id]),
            _review(s, reviews[s.id]),
        )
        for s in summaries
    ]
    print_table((*header, "VERSION", "REVIEW"), rows)
    return 0


def _review(summary: SessionSummary, state: str) -> str:
    """ "2027-03-01 (review due)", the date alone while it is far, or nothing."""
    if summary.review_on is None or not state:
        return ""
    day = summary.review_on.isoformat()
    return day if state == "review set" else f"{day} ({state})"


def cmd_export(args: argparse.Namespace) -> int:
    """``workshop export SESSION [--agreement] [-o FILE]``: the notes (or the agreement) as
    Markdown to a file, or to stdout with ``-o -``."""
    with store_of(args) as store:
        script, session = store.load_session(args.session)
        lineage = lineage_for(store, script, session)
    if args.output == "-":
        render = render_agreement if args.agreement else render_markdown
        sys.stdout.write(render(script, session, lineage))
        return 0
    target = Path(args.output) if args.output else None
    written = export_session(script, session, target, agreement=args.agreement, lineage=lineage)
    what = "the agreement of session" if args.agreement else "session"
    say(f"Exported {what} {session.id} to {written}")
    return 0


def cmd_calendar(args: argparse.Namespace) -> int:
    """``workshop calendar SESSION [-o FILE]``: the review and due dates as an .ics file."""
    with store_of(args) as store:
        script, session = store.load_session(args.session)
    text = render_calendar(script, session)
    if args.output == "-":
        sys.stdout.write(text)
        return 0
    name = default_export_name(session).removesuffix(".md") + ".ics"
    target = Path(args.output) if args.output else private_folder(exports_dir()) / name
    if target.is_dir():
        target = target / name
    write_new(target, text, replace=True, newline="")
    say(f"Wrote the calendar of session {session.id} to {target.resolve()}")
    return 0
