"""What the two screens tell each other through the store: presence and blanking.

A room view beats into ``room_views`` (its own row, nothing else); the console
reads whether one follows its session. The console writes ``room_blanks`` as
part of its own session (a compare-and-set write like any other), and the room
view reads it with the session.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from sqlalchemy import delete, select

from workshop_tui.storage.database import upsert
from workshop_tui.storage.tables import RoomBlankRow, RoomViewRow, table

if TYPE_CHECKING:
    from sqlalchemy import Connection

    from workshop_tui.storage.claims import Holder

_views = table(RoomViewRow)
_blanks = table(RoomBlankRow)

FORGET_AFTER = timedelta(hours=1)
"""A room view's row not renewed for this long is removed by the next beat of any room view."""


def set_blank(connection: Connection, session_id: int, blanked: bool, at: datetime) -> None:
    """Ask the room view of ``session_id`` to go blank (or to show the session again)."""
    row = {"blanked": blanked, "at": at}
    statement = upsert(connection, _blanks).values(session_id=session_id, **row)
    connection.execute(statement.on_conflict_do_update(index_elements=["session_id"], set_=row))


def blanked(connection: Connection, session_id: int) -> bool:
    """Whether the console asked the room view of ``session_id`` to be blank."""
    found = connection.execute(
        select(_blanks.c.blanked).where(_blanks.c.session_id == session_id)
    ).scalar_one_or_none()
    return bool(found)


def seen(connection: Connection, session_id: int, since: datetime) -> bool:
    """Whether a room view following ``session_id`` beat at ``since`` or later."""
    found = connection.execute(
        select(_views.c.token)
        .where(_views.c.following == session_id, _views.c.seen_at >= since)
        .limit(1)
    ).first()
    return found is not None


def beat(connection: Connection, holder: Holder, following: int | None, at: datetime) -> None:
    """The room view ``holder`` follows ``following`` (None: it waits), as of ``at``."""
    row = {"following": following, "pid": holder.pid, "host": holder.host, "seen_at": at}
    statement = upsert(connection, _views).values(token=holder.token, **row)
    connection.execute(statement.on_conflict_do_update(index_elements=["token"], set_=row))
    connection.execute(delete(_views).where(_views.c.seen_at < at - FORGET_AFTER))


def leave(connection: Connection, holder: Holder) -> None:
    """The room view ``holder`` stops following."""
    connection.execute(delete(_views).where(_views.c.token == holder.token))
