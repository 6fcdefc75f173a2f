"""The store a command reads or writes: the database the options name, opened once."""

from __future__ import annotations

import argparse
from datetime import date

from workshop_tui.cli.output import say
from workshop_tui.domain.clock import SystemClock
from workshop_tui.domain.living.customers import customer_key
from workshop_tui.domain.ports import StoreError
from workshop_tui.domain.snapshot import SessionSummary
from workshop_tui.locations import StoreLocation, config_dir, store_location
from workshop_tui.settings import CONFIG_FILE, FACILITATOR_ENV, SettingsError, load_settings
from workshop_tui.storage.opener import open_store
from workshop_tui.storage.repository import SqlSessionStore


def location_of(args: argparse.Namespace) -> StoreLocation:
    """Where the store of ``--db`` (or ``WORKSHOP_DB``, the settings, the default) is."""
    return store_location(args.db)


def store_of(args: argparse.Namespace, *, readonly: bool = True) -> SqlSessionStore:
    """The store of ``--db`` (or its default); ``StoreError`` if there is no file yet."""
    location = location_of(args)
    if location.path is not None and not location.path.exists():
        raise StoreError(f"{location.path} does not exist: there are no sessions yet")
    return open_store(location, readonly=readonly)


def no_sessions_yet(args: argparse.Namespace) -> bool:
    """Say so, when there is no database file yet (nothing is due, nothing has a history)."""
    location = location_of(args)
    if location.path is None or location.path.exists():
        return False
    say(f"No sessions yet ({location.path} does not exist).")
    return True


def today() -> date:
    """The facilitator's local date."""
    return SystemClock().now().astimezone().date()


def mine(args: argparse.Namespace) -> str | None:
    """The facilitator ``--mine`` narrows to (None: everyone's); ``SettingsError`` when the
    name is not set."""
    if not getattr(args, "mine", False):
        return None
    name = load_settings(config_dir()).facilitator
    if not name:
        raise SettingsError(
            f'--mine needs your name: set facilitator = "Your Name" in '
            f"{config_dir() / CONFIG_FILE} (or {FACILITATOR_ENV})"
        )
    return name


def ran(summary: SessionSummary, facilitator: str | None) -> bool:
    """Whether ``facilitator`` ran the session (any case, any spacing); True for None."""
    return facilitator is None or customer_key(summary.facilitator) == customer_key(facilitator)
