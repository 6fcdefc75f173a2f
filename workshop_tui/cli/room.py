"""``workshop room [SESSION]``: the room view for the projector."""

from __future__ import annotations

import argparse
from pathlib import Path

from workshop_tui.locations import data_dir, database_path
from workshop_tui.room.app import RoomApp


def run_room(db_path: Path, session_id: int | None, *, own_folder: bool = False) -> int:
    """Run the room view on the database at ``db_path``; its exit status.

    ``own_folder``: the file's folder is the data folder, which the console creates.
    """
    app = RoomApp(db_path, session_id, own_folder=own_folder)
    app.run()
    return app.return_code or 0


def cmd_room(args: argparse.Namespace) -> int:
    """Run the room view until it is closed; exit 2 with one sentence if it cannot follow."""
    db_path = database_path(args.db)
    return run_room(db_path, args.session, own_folder=db_path.parent == data_dir())
