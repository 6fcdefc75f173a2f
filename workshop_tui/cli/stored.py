"""The store a command reads or writes: the database the options name, opened once."""

from __future__ import annotations

import argparse
from datetime import date

from workshop_tui.cli.output import say
from workshop_tui.domain.clock import SystemClock
from workshop_tui.domain.ports import StoreError
from workshop_tui.locations import database_path
from workshop_tui.storage.opener import open_store
from workshop_tui.storage.repository import SqlSessionStore


def store_of(args: argparse.Namespace, *, readonly: bool = True) -> SqlSessionStore:
    """The store of ``--db`` (or its default); ``StoreError`` if there is none yet."""
    path = database_path(args.db)
    if not path.exists():
        raise StoreError(f"{path} does not exist: there are no sessions yet")
    return open_store(path, readonly=readonly)


def no_sessions_yet(args: argparse.Namespace) -> bool:
    """Say so, when there is no database yet (nothing is due, nothing has a history)."""
    path = database_path(args.db)
    if path.exists():
        return False
    say(f"No sessions yet ({path} does not exist).")
    return True


def today() -> date:
    """The facilitator's local date."""
    return SystemClock().now().astimezone().date()
