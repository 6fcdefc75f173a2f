"""The store's failures as one-sentence errors that name the file.

Every class is a ``StoreError`` (see ``domain.ports``), so the app can show
``str(error)`` for any of them. ``storage_errors`` turns what SQLite raises
into these, by SQLite's own error names rather than by guessing.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime

from sqlalchemy.exc import DBAPIError

from workshop_tui.domain.ports import (
    SessionChanged,
    SessionInUse,
    SessionNotFound,
    SessionUnreadable,
    StoreError,
    StoreUnreachable,
)
from workshop_tui.printable import printable

__all__ = [
    "DatabaseDamaged",
    "DatabaseLocked",
    "DatabaseReadOnly",
    "SchemaTooNew",
    "SchemaTooOld",
    "SessionChanged",
    "SessionInUse",
    "SessionNotFound",
    "SessionUnreadable",
    "StoreError",
    "StoreUnreachable",
    "not_held",
    "session_changed",
    "session_in_use",
    "storage_errors",
    "translate",
    "unknown_session",
    "unreadable",
]


class DatabaseDamaged(StoreError):
    """The file is not a workshop-tui database, or SQLite found it damaged."""

    def __init__(self, where: str, detail: str = "") -> None:
        if detail:
            super().__init__(f"{where} is damaged: {detail}; it was left untouched")
        else:
            super().__init__(
                f"{where} is not a workshop-tui database or is damaged; it was left untouched"
            )


class SchemaTooNew(StoreError):
    """A newer workshop-tui wrote the file."""

    def __init__(self, where: str, *, found: int, known: int) -> None:
        super().__init__(
            f"{where} was written by a newer workshop-tui (schema {found}, this version "
            f"knows {known}); upgrade workshop-tui"
        )
        self.found = found
        self.known = known


class SchemaTooOld(StoreError):
    """A read-only view met a file that still needs upgrading."""

    def __init__(self, where: str, *, found: int, known: int) -> None:
        super().__init__(
            f"{where} was written by an older workshop-tui (schema {found}, this version "
            f"needs {known}); open it once with workshop (not read-only) to upgrade it"
        )
        self.found = found
        self.known = known


class DatabaseLocked(StoreError):
    """Another program holds the database's lock."""

    def __init__(self, where: str) -> None:
        super().__init__(f"{where} is locked by another program; close it and try again")


class DatabaseReadOnly(StoreError):
    """The file (or its folder) cannot be written, or was opened only to follow."""

    def __init__(self, where: str, reason: str = "") -> None:
        super().__init__(
            f"{where} is read-only; "
            + (reason or "check its permissions or choose another file with --db")
        )


def unknown_session(session_id: int, where: str) -> SessionNotFound:
    """The error for a session id the file does not hold."""
    return SessionNotFound(
        f'no session {session_id} in {where}; run "workshop sessions" to list them'
    )


def unreadable(where: str, detail: str) -> SessionUnreadable:
    """A value this version cannot read: ``detail`` says which, and what it holds."""
    return SessionUnreadable(f"{where} cannot be read: {detail}; it was left untouched")


def session_in_use(
    session_id: int,
    where: str,
    *,
    pid: int,
    host: str,
    since: datetime,
    now: datetime,
    offline: bool = False,
) -> SessionInUse:
    """Another workshop-tui holds the session: which process, on which machine, since when
    (or, ``offline``, a laptop that runs it on its own file and pushes it here)."""
    local = since.astimezone()
    when = local.strftime("%H:%M" if local.date() == now.astimezone().date() else "%Y-%m-%d %H:%M")
    if offline:
        return SessionInUse(
            f"session {session_id} in {where} is being run on {printable(host)}, which works "
            f"offline and pushes it here (since {when}); it can be opened here once that "
            "laptop has finished or closed it and pushed again"
        )
    return SessionInUse(
        f"session {session_id} in {where} is open in another workshop-tui "
        f"(pid {pid} on {printable(host)}, since {when}); close it there first"
    )


