"""One writer per session: who holds a session, and when a hold may be taken over.

A claim is a row of ``session_locks``: the holding store's token, its process
id and machine, and since when it holds the session. It stays fresh while the
holder beats: every write and heartbeat moves the session's ``last_seen_at``
(the app beats every 15 seconds while a session is open, paused or not), so
the claim costs the hot path nothing. A claim is taken over when

- its process is gone (same machine, no such pid), or it is this very process
  (a process never locks itself out: its older view becomes stale instead), or
- nothing was seen of the session for ``STALE_AFTER`` (a holder on another
  machine, a laptop that slept, a pid that was reused).

Readers never claim: following a session needs no lock.
"""

from __future__ import annotations

import os
import socket
import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from sqlalchemy import delete, select, update

from workshop_tui.storage.database import upsert
from workshop_tui.storage.errors import session_in_use, unknown_session
from workshop_tui.storage.tables import SessionLockRow, SessionRow, table

if TYPE_CHECKING:
    from sqlalchemy import Connection

STALE_AFTER = timedelta(seconds=60)
"""A claim not seen for this long is taken over: four missed heartbeats of the app."""

OFFLINE_PREFIX = "offline:"
"""The holder of a claim a laptop pushed to a team store: the laptop's store uid follows."""
OFFLINE_STALE_AFTER = timedelta(hours=12)
"""A pushed claim is taken over only when its laptop has said nothing for this long: a
laptop working offline is not heard from while the workshop runs."""

_locks = table(SessionLockRow)
_sessions = table(SessionRow)


@dataclass(frozen=True, slots=True)
class Holder:
    """Who holds a claim: one store of one process on one machine."""

    token: str
    pid: int
    host: str

    @classmethod
    def of_this_process(cls) -> Holder:
        """A new holder: a fresh token, this process and this machine."""
        return cls(uuid.uuid4().hex, os.getpid(), socket.gethostname())


def take(connection: Connection, session_id: int, holder: Holder, at: datetime) -> None:
    """Make ``holder`` the session's writer from ``at``, whoever held it before."""
    row = {"holder": holder.token, "pid": holder.pid, "host": holder.host, "since": at}
    statement = upsert(connection, _locks).values(session_id=session_id, **row)
    connection.execute(statement.on_conflict_do_update(index_elements=["session_id"], set_=row))


def claim(connection: Connection, session_id: int, holder: Holder, at: datetime, where: str) -> int:
    """Take the session for ``holder`` unless a live writer holds it; return its new revision.

    Runs inside the caller's write transaction, so two claims cannot both
    see the session free.
    """
    found = connection.execute(
        select(
            _sessions.c.revision,
            _sessions.c.last_seen_at,
            _locks.c.holder,
            _locks.c.pid,
            _locks.c.host,
            _locks.c.since,
        )
        .select_from(_sessions.outerjoin(_locks, _locks.c.session_id == _sessions.c.id))
        .where(_sessions.c.id == session_id)
        .with_for_update(of=_sessions)  # PostgreSQL: one claim at a time (SQLite holds its lock)
    ).one_or_none()
    if found is None:
        raise unknown_session(session_id, where)
    if found.holder is not None and not may_take_over(found, holder, at):
        raise session_in_use(
            session_id,
            where,
            pid=found.pid,
            host=found.host,
            since=found.since,
            now=at,
            offline=found.holder.startswith(OFFLINE_PREFIX),
        )
    take(connection, session_id, holder, at)
    connection.execute(
        update(_sessions)
        .where(_sessions.c.id == session_id)
        .values(revision=_sessions.c.revision + 1)
    )
    return int(found.revision) + 1


def release(connection: Connection, session_id: int, holder: Holder) -> None:
    """End ``holder``'s claim on the session; someone else's claim is left alone. Letting go
    moves the session's revision on: a team store it is pushed to lets go of it too."""
    released = connection.execute(
        delete(_locks).where(_locks.c.session_id == session_id, _locks.c.holder == holder.token)
    )
    if released.rowcount:
        connection.execute(
            update(_sessions)
            .where(_sessions.c.id == session_id)
            .values(revision=_sessions.c.revision + 1)
        )


def may_take_over(found: Any, holder: Holder, at: datetime) -> bool:
    """Whether the claim in ``found`` (a lock row with the session's last_seen_at) is over."""
    if found.holder == holder.token:
        return True
    last_beat = max(found.since, found.last_seen_at)
    if found.holder.startswith(OFFLINE_PREFIX):  # a laptop's, pushed: its pid is not here
        return at - last_beat > OFFLINE_STALE_AFTER
    if found.host == holder.host and (found.pid == holder.pid or not process_alive(found.pid)):
        return True
    return at - last_beat > STALE_AFTER


def process_alive(pid: int) -> bool:
    """Whether a process with this id runs on this machine (it may be another program)."""
    if pid <= 0:
        return False
    if os.name == "nt":  # no harmless probe there: the heartbeat decides
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # it exists, under another user
        return True
    except (OverflowError, OSError):  # not a pid at all
        return False
    return True
