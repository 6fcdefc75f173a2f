"""The command-line side of sessions: run and resume the app, list and export sessions."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from workshop_tui.printable import printable

if TYPE_CHECKING:
    from workshop_tui.app.workshop_app import Launch
    from workshop_tui.domain.snapshot import SessionSummary


def _launch(
    args: argparse.Namespace,
    *,
    script_ref: str | None = None,
    session_id: int | None = None,
    resume_latest: bool = False,
) -> Launch:
    from workshop_tui.app.workshop_app import Launch
    from workshop_tui.locations import database_path

    return Launch(
        db_path=database_path(args.db),
        scripts_dirs=tuple(args.scripts_dirs),
        script_ref=script_ref,
        session_id=session_id,
        resume_latest=resume_latest,
        exports_dir=getattr(args, "exports_dir", None),
    )


def _run_app(launch: Launch) -> int:
    """Run the app; however it ends, its store lets go of the session it held."""
    from workshop_tui.app.workshop_app import WorkshopApp
    from workshop_tui.process import own_the_process

    own_the_process()
    app = WorkshopApp(launch)
    try:
        app.run()
    finally:
        if app.store is not None:
            app.store.close()
    if app.room_instead is not None:  # the session is open elsewhere: its room view instead
        from workshop_tui.cli.room import run_room

        return run_room(launch.db_path, app.room_instead)
    return app.return_code or 0


def cmd_open(args: argparse.Namespace) -> int:
    """No subcommand: the picker of scripts and unfinished sessions."""
    return _run_app(_launch(args))


def cmd_run(args: argparse.Namespace) -> int:
    """``workshop run SCRIPT``: straight to set-up.

    The script is found and checked by the app, in a worker behind its first
    frame, so yaml and pydantic never delay that frame. A missing or broken
    script ends the app at once with exit status 2 and its problem on stderr.
    """
    return _run_app(_launch(args, script_ref=args.script))


def cmd_resume(args: argparse.Namespace) -> int:
    """``workshop resume [SESSION]``: the given session, or the latest unfinished one."""
    if args.session is None:
        return _run_app(_launch(args, resume_latest=True))
    return _run_app(_launch(args, session_id=args.session))


def cmd_sessions(args: argparse.Namespace) -> int:
    """An aligned table of the stored sessions, newest first, with each agreement's version
    and whether its review is due."""
    from workshop_tui.cli.agreements import _today, print_table
    from workshop_tui.domain.living import chain
    from workshop_tui.locations import database_path
    from workshop_tui.storage import open_store

    path = database_path(args.db)
    if not path.exists():
        print(printable(f"No sessions yet ({path} does not exist)."))
        return 0
    with open_store(path, readonly=True) as store:
        summaries = store.list_sessions()
    if not summaries:
        print(printable(f"No sessions yet in {path}."))
        return 0
    numbers = chain.versions(summaries)
    reviews = chain.reviews(summaries, _today())
    header = ("ID", "SCRIPT", "CUSTOMER", "STARTED", "STATE", "PARTS DONE", "VERSION", "REVIEW")
    rows = [
        (
            str(s.id),
            s.script_id,
            s.customer,
            s.created_at.astimezone().strftime("%Y-%m-%d %H:%M"),
            str(s.state),
            f"{s.parts_done}/{s.parts_total}",
            str(numbers[s.id]),
            _review(s, reviews[s.id]),
        )
        for s in summaries
    ]
    print_table(header, rows)
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
    from workshop_tui.domain.ports import StoreError
    from workshop_tui.export.files import export_session
    from workshop_tui.export.markdown import render_agreement, render_markdown
    from workshop_tui.locations import database_path
    from workshop_tui.storage import open_store

    path = database_path(args.db)
    if not path.exists():
        raise StoreError(f"{path} does not exist: there are no sessions to export yet")
    from workshop_tui.app.living import lineage_for

    with open_store(path, readonly=True) as store:
        script, session = store.load_session(args.session)
        lineage = lineage_for(store, script, session)
    if args.output == "-":
        render = render_agreement if args.agreement else render_markdown
        sys.stdout.write(render(script, session, lineage))
        return 0
    target = Path(args.output) if args.output else None
    written = export_session(script, session, target, agreement=args.agreement, lineage=lineage)
    what = "the agreement of session" if args.agreement else "session"
    print(printable(f"Exported {what} {session.id} to {written}"))
    return 0


def add_session_commands(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Add run, resume, sessions and export to the ``workshop`` parser."""
    run = commands.add_parser("run", help="set up and run a workshop from a script")
    run.add_argument(
        "script", metavar="SCRIPT", help="a script id (see `workshop scripts`) or file"
    )
    _add_exports_dir(run)
    run.set_defaults(handler=cmd_run)

    resume = commands.add_parser("resume", help="carry on an unfinished session")
    resume.add_argument(
        "session",
        nargs="?",
        type=_session_id,
        metavar="SESSION",
        help="a session id (see `workshop sessions`); default: the latest unfinished one",
    )
    _add_exports_dir(resume)
    resume.set_defaults(handler=cmd_resume)

    sessions = commands.add_parser("sessions", help="list the stored sessions")
    sessions.set_defaults(handler=cmd_sessions)

    export = commands.add_parser(
        "export", help="write a session's notes (or, with --agreement, its agreement) as Markdown"
    )
    export.add_argument("session", type=_session_id, metavar="SESSION", help="a session id")
    export.add_argument(
        "--agreement",
        action="store_true",
        help="write the agreement only (parties, promises, decisions, initialled sections, "
        "actions), not the full session notes",
    )
    export.add_argument(
        "-o",
        "--output",
        metavar="FILE",
        help="a file or folder to write to, or - for standard output (default: the current folder)",
    )
    export.set_defaults(handler=cmd_export)

    from workshop_tui.cli.agreements import add_living_commands

    add_living_commands(commands, _session_id)


def _add_exports_dir(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--exports-dir",
        metavar="DIR",
        type=Path,
        help="where the app's exports (x) go; default: the current folder",
    )


def _session_id(text: str) -> int:
    try:
        value = int(text.lstrip("#"))
    except ValueError:
        value = 0
    if value < 1:
        raise argparse.ArgumentTypeError(f'"{printable(text)}" is not a session id (a number)')
    return value
