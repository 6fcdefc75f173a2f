"""``workshop push`` and ``workshop pull``: this laptop's sessions and the team store."""

from __future__ import annotations

import argparse

from workshop_tui.cli.output import USER_ERROR, error, say
from workshop_tui.cli.stored import store_of
from workshop_tui.locations import StoreLocation, team_location
from workshop_tui.settings import SettingsError
from workshop_tui.storage.opener import open_store
from workshop_tui.storage.repository import SqlSessionStore
from workshop_tui.storage.sync.pull import pull_customer
from workshop_tui.storage.sync.push import PushRefused, Stores, push_all


def cmd_push(args: argparse.Namespace) -> int:
    """Push the given sessions, or every one the team store is behind on."""
    team_at = _team(args.to)
    with store_of(args, readonly=False) as local, open_store(team_at) as team:
        _refuse_the_same_store(local, team)
        stores = Stores(local.engine, team.engine, local.where, team.where)
        try:
            pushed = push_all(stores, args.sessions or None)
        except PushRefused as refused:
            error(str(refused))
            return USER_ERROR
    if not pushed:
        say(f"The team store {team_at.shown} is up to date: nothing to push.")
    for done in pushed:
        say(f"Pushed session {done.session_id}: {done.records} new record(s).")
    return 0


def cmd_pull(args: argparse.Namespace) -> int:
    """Bring the customer's chain of agreements down from the team store."""
    team_at = _team(args.from_)
    with store_of(args, readonly=False) as local, open_store(team_at) as team:
        _refuse_the_same_store(local, team)
        pulled = pull_customer(
            Stores(local.engine, team.engine, local.where, team.where), args.customer
        )
    total = pulled.added + pulled.updated
    if not total and not pulled.kept:
        say(f'The team store {team_at.shown} holds no session with "{args.customer.strip()}".')
        return 0
    say(
        f"Pulled {total} session(s) of {pulled.customer}: {pulled.added} new, "
        f"{pulled.updated} brought up to date"
        + (f"; {pulled.kept} made on this laptop kept as they are." if pulled.kept else ".")
    )
    return 0


def _team(explicit: str | None) -> StoreLocation:
    found = team_location(explicit)
    if found is None:
        raise SettingsError(
            'there is no team store to sync with: set team = "postgresql://..." in '
            "config.toml, or give --to / --from"
        )
    return found


def _refuse_the_same_store(local: SqlSessionStore, team: SqlSessionStore) -> None:
    if local.engine.dialect.name != "sqlite":
        raise SettingsError(
            f"this command works on {local.where}, a team store itself: push and pull move "
            "sessions between a laptop's file and the team store"
        )
