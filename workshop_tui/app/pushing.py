"""The console's background push: what the laptop committed reaches the team store.

While a team store is set (``team`` in config.toml) and the console works on its own file,
a worker thread looks every second for sessions the team store is behind on and pushes
them (``storage.sync.push``), so a session reaches the team within a couple of seconds while
online. Unreachable, it tries again every couple of seconds and pushes as soon as the store
answers. Each round's outcome is a ``SyncState`` the console shows as a small mark; the room
view never shows it.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from contextlib import suppress
from datetime import UTC, datetime

from workshop_tui.app.sync_state import SyncState
from workshop_tui.domain.ports import SessionStore, StoreError, StoreUnreachable
from workshop_tui.locations import StoreLocation
from workshop_tui.storage.database import writer
from workshop_tui.storage.identity import TEAM_UID, fact, remember, store_uid
from workshop_tui.storage.opener import open_store
from workshop_tui.storage.repository import SqlSessionStore
from workshop_tui.storage.sync.pull import pull_customer
from workshop_tui.storage.sync.push import PushRefused, Stores, push_all, waiting

ROUND_SECONDS = 1.0
"""How often the laptop looks for something to push while online, besides after a commit."""
RETRY_SECONDS = 2.0
"""How often an unreachable team store is tried again."""


class Pusher:
    """Pushes the laptop's store to the team store, round after round, until stopped."""

    def __init__(
        self,
        local: SqlSessionStore,
        team: StoreLocation,
        report: Callable[[SyncState], None],
    ) -> None:
        self.local = local
        self.team_at = team
        self.report = report
        self._team: SqlSessionStore | None = None
        self._offline_since: datetime | None = None
        self._last: SyncState | None = None
        self._wake = threading.Event()
        self._stopped = threading.Event()
        with local.engine.connect() as connection:
            self._team_uid = fact(connection, TEAM_UID) or ""
        """The team store's uid, as last reached (push states are kept per team store)."""

    def run(self) -> None:
        """Round after round until ``stop`` (a commit here starts the next round at once);
        the team store is let go of at the end."""
        self.local.after_commit(self._wake.set)
        try:
            while not self._stopped.is_set():
                online = self.round()
                self._wake.wait(ROUND_SECONDS if online else RETRY_SECONDS)
                self._wake.clear()
        finally:
            if self._team is not None:
                with suppress(StoreError):
                    self._team.close()

    def stop(self) -> None:
        """End the rounds (from any thread); the round under way finishes first."""
        self._stopped.set()
        self._wake.set()

    def round(self) -> bool:
        """One look and push; whether the team store answered."""
        try:
            team = self._connect()
            stores = Stores(self.local.engine, team.engine, self.local.where, team.where)
            push_all(stores)
            state = self._state(team)
            self._offline_since = None
        except PushRefused as refused:
            state = SyncState(refused=str(refused))
        except StoreUnreachable:
            self._drop()
            self._offline_since = self._offline_since or datetime.now(UTC)
            state = self._offline_state()
        except StoreError as error:
            self._drop()
            state = SyncState(refused=str(error))
        if state != self._last:
            self._last = state
            self.report(state)
        return self._offline_since is None

    def _connect(self) -> SqlSessionStore:
        if self._team is None:
            self._team = open_store(self.team_at)
        return self._team

    def _drop(self) -> None:
        if self._team is not None:
            with suppress(StoreError):
                self._team.close()
            self._team = None

    def _state(self, team: SqlSessionStore) -> SyncState:
        with team.engine.connect() as connection:
            team_uid = store_uid(connection)
        if team_uid != self._team_uid:  # kept, to count what waits while it cannot be reached
            with writer(self.local.engine).begin() as connection:
                remember(connection, TEAM_UID, team_uid)
            self._team_uid = team_uid
        return self._waiting()

    def _offline_state(self) -> SyncState:
        """What waits, counted against the team store last reached (none yet: all of it)."""
        found = self._waiting()
        return SyncState(found.waiting, found.since, offline_since=self._offline_since)

    def _waiting(self) -> SyncState:
        with self.local.engine.connect() as connection:
            left = waiting(connection, self._team_uid)
        return SyncState(sum(w.changes for w in left), min((w.since for w in left), default=None))


def final_push(local: StoreLocation, team: StoreLocation) -> str:
    """Once the console has closed: push what is left (the session let go of, too); one line
    saying what became of it."""
    try:
        with open_store(local) as laptop, open_store(team) as team_store:
            stores = Stores(laptop.engine, team_store.engine, laptop.where, team_store.where)
            pushed = push_all(stores)
    except PushRefused as refused:
        return f"workshop: {refused}"
    except StoreError as error:
        return (
            f"The team store could not be reached ({error}); what this laptop stored waits "
            "here: `workshop push` sends it, and so does the next session."
        )
    return f"The team store {team.shown} is up to date" + (
        f" ({len(pushed)} session(s) pushed)." if pushed else "."
    )


def pull_before(
    local: StoreLocation, team: StoreLocation, store: SessionStore, session_id: int
) -> str:
    """Before a renegotiation: the customer's chain from the team store; one line saying how
    it went (offline, the laptop carries on with what it holds)."""
    customer = next((s.customer for s in store.list_sessions() if s.id == session_id), "")
    try:
        with open_store(local) as laptop, open_store(team) as team_store:
            stores = Stores(laptop.engine, team_store.engine, laptop.where, team_store.where)
            pulled = pull_customer(stores, customer)
    except StoreError as error:
        return f"Working from this laptop's copy: the team store was not reached ({error})."
    if pulled.added or pulled.updated:
        return f"{pulled.added + pulled.updated} version(s) of {pulled.customer} pulled first."
    return f"This laptop already had every version of {customer} the team store holds."
