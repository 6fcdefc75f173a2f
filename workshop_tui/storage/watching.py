"""How a follower learns that something was committed, cheaply, without reading the session.

- a SQLite file: ``PRAGMA data_version`` on one open connection moves whenever another
  connection commits (a few microseconds a look, so the follower looks every 50 ms);
- a team's PostgreSQL store: every write transaction sends ``NOTIFY workshop_tui`` with
  the session it wrote (see ``repository``), delivered when it commits; the follower LISTENs
  on a connection of its own and wakes as soon as one for its session (or for none in
  particular) arrives. A dropped connection is opened again on the next
  look, and counts as a change: what was sent meanwhile was missed, so all is read anew.
"""

from __future__ import annotations

import time
from typing import Any, Protocol

from sqlalchemy import Engine

from workshop_tui.storage.database import NOTIFY_CHANNEL, server_conninfo
from workshop_tui.storage.errors import storage_errors


class Watch(Protocol):
    def changed(self) -> bool:
        """Whether anything may have been committed since the last call."""

    def wait(self, seconds: float) -> None:
        """Return after ``seconds``, or earlier when something was committed."""

    def close(self) -> None: ...


class FileWatch:
    """``PRAGMA data_version`` of a SQLite file, on one connection kept open."""

    def __init__(self, engine: Engine, where: str) -> None:
        self._engine = engine
        self._where = where
        self._connection: Any = None
        self._version: int | None = None

    def changed(self) -> bool:
        with storage_errors(self._where):
            if self._connection is None:
                self._connection = self._engine.raw_connection()
            cursor = self._connection.cursor()
            try:
                (version,) = cursor.execute("PRAGMA data_version").fetchone()
            finally:
                cursor.close()
        moved = version != self._version
        self._version = version
        return moved

    def wait(self, seconds: float) -> None:
        time.sleep(seconds)

    def close(self) -> None:
        if self._connection is not None:
            self._connection.close()
            self._connection = None


class ServerWatch:
    """``LISTEN workshop_tui`` on a team store, on a connection of its own; ``session_id``:
    only that session's commits count (None: any session's)."""

    def __init__(self, url: str, where: str, session_id: int | None = None) -> None:
        self._url = url
        self._where = where
        self._session = None if session_id is None else str(session_id)
        self._connection: Any = None
        self._pending = True  # nothing read yet

    def changed(self) -> bool:
        self._listen()
        self.wait(0)
        moved, self._pending = self._pending, False
        return moved

    def wait(self, seconds: float) -> None:
        self._listen()
        deadline = time.monotonic() + seconds
        try:
            with storage_errors(self._where):
                while not self._pending:
                    left = deadline - time.monotonic()
                    for notice in self._connection.notifies(timeout=max(left, 0), stop_after=1):
                        self._pending = self._counts(notice.payload)
                    if left <= 0:
                        break
                for notice in self._connection.notifies(timeout=0):  # what came meanwhile
                    self._pending = self._pending or self._counts(notice.payload)
        except Exception:
            self.close()  # opened again, and everything read anew, on the next look
            raise

    def _counts(self, written: str) -> bool:
        return self._session is None or written in ("", self._session)

    def _listen(self) -> None:
        if self._connection is not None:
            return
        # late: psycopg loads only for a team store, never for a SQLite file
        import psycopg

        with storage_errors(self._where):
            self._connection = psycopg.connect(server_conninfo(self._url), autocommit=True)
            self._connection.execute(f"LISTEN {NOTIFY_CHANNEL}")
        self._pending = True  # whatever was sent while not listening is read again

    def close(self) -> None:
        if self._connection is not None:
            try:
                self._connection.close()
            finally:
                self._connection = None
