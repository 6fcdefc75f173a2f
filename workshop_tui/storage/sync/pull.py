"""Pull: a customer's chain of agreements, brought down from the team store before a trip.

Every session of the customer in the team store comes down, with the sessions they refer to
(the versions they renegotiate, the sessions their actions were carried from), each with its
records, into this store under the same uids; a session pulled before is brought up to date.
A session made here stays as it is: the laptop that made it is its writer. A pulled session
is marked with the team store it came from, and a ``push_state`` row says which revision of
the team store's it is, so a change made to it here is pushed back only if the team store
has not changed it meanwhile.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from sqlalchemy import func, select

from workshop_tui.domain.living.customers import customer_key
from workshop_tui.storage.database import upsert, writer
from workshop_tui.storage.errors import storage_errors
from workshop_tui.storage.identity import store_uid
from workshop_tui.storage.sync.push import PUSH_STATE, Stores
from workshop_tui.storage.sync.rows import (
    RECORD_TABLES,
    SESSIONS,
    SessionRows,
    read_session,
    revision_of,
    session_id_of,
    write_session,
)

if TYPE_CHECKING:
    from sqlalchemy import Connection


@dataclass(frozen=True, slots=True)
class Pulled:
    added: int
    """Sessions this store did not hold before."""
    updated: int
    """Sessions pulled before, brought up to date."""
    kept: int
    """Sessions made here, left as they are."""
    customer: str
    """The customer's name as the team store has it (the latest session's)."""


def pull_customer(stores: Stores, customer: str) -> Pulled:
    """Bring ``customer``'s sessions (and those they refer to) from the team store here."""
    with storage_errors(stores.team_where), stores.team.connect() as team:
        team_uid = store_uid(team)
        chain = _sessions_of(team, customer)
        rows = [read_session(team, session_id) for session_id in _with_referred(team, chain)]
    added = updated = kept = 0
    with storage_errors(stores.local_where), writer(stores.local).begin() as local:
        for session in rows:
            here = session_id_of(local, session.uid)
            if here is not None and _origin(local, here) != team_uid:
                kept += 1  # made on this laptop: this laptop is its writer
                continue
            if here is None:
                added += 1
            else:
                updated += 1
            here = write_session(local, session, origin=team_uid, session_id=here)
            _remember(local, here, team_uid, session)
    name = customer.strip()
    if chain:
        name = rows[[r.id for r in rows].index(chain[-1])].fields["customer"]
    return Pulled(added, updated, kept, name)


def _sessions_of(team: Connection, customer: str) -> list[int]:
    """The team store's sessions with ``customer`` (however the name was typed), oldest first."""
    wanted = customer_key(customer)
    return [
        int(row.id)
        for row in team.execute(select(SESSIONS.c.id, SESSIONS.c.customer).order_by(SESSIONS.c.id))
        if customer_key(row.customer) == wanted
    ]


def _with_referred(team: Connection, session_ids: list[int]) -> list[int]:
    """``session_ids`` and every session they refer to, oldest first (referred ones first)."""
    found: set[int] = set()
    todo = list(session_ids)
    while todo:
        session_id = todo.pop()
        if session_id in found:
            continue
        found.add(session_id)
        rows = read_session(team, session_id)
        for uid in rows.referred():
            referred = session_id_of(team, uid)
            if referred is not None:
                todo.append(referred)
    return sorted(found)


def _origin(local: Connection, session_id: int) -> str:
    return str(
        local.execute(select(SESSIONS.c.origin).where(SESSIONS.c.id == session_id)).scalar_one()
    )


def _remember(local: Connection, session_id: int, team_uid: str, pulled: SessionRows) -> None:
    """A pulled session is as the team store had it at ``pulled.revision``: nothing to push."""
    cursors = {}
    for record_table in RECORD_TABLES:
        last = local.execute(
            select(func.max(record_table.c.id)).where(record_table.c.session_id == session_id)
        ).scalar_one()
        if last is not None:
            cursors[record_table.name] = int(last)
    row = {
        "pushed_revision": revision_of(local, session_id),
        "team_session": pulled.id,
        "team_revision": pulled.revision,
        "cursors": cursors,
        "pushed_at": datetime.now(UTC),
    }
    statement = upsert(local, PUSH_STATE).values(session_id=session_id, peer=team_uid, **row)
    local.execute(statement.on_conflict_do_update(index_elements=["session_id", "peer"], set_=row))
