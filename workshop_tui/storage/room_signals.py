"""What the two screens tell each other through the store: presence, blanking and cues.

A room view beats into ``room_views`` (its own row, nothing else); the console
reads whether one follows its session. The console writes ``room_blanks`` as
part of its own session (a compare-and-set write like any other), and the room
view reads it with the session. ``room_cues`` holds what the facilitator has
selected, the break and the theme: the console replaces its one row per session
without touching the session's revision (a held arrow key writes many), and the
room view reads it whenever anything was committed.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from sqlalchemy import delete, insert, select, update

from workshop_tui.domain.room_cue import NO_CUE, InPlay, RoomCue
from workshop_tui.storage.database import upsert
from workshop_tui.storage.tables import RoomBlankRow, RoomCueRow, RoomViewRow, table

if TYPE_CHECKING:
    from sqlalchemy import Connection

    from workshop_tui.storage.claims import Holder

_views = table(RoomViewRow)
_blanks = table(RoomBlankRow)
_cues = table(RoomCueRow)

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


def set_in_play(connection: Connection, session_id: int, in_play: InPlay, at: datetime) -> None:
    """What the facilitator has selected on the session's current part."""
    _set_cue(
        connection,
        session_id,
        at,
        part_index=in_play.part,
        item=in_play.item,
        prompt=in_play.prompt,
    )


def set_break(
    connection: Connection, session_id: int, back_at: datetime | None, at: datetime
) -> None:
    """The room is on a break until ``back_at`` (None: the break is over)."""
    _set_cue(connection, session_id, at, back_at=back_at)


def set_theme(connection: Connection, session_id: int, theme: str, at: datetime) -> None:
    """The console's theme, for the room view of ``session_id`` to follow."""
    _set_cue(connection, session_id, at, theme=theme)


def set_closed(connection: Connection, session_id: int, closed: bool, at: datetime) -> None:
    """The facilitator closed the finished session's closing screen (False: show it again)."""
    _set_cue(connection, session_id, at, closed=closed)


def _set_cue(connection: Connection, session_id: int, at: datetime, **values: Any) -> None:
    """Replace some of the session's cues (one row per session), in any dialect: an update,
    or the row's first insert. One console holds the session, so nobody inserts between."""
    moved = connection.execute(
        update(_cues).where(_cues.c.session_id == session_id).values(at=at, **values)
    )
    if moved.rowcount == 0:
        connection.execute(insert(_cues).values(session_id=session_id, at=at, **values))


def cue(connection: Connection, session_id: int) -> RoomCue:
    """What the console told the room view of ``session_id`` (``NO_CUE``: nothing yet)."""
    row = connection.execute(
        select(
            _cues.c.part_index,
            _cues.c.item,
            _cues.c.prompt,
            _cues.c.back_at,
            _cues.c.theme,
            _cues.c.closed,
        ).where(_cues.c.session_id == session_id)
    ).one_or_none()
    if row is None:
        return NO_CUE
    in_play = None if row.part_index is None else InPlay(row.part_index, row.item, row.prompt)
    return RoomCue(in_play, row.back_at, row.theme, bool(row.closed))
