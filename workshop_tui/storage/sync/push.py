"""Push: what a laptop committed reaches the team store, exactly once, however often or late.

A session is pushed in one transaction of the team store: its new records (those past the
laptop's cursors; a record already there by its uid is left as it is), its own row, its
people and its timings, its claim, and a ``push_state`` row saying which laptop pushed it
and to which revision. Only once that is committed does the laptop move its cursors. A push
cut anywhere (the process killed, the network or the server gone) leaves either nothing or
all of it in the team store, and the next push carries on from the laptop's cursors: what
was sent already is not stored twice.

One writer per session across the two stores: while a laptop runs a session, its claim is
pushed with it (``offline:<laptop uid>``), so a console on the team store cannot take it
(until the laptop has been silent for ``OFFLINE_STALE_AFTER``). A session the team store
took over, or changed, since this laptop last pushed it is refused with one sentence; its
records stay on the laptop and can be exported.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import delete, func, select, text

from workshop_tui.domain.ports import StoreError
from workshop_tui.storage.claims import OFFLINE_PREFIX
from workshop_tui.storage.database import NOTIFY_CHANNEL, upsert, writer
from workshop_tui.storage.errors import storage_errors
from workshop_tui.storage.identity import store_uid
from workshop_tui.storage.sync.rows import (
    LOCKS,
    RECORD_TABLES,
    SESSIONS,
    MissingSession,
    SessionRows,
    cursors_after,
    read_session,
    revision_of,
    session_id_of,
    write_session,
)
from workshop_tui.storage.tables import PushStateRow, table

if TYPE_CHECKING:
    from sqlalchemy import Connection, Engine

PUSH_STATE = table(PushStateRow)


class PushRefused(StoreError):
    """The team store will not take this session from this laptop; the laptop keeps it."""


@dataclass(frozen=True, slots=True)
class Waiting:
    """A session with changes the team store does not have yet."""

    session_id: int
    changes: int
    """Records not pushed yet (a change of the session's state alone counts one)."""
    since: datetime
    """When the oldest of them was made."""


@dataclass(frozen=True, slots=True)
class Pushed:
    session_id: int
    records: int
    """Records sent by this push."""
    team_session: int


@dataclass(frozen=True, slots=True)
class Stores:
    """The two ends of a push: the laptop's store and the team store, with their names."""

    local: Engine
    team: Engine
    local_where: str
    team_where: str


def waiting(local: Connection, team_uid: str) -> list[Waiting]:
    """The sessions of this store that the team store of ``team_uid`` is behind on, oldest
    first: made here and never pushed, or changed here since their last push."""
    states = {
        row.session_id: row
        for row in local.execute(select(PUSH_STATE).where(PUSH_STATE.c.peer == team_uid))
    }
    found = []
    for session in local.execute(
        select(
            SESSIONS.c.id, SESSIONS.c.revision, SESSIONS.c.origin, SESSIONS.c.last_seen_at
        ).order_by(SESSIONS.c.id)
    ):
        state = states.get(session.id)
        if state is None and session.origin:  # pulled from another team store: not ours
            continue
        if state is not None and state.pushed_revision == session.revision:
            continue
        changes, oldest = _unpushed(local, session.id, state.cursors if state else {})
        since = oldest if oldest is not None else session.last_seen_at
        found.append(Waiting(session.id, max(changes, 1), since))
    return found


def push_session(stores: Stores, session_id: int) -> Pushed:
    """Push one session; ``PushRefused`` (one sentence) when the team store will not have it,
    ``MissingSession`` when a session it refers to must be pushed first."""
    with storage_errors(stores.local_where), stores.local.connect() as local:
        laptop = store_uid(local)
        with storage_errors(stores.team_where), stores.team.connect() as team_read:
            team_uid = store_uid(team_read)
        state = _state(local, session_id, team_uid)
        rows = read_session(local, session_id, after=state["cursors"] if state else None)
    with storage_errors(stores.team_where), stores.team.begin() as team:
        team_session = session_id_of(team, rows.uid, lock=True)
        if team_session is not None:
            _refuse_unless_ours(team, team_session, laptop, rows, state, stores)
        team_session = write_session(team, rows, origin="", session_id=team_session)
        _mirror_claim(team, team_session, laptop, rows.lock)
        team_revision = revision_of(team, team_session)
        _record_push(team, team_session, laptop, rows.revision, team_session, team_revision, {})
        team.execute(text(f"NOTIFY {NOTIFY_CHANNEL}"))
    cursors = cursors_after(rows, state["cursors"] if state else None)
    with storage_errors(stores.local_where), writer(stores.local).begin() as local:
        _record_push(
            local, session_id, team_uid, rows.revision, team_session, team_revision, cursors
        )
    return Pushed(session_id, rows.record_count(), team_session)


def push_all(stores: Stores, session_ids: list[int] | None = None) -> list[Pushed]:
    """Push the given sessions (default: every one the team store is behind on), each after
    the sessions it refers to. Stops at the first refusal or failure, which it raises."""
    with storage_errors(stores.local_where), stores.local.connect() as local:
        with storage_errors(stores.team_where), stores.team.connect() as team:
            team_uid = store_uid(team)
        if session_ids is None:
            session_ids = [w.session_id for w in waiting(local, team_uid)]
    done: list[Pushed] = []
    for session_id in session_ids:
        done.extend(_push_with_referred(stores, session_id, set()))
    return done


def _push_with_referred(stores: Stores, session_id: int, seen: set[int]) -> list[Pushed]:
    if session_id in seen:
        return []
    seen.add(session_id)
    try:
        return [push_session(stores, session_id)]
    except MissingSession as missing:
        with stores.local.connect() as local:
            referred = session_id_of(local, missing.uid)
        if referred is None or referred in seen:
            raise PushRefused(
                f"session {session_id} refers to a session the team store {stores.team_where} "
                "does not hold and this laptop does not either; it was not pushed"
            ) from None
        first = _push_with_referred(stores, referred, seen)
        seen.discard(session_id)
        return [*first, *_push_with_referred(stores, session_id, seen)]


def _refuse_unless_ours(
    team: Connection,
    team_session: int,
    laptop: str,
    rows: SessionRows,
    state: dict[str, Any] | None,
    stores: Stores,
) -> None:
    """Refuse a session the team store took over, or changed, since this laptop pushed it."""
    claim = team.execute(select(LOCKS).where(LOCKS.c.session_id == team_session)).first()
    if claim is not None and claim.holder != OFFLINE_PREFIX + laptop:
        raise _refusal(rows, stores, f"it is open on {claim.host} (pid {claim.pid})")
    last = team.execute(
        select(PUSH_STATE.c.team_revision).where(
            PUSH_STATE.c.session_id == team_session, PUSH_STATE.c.peer == laptop
        )
    ).scalar_one_or_none()
    if last is None and state is not None:  # pulled here: as the team store held it then
        last = state["team_revision"]
    if last is None or last != revision_of(team, team_session):
        raise _refusal(rows, stores, "it was changed there since this laptop last had it")


def _refusal(rows: SessionRows, stores: Stores, why: str) -> PushRefused:
    return PushRefused(
        f"session {rows.id} ({rows.fields['customer']}) was not pushed to the team store "
        f"{stores.team_where}: {why}. Nothing was lost: its records stay on this laptop "
        f"(workshop export {rows.id} writes them out)"
    )


def _mirror_claim(team: Connection, team_session: int, laptop: str, lock: Any) -> None:
    """The laptop's claim on the session, as the team store holds it; gone once released."""
    holder = OFFLINE_PREFIX + laptop
    if lock is None:
        team.execute(
            delete(LOCKS).where(LOCKS.c.session_id == team_session, LOCKS.c.holder == holder)
        )
        return
    row = {"holder": holder, "pid": lock["pid"], "host": lock["host"], "since": lock["since"]}
    statement = upsert(team, LOCKS).values(session_id=team_session, **row)
    team.execute(statement.on_conflict_do_update(index_elements=["session_id"], set_=row))


def _record_push(
    connection: Connection,
    session_id: int,
    peer: str,
    pushed_revision: int,
    team_session: int,
    team_revision: int,
    cursors: dict[str, int],
) -> None:
    row = {
        "pushed_revision": pushed_revision,
        "team_session": team_session,
        "team_revision": team_revision,
        "cursors": cursors,
        "pushed_at": datetime.now(UTC),
    }
    statement = upsert(connection, PUSH_STATE).values(session_id=session_id, peer=peer, **row)
    connection.execute(
        statement.on_conflict_do_update(index_elements=["session_id", "peer"], set_=row)
    )


def _state(local: Connection, session_id: int, team_uid: str) -> dict[str, Any] | None:
    found = local.execute(
        select(PUSH_STATE).where(
            PUSH_STATE.c.session_id == session_id, PUSH_STATE.c.peer == team_uid
        )
    ).first()
    return None if found is None else dict(found._mapping)


def _unpushed(
    local: Connection, session_id: int, cursors: dict[str, int]
) -> tuple[int, datetime | None]:
    count, oldest = 0, None
    for record_table in RECORD_TABLES:
        found = local.execute(
            select(func.count(), func.min(record_table.c.at)).where(
                record_table.c.session_id == session_id,
                record_table.c.id > cursors.get(record_table.name, 0),
            )
        ).one()
        count += int(found[0])
        if found[1] is not None and (oldest is None or found[1] < oldest):
            oldest = found[1]
    return count, oldest
