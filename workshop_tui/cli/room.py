"""``workshop room [SESSION]``: the command line's way into the room view."""

from __future__ import annotations

import argparse
from pathlib import Path

ROOM_HELP = "the room view for the projector: follow the live session from the database"
ROOM_DESCRIPTION = (
    "Show what the room should see of the session a facilitator runs (the part, its prompts, "
    "the countdown and the activity; never private notes or dialogs), following the database "
    "read-only. Run it in a second terminal on the projector. With no SESSION it follows the "
    "session that is running and waits calmly while there is none, or while the database "
    "does not exist yet. "
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
    from workshop_tui.locations import data_dir, database_path

    db_path = database_path(args.db)
    return run_room(db_path, args.session, own_folder=db_path.parent == data_dir())


def run_room(db_path: Path, session_id: int | None, *, own_folder: bool = False) -> int:
    """Run the room view on the database at ``db_path``; its exit status.

    ``own_folder``: the file's folder is the data folder, which the console creates.
    """
    from workshop_tui.process import own_the_process
    from workshop_tui.room.app import RoomApp

    own_the_process()
    app = RoomApp(db_path, session_id, own_folder=own_folder)
    app.run()
    return app.return_code or 0
