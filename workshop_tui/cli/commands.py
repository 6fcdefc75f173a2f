"""Every command of ``workshop``, its arguments and the function that runs it.

Declarations only (argparse): each command names its runner as ``"module:function"`` of this
package, which the parser imports when, and only when, that command runs.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING, Any

from workshop_tui.printable import printable

if TYPE_CHECKING:
    Commands = argparse._SubParsersAction[Any]

ROOM_DESCRIPTION = (
    "Show what the room should see of the session a facilitator runs (the part, its prompts, "
    "the countdown and the activity; never private notes or dialogs), following the database "
    "read-only. Run it in a second terminal on the projector. With no SESSION it follows the "
    "session that is running and waits calmly while there is none, or while the database "
    "does not exist yet. "
    "Keys: b blanks the screen, f full-screen timer, Ctrl+T light/dark, q quits."
)


def session_id(text: str) -> int:
    """A session id as typed (``12`` or ``#12``)."""
    try:
        value = int(text.lstrip("#"))
    except ValueError:
        value = 0
    if value < 1:
        raise argparse.ArgumentTypeError(f'"{printable(text)}" is not a session id (a number)')
    return value


def declare_commands(commands: Commands) -> list[argparse.ArgumentParser]:
    """Add every command, in the order ``workshop --help`` lists them; return every parser
    a command line can end in (each command's, and each action's of ``store``)."""
    _console_commands(commands)
    _session_commands(commands)
    _agreement_commands(commands)
    _script_commands(commands)
    _sync_commands(commands)
    actions = _store_commands(commands)
    return [*commands.choices.values(), *actions]


def _console_commands(commands: Commands) -> None:
    run = commands.add_parser("run", help="set up and run a workshop from a script")
    run.add_argument(
        "script", metavar="SCRIPT", help="a script id (see `workshop scripts`) or file"
    )
    _add_exports_dir(run)
    run.set_defaults(command="console:cmd_run")

    resume = commands.add_parser("resume", help="carry on an unfinished session")
    resume.add_argument(
        "session",
        nargs="?",
        type=session_id,
        metavar="SESSION",
        help="a session id (see `workshop sessions`); default: the latest unfinished one",
    )
    _add_exports_dir(resume)
    resume.set_defaults(command="console:cmd_resume")

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
    renegotiate.set_defaults(command="console:cmd_renegotiate")

    room = commands.add_parser(
        "room",
        help="the room view for the projector: follow the live session from the database",
        description=ROOM_DESCRIPTION,
    )
    room.add_argument(
        "session",
        nargs="?",
        type=session_id,
        metavar="SESSION",
        help="a session id (see `workshop sessions`); default: the one running",
    )
    room.set_defaults(command="room:cmd_room")


def _add_exports_dir(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--exports-dir",
        metavar="DIR",
        type=Path,
        help="where the app's exports (x) go; default: the current folder",
    )


def _add_mine(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--mine",
        action="store_true",
        help="only the sessions you facilitated (your name: facilitator in config.toml, "
        "or WORKSHOP_FACILITATOR)",
    )


def _session_commands(commands: Commands) -> None:
    sessions = commands.add_parser("sessions", help="list the stored sessions")
    _add_mine(sessions)
    sessions.set_defaults(command="sessions:cmd_sessions")

    export = commands.add_parser(
        "export", help="write a session's notes (or, with --agreement, its agreement) as Markdown"
    )
    export.add_argument("session", type=session_id, metavar="SESSION", help="a session id")
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
    export.set_defaults(command="sessions:cmd_export")

    calendar = commands.add_parser(
        "calendar", help="write a session's review and due dates as a calendar (.ics) file"
    )
    calendar.add_argument("session", type=session_id, metavar="SESSION")
    calendar.add_argument(
        "-o", "--output", metavar="FILE", help="a file or folder, or - for standard output"
    )
    calendar.set_defaults(command="sessions:cmd_calendar")


def _agreement_commands(commands: Commands) -> None:
    review = commands.add_parser("review", help="set when a session's agreement is reviewed")
    review.add_argument("session", type=session_id, metavar="SESSION")
    review.add_argument(
        "when", metavar="WHEN", help='"in 3 months", "2027-03-01", "next friday"; none clears it'
    )
    review.add_argument("--reason", default="", help="why (kept with the date)")
    review.set_defaults(command="agreements:cmd_review")

    reattach = commands.add_parser(
        "reattach", help="attach a session to the right customer (a mistyped name)"
    )
    reattach.add_argument("session", type=session_id, metavar="SESSION")
    reattach.add_argument("customer", metavar="CUSTOMER")
    reattach.add_argument("--reason", default="", help="why (shown in the history)")
    reattach.set_defaults(command="agreements:cmd_reattach")

    due = commands.add_parser("due", help="agreements due for review, actions past due")
    _add_mine(due)
    due.set_defaults(command="agreements:cmd_due")

    history = commands.add_parser("history", help="every session with one customer")
    history.add_argument("customer", metavar="CUSTOMER", help="the name, in any case")
    _add_mine(history)
    history.set_defaults(command="agreements:cmd_history")

    stats = commands.add_parser("stats", help="planned against actual time per part")
    stats.add_argument("script", nargs="?", metavar="SCRIPT", help="a script id (default: all)")
    _add_mine(stats)
    stats.set_defaults(command="agreements:cmd_stats")


def _script_commands(commands: Commands) -> None:
    scripts = commands.add_parser("scripts", help="list the scripts you can run")
    scripts.set_defaults(command="scripts:cmd_scripts")

    validate = commands.add_parser(
        "validate",
        help="check scripts and report every problem",
        description="Check scripts; exit 2 if any is invalid. Warnings do not fail.",
    )
    validate.add_argument("refs", nargs="+", metavar="PATH", help="a script file (or a script id)")
    validate.set_defaults(command="scripts:cmd_validate")

    convert = commands.add_parser(
        "convert",
        help="turn a Markdown script into YAML, or a YAML script into Markdown",
        description="Write a script in the other format and say what could not be carried "
        "over (comments, formatting). Never overwrites a file unless --force is given.",
    )
    convert.add_argument("ref", metavar="FILE", help="a script file (or a script id)")
    convert.add_argument(
        "-o",
        "--output",
        metavar="OUT",
        help="where to write: a .md, .yaml or .yml file (its suffix picks the format), "
        "or - for standard output (default: FILE with the other suffix; for a script id, "
        "ID.md or ID.yaml in the current folder)",
    )
    convert.add_argument("--force", action="store_true", help="replace OUT if it exists")
    convert.set_defaults(command="scripts:cmd_convert")


def _sync_commands(commands: Commands) -> None:
    push = commands.add_parser(
        "push",
        help="send what this laptop stored to the team store (done in the background too)",
        description="Push sessions to the team store: each one's new records, its state and "
        "its claim, exactly once however often it is run. Without SESSION, every session the "
        "team store is behind on.",
    )
    push.add_argument("sessions", nargs="*", type=session_id, metavar="SESSION")
    push.add_argument("--to", metavar="URL", help="the team store (default: team in config.toml)")
    push.set_defaults(command="sync:cmd_push")

    pull = commands.add_parser(
        "pull",
        help="bring a customer's agreements down from the team store, to work on them offline",
    )
    pull.add_argument("customer", metavar="CUSTOMER", help="the customer's name, in any case")
    pull.add_argument(
        "--from", dest="from_", metavar="URL", help="the team store (default: team in config.toml)"
    )
    pull.set_defaults(command="sync:cmd_pull")


def _store_commands(commands: Commands) -> list[argparse.ArgumentParser]:
    store = commands.add_parser(
        "store",
        help="the store itself: its schema and where it is",
        description="A SQLite file is brought up to date whenever it is opened; a team's "
        "PostgreSQL store only by `workshop store upgrade`, run as the database's owner.",
    )
    actions = store.add_subparsers(title="actions", metavar="ACTION", required=True)
    upgrade = actions.add_parser(
        "upgrade",
        help="create or upgrade the store's schema (for a team store: as its owner)",
    )
    upgrade.set_defaults(command="store:cmd_upgrade")
    status = actions.add_parser("status", help="where the store is, its schema, its sessions")
    status.set_defaults(command="store:cmd_status")
    return [upgrade, status]
