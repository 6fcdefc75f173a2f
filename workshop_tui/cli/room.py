"""``workshop room [SESSION]``: the room view for the projector."""

from __future__ import annotations

import argparse
from pathlib import Path

from workshop_tui.locations import StoreLocation, data_dir, store_location
from workshop_tui.room.app import RoomApp


def run_room(
    store: StoreLocation | Path, session_id: int | None, *, own_folder: bool = False
) -> int:
    """Run the room view on ``store``; its exit status.

    ``own_folder``: the file's folder is the data folder, which the console creates.
    """
    app = RoomApp(store, session_id, own_folder=own_folder)
    app.run()
    return app.return_code or 0


def cmd_room(args: argparse.Namespace) -> int:
    """Run the room view until it is closed; exit 2 with one sentence if it cannot follow."""
    location = store_location(args.db)
    own = location.path is not None and location.path.parent == data_dir()
    return run_room(location, args.session, own_folder=own)
