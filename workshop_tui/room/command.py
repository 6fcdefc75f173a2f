"""``workshop room [SESSION]``: the command line's way into the room view."""

from __future__ import annotations

import argparse
from pathlib import Path

ROOM_HELP = "the room view for the projector: follow the live session from the database"
ROOM_DESCRIPTION = (
    "Show what the room should see of the session a facilitator runs (the part, its prompts, "
    "the countdown and the activity; never private notes or dialogs), following the database "
    "read-only. Run it in a second terminal on the projector. With no SESSION it follows the "
    "session that is running and waits calmly while there is none. "
    "Keys: b blanks the screen, f full-screen timer, Ctrl+T light/dark, q quits."
)


def add_room_command(commands: argparse._SubParsersAction, session_id: object) -> None:  # type: ignore[type-arg]
    """Add ``room`` to the ``workshop`` parser; ``session_id`` parses a session id."""
    room = commands.add_parser("room", help=ROOM_HELP, description=ROOM_DESCRIPTION)
    room.add_argument(
        "session",
        nargs="?",
        type=session_id,
        metavar="SESSION",
        help="a session id (see `workshop sessions`); default: the one running",
    )
    room.set_defaults(handler=cmd_room)


def cmd_room(args: argparse.Namespace) -> int:
    """Run the room view until it is closed; exit 2 with one sentence if it cannot follow."""
    from workshop_tui.locations import database_path

    return run_room(database_path(args.db), args.session)


def run_room(db_path: Path, session_id: int | None) -> int:
    """Run the room view on the database at ``db_path``; its exit status."""
    from workshop_tui.room.app import RoomApp

    app = RoomApp(db_path, session_id)
    app.run()
    return app.return_code or 0
