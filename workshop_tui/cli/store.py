"""``workshop store upgrade`` and ``workshop store status``: the store itself."""

from __future__ import annotations

import argparse

from workshop_tui.cli.output import say
from workshop_tui.cli.stored import location_of, store_of
from workshop_tui.storage.migrations import SCHEMA_VERSION
from workshop_tui.storage.opener import open_store
from workshop_tui.storage.server import upgrade_server_store


def cmd_upgrade(args: argparse.Namespace) -> int:
    """Create or upgrade the store's schema; say from which schema to which."""
    location = location_of(args)
    if location.path is not None:
        open_store(location).close()  # a file is brought up to date whenever it is opened
        say(f"{location.shown} holds schema {SCHEMA_VERSION}, the one this version needs.")
        return 0
    before, after = upgrade_server_store(location)
    if before == after:
        say(f"The team store {location.shown} is up to date (schema {after}).")
    elif before == 0:
        say(f"The team store {location.shown} is ready: its schema was created (schema {after}).")
    else:
        say(f"The team store {location.shown} was upgraded from schema {before} to {after}.")
    return 0


def cmd_status(args: argparse.Namespace) -> int:
    """Where the store is, its kind, its schema and how many sessions it holds."""
    location = location_of(args)
    kind = "a SQLite file" if location.path is not None else "a team store on PostgreSQL"
    with store_of(args) as store:
        sessions = store.list_sessions()
    say(f"Store: {location.shown} ({kind}), schema {SCHEMA_VERSION}.")
    say(f"Sessions: {len(sessions)}, {sum(1 for s in sessions if s.finished_at)} finished.")
    return 0
