"""Following a live session from the store, read-only, as the room view does.

The store is checked as ``open_store(readonly=True)`` checks it, then read (a SQLite file
through a read-only connection): the follower never takes a session's claim and never
writes a session's rows. A ``Watch`` says cheaply whether anything was committed since the
last look (``watching``: SQLite's data version, or a team store's NOTIFY); only then is the
session's revision read, and only when that (or the session followed, or its blanking)
moved is the session read again whole.

The one write is the room view's own heartbeat row (``room_signals.beat``), through a
connection of its own; a store it cannot write to only loses the "room view connected"
mark on the console.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import select

from workshop_tui.domain.kinds import SessionState
from workshop_tui.domain.room_cue import NO_CUE, RoomCue
from workshop_tui.locations import StoreLocation
from workshop_tui.printable import printable
from workshop_tui.storage import reading, room_signals
from workshop_tui.storage.claims import Holder
from workshop_tui.storage.database import make_engine, server_engine, sqlite_url, writer
from workshop_tui.storage.errors import StoreError, storage_errors, unknown_session
from workshop_tui.storage.opener import open_store
from workshop_tui.storage.tables import SessionLockRow, SessionRow, table
from workshop_tui.storage.watching import FileWatch, ServerWatch, Watch

if TYPE_CHECKING:
    from sqlalchemy import Connection

    from workshop_tui.content.model import Script
    from workshop_tui.domain.snapshot import SessionSnapshot

_sessions = table(SessionRow)
_locks = table(SessionLockRow)

RECENT = timedelta(hours=8)
"""With no session named, an unfinished one seen this recently is still the day's workshop."""


@dataclass(frozen=True, slots=True)
class Followed:
    """One consistent moment of the session followed."""

    script: Script
    """The script as it was run (the store keeps it with the session)."""
    session: SessionSnapshot
    blanked: bool
    """The console asked the room view to go blank."""
    cue: RoomCue = NO_CUE
    """What the console told the room view: the item and prompt in play, a break, its theme."""


_Signature = tuple[int, int, bool, RoomCue] | None
"""(session followed, its revision, blanked, cue); None while there is none to follow."""


class Follower:
    """Reads one session (or, with none named, the one running) whenever it changes."""

    def __init__(
        self,
        location: StoreLocation | Path,
        session_id: int | None = None,
        now: Callable[[], datetime] = lambda: datetime.now(UTC),
    ) -> None:
        """Check the store and the session; ``StoreError`` in one sentence if either is wrong.

        ``now`` tells the time (the app's clock), to judge how recent a session is.
        """
        if not isinstance(location, StoreLocation):
            location = StoreLocation(path=Path(location))
        open_store(location, readonly=True).close()  # refuses what is missing, damaged, too new
        self.where = printable(location.shown)
        self._now = now
        self.session_id = session_id
        """The session named on the command line; None follows the running one."""
        self._watch: Watch
        if location.path is not None:
            path = location.path.expanduser()
            self._engine = make_engine(sqlite_url(path, readonly=True))
            self._beats = writer(make_engine(sqlite_url(path)))
            self._watch = FileWatch(self._engine, self.where)
        else:
            assert location.url is not None
            self._engine = server_engine(location.url, pool_size=1)
            self._beats = self._engine
            self._watch = ServerWatch(location.url, self.where, session_id)
        self._holder = Holder.of_this_process()
        self._signature: _Signature = None
        self._read_once = False
        self._session: tuple[int, int, Script, SessionSnapshot] | None = None
        """(id, revision, script, snapshot) of the session last read whole."""
        if session_id is not None:
            with self._read() as connection:
                known = _revision(connection, session_id) is not None
            if not known:
                self._beats.dispose()
                self._engine.dispose()
                raise unknown_session(session_id, self.where)

    def close(self) -> None:
        """Say the room view has gone, and let go of the file."""
        with suppress(StoreError), storage_errors(self.where), self._beats.begin() as connection:
            room_signals.leave(connection, self._holder)
        with suppress(Exception):
            self._watch.close()
        self._beats.dispose()
        self._engine.dispose()

    # -- following ----------------------------------------------------------------------

    def committed(self) -> bool:
        """Whether another connection committed since the last look (cheap)."""
        return self._watch.changed()

    def wait(self, seconds: float) -> None:
        """Wait ``seconds``, or less when a commit comes first (a team store says so)."""
        self._watch.wait(seconds)

    def poll(self) -> tuple[bool, Followed | None]:
        """(whether anything shown changed, what to show now: None while there is nothing).

        The first call always reads; later ones read the session again only when
        a commit moved what the room view shows.
        """
        if not self.committed() and self._read_once:
            return False, None
        with self._read() as connection:
            followed = self._target(connection)
            revision = None if followed is None else _revision(connection, followed)
            signature: _Signature = None
            if followed is not None and revision is not None:
                blanked = room_signals.blanked(connection, followed)
                signature = (followed, revision, blanked, room_signals.cue(connection, followed))
            if signature == self._signature and self._read_once:
                return False, None
            self._read_once = True
            self._signature = signature
            if signature is None:
                return True, None
            session_id, revision, blanked, cue = signature
            if self._session is None or self._session[:2] != (session_id, revision):
                script, session = reading.read_session(connection, session_id, self.where)
                self._session = (session_id, revision, script, session)
            _, _, script, session = self._session
            return True, Followed(script, session, blanked, cue)

    def following(self) -> int | None:
        """The session shown now (None while waiting)."""
        return None if self._signature is None else self._signature[0]

    def beat(self, at: datetime) -> None:
        """Tell the console a room view follows its session; a file that refuses is let be."""
        with suppress(StoreError), storage_errors(self.where), self._beats.begin() as connection:
            room_signals.beat(connection, self._holder, self.following(), at)

    @contextmanager
    def _read(self) -> Iterator[Connection]:
        with storage_errors(self.where), self._engine.connect() as connection:
            yield connection

    def _target(self, connection: Connection) -> int | None:
        """The session to show: the one named, or the one a console holds (newest claim
        first), or else the unfinished one seen most recently today."""
        if self.session_id is not None:
            return self.session_id
        unfinished = _sessions.c.state != SessionState.FINISHED.value
        held = connection.execute(
            select(_sessions.c.id)
            .join(_locks, _locks.c.session_id == _sessions.c.id)
            .where(unfinished)
            .order_by(_locks.c.since.desc(), _sessions.c.id.desc())
            .limit(1)
        ).scalar_one_or_none()
        if held is not None:
            return int(held)
        latest = connection.execute(
            select(_sessions.c.id, _sessions.c.last_seen_at)
            .where(unfinished)
            .order_by(_sessions.c.last_seen_at.desc(), _sessions.c.id.desc())
            .limit(1)
        ).one_or_none()
        if latest is not None and self._now() - latest.last_seen_at <= RECENT:
            return int(latest.id)
        shown = self.following()
        if shown is not None and _revision(connection, shown) is not None:
            return shown  # finished while on show: the closing screen stays
        closing = connection.execute(  # finished, its console still open on the summary
            select(_sessions.c.id)
            .join(_locks, _locks.c.session_id == _sessions.c.id)
            .order_by(_locks.c.since.desc(), _sessions.c.id.desc())
            .limit(1)
        ).scalar_one_or_none()
        return None if closing is None else int(closing)


def _revision(connection: Connection, session_id: int) -> int | None:
    found = connection.execute(
        select(_sessions.c.revision).where(_sessions.c.id == session_id)
    ).scalar_one_or_none()
    return None if found is None else int(found)