def session_changed(session_id: int, where: str) -> SessionChanged:
    """This writer's view is stale: another writer stored something since it read the session."""
    return SessionChanged(
        f"session {session_id} in {where} was changed by another workshop-tui since this "
        "screen read it: nothing was lost; resume it again to carry on"
    )


def not_held(session_id: int, where: str) -> StoreError:
    """A write to a session this store does not hold (never claimed, or released)."""
    return StoreError(
        f"session {session_id} in {where} is not open for writing here; resume it to carry on"
    )


def translate(error: BaseException, where: str) -> StoreError:
    """The ``StoreError`` for what SQLite or PostgreSQL (or SQLAlchemy around them) raised."""
    if isinstance(error, StoreError):
        return error
    cause = getattr(error, "orig", None) or error
    if type(cause).__module__.startswith("psycopg"):
        return server_error(cause, where)
    name = getattr(cause, "sqlite_errorname", "") or ""
    text = str(cause).lower()
    if name.startswith(("SQLITE_BUSY", "SQLITE_LOCKED")) or "database is locked" in text:
        return DatabaseLocked(where)
    if name.startswith("SQLITE_READONLY") or "readonly database" in text:
        return DatabaseReadOnly(where)
    if (
        name.startswith(("SQLITE_NOTADB", "SQLITE_CORRUPT"))
        or "file is not a database" in text
        or "malformed" in text
    ):
        return DatabaseDamaged(where)
    if name.startswith("SQLITE_FULL"):
        return StoreError(f"{where} cannot grow because the disk is full; free some space")
    if name.startswith("SQLITE_CANTOPEN"):
        return StoreError(f"{where} cannot be opened; check that its folder exists and is writable")
    if name.startswith("SQLITE_IOERR"):
        return StoreError(f"{where} could not be read or written (a disk error); check the disk")
    return StoreError(f"{where} could not be used: {cause}")


SERVER_PROBLEMS = {
    "28P01": "refused the login (check the user name, and the password in ~/.pgpass)",
    "28000": "refused the login (the server's pg_hba.conf does not let this user in)",
    "3D000": "has no such database",
    "42501": "does not let this user do that (a role that reads and writes rows is enough; "
    "changing the schema is `workshop store upgrade`, run by the database's owner)",
    "42P01": "has no workshop-tui tables yet; its owner creates them: workshop store upgrade",
    "57P01": "was shut down by its administrator",
    "53300": "has too many connections open",
}


def server_error(cause: BaseException, where: str) -> StoreError:
    """A team store's failure, in one sentence; never the password (the URL shown hides it,
    and libpq's own words are scrubbed of anything after ``password=``)."""
    code = getattr(cause, "sqlstate", None) or _code_of_login(str(cause))
    if code in SERVER_PROBLEMS:
        return StoreError(f"the team store {where} {SERVER_PROBLEMS[code]}")
    if type(cause).__name__ in ("OperationalError", "InterfaceError") or code.startswith("08"):
        return StoreUnreachable(f"the team store {where} cannot be reached ({_first_line(cause)})")
    return StoreError(f"the team store {where} could not be used: {_first_line(cause)}")


def _code_of_login(text: str) -> str:
    """The SQLSTATE of a failed connection, which libpq reports only in words."""
    if "password authentication failed" in text or "password is required" in text:
        return "28P01"
    if "no pg_hba.conf entry" in text:
        return "28000"
    if "database" in text and "does not exist" in text:
        return "3D000"
    return ""


def _first_line(cause: BaseException) -> str:
    """libpq's message, its first line, with any password it quotes hidden."""
    text = str(cause).strip().splitlines()[0] if str(cause).strip() else type(cause).__name__
    text = re.sub(r"password=\S+", "password=***", text)
    return printable(text.removeprefix("connection failed: ").rstrip("."))


@contextmanager
def storage_errors(where: str) -> Iterator[None]:
    """Raise what the database raises inside the block as a ``StoreError`` about ``where``."""

    try:
        yield
    except (DBAPIError, sqlite3.Error) as error:
        raise translate(error, where) from error
    except Exception as error:  # psycopg's own, outside SQLAlchemy (the room view's listener)
        if type(error).__module__.startswith("psycopg"):
            raise translate(error, where) from error
        raise
