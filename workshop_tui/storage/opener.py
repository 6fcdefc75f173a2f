"""Open the store at a path, checking the file before anything is written to it.

A file that is not a workshop-tui database, is damaged, or was written by a
newer version is refused with its bytes untouched. What the 100-byte SQLite
header settles is refused without SQLite opening the file at all; the rest is
read through a read-only connection (which, for a write-ahead-log file, may
leave SQLite's empty ``-wal``/``-shm`` companions beside it). Only a file that
passes (or a new, empty one) is opened for writing and migrated, and the
migration re-checks under its write lock.
"""

from __future__ import annotations

import os
import struct
from dataclasses import dataclass
from pathlib import Path

from workshop_tui.storage.database import make_engine, sqlite_url
from workshop_tui.storage.errors import (
    DatabaseDamaged,
    DatabaseReadOnly,
    SchemaTooNew,
    SchemaTooOld,
    StoreError,
    storage_errors,
)
from workshop_tui.storage.migrations import (
    APPLICATION_ID,
    SCHEMA_VERSION,
    application_id,
    migrate,
    schema_version,
)
from workshop_tui.storage.repository import SqlSessionStore

SQLITE_MAGIC = b"SQLite format 3\x00"
HEADER_SIZE = 100


@dataclass(frozen=True, slots=True)
class FileState:
    """What a read-only look at an existing database file found."""

    application_id: int
    schema_version: int
    objects: int
    """How many tables, indexes and views the file holds."""
    intact: bool
    """SQLite's ``quick_check`` found no damage (about 5 ms for 10k records)."""

    @property
    def blank(self) -> bool:
        """A valid SQLite file with nothing in it yet."""
        return self.application_id == 0 and self.schema_version == 0 and self.objects == 0


def open_store(path: Path, *, readonly: bool = False) -> SqlSessionStore:
    """The store in the SQLite file at ``path``, created and migrated as needed.

    With ``readonly`` the file is only read (a room view following a live
    session): it must exist and have this version's schema, and nothing is
    migrated or created. Every refusal is a ``StoreError`` naming ``path``.
    """
    path = Path(path).expanduser()
    where = str(path)
    if readonly:
        return _open_readonly(path, where)
    _prepare_folder(path, where)
    if path.exists() and path.stat().st_size > 0:
        check_header(path, where)
        state = inspect_file(path, where)
        if not (state.blank and state.intact):
            _check_state(state, where)
    engine = make_engine(sqlite_url(path))
    try:
        with storage_errors(where):
            migrate(engine, where=where)
    except BaseException:
        engine.dispose()
        raise
    return SqlSessionStore(engine, where=where)


def check_header(path: Path, where: str) -> None:
    """Refuse what the SQLite header alone proves is not an openable workshop-tui file.

    The header can lag behind a write-ahead log that was never checkpointed,
    so only refusals that stay true are made here: another program's mark, or
    a schema newer than this version (schemas only grow).
    """
    try:
        with path.open("rb") as file:
            header = file.read(HEADER_SIZE)
    except PermissionError as error:
        raise DatabaseReadOnly(where, "it cannot even be read") from error
    if len(header) < HEADER_SIZE or not header.startswith(SQLITE_MAGIC):
        raise DatabaseDamaged(where)
    (version,) = struct.unpack_from(">i", header, 60)
    (app,) = struct.unpack_from(">i", header, 68)
    if app != APPLICATION_ID and (app != 0 or version != 0):
        raise DatabaseDamaged(where)
    if app == APPLICATION_ID and version > SCHEMA_VERSION:
        raise SchemaTooNew(where, found=version, known=SCHEMA_VERSION)


def inspect_file(path: Path, where: str) -> FileState:
    """Read the marks of an existing database through a read-only connection."""
    engine = make_engine(sqlite_url(path, readonly=True))
    try:
        with storage_errors(where), engine.connect() as connection:
            objects = connection.exec_driver_sql("SELECT count(*) FROM sqlite_master").scalar_one()
            check = connection.exec_driver_sql("PRAGMA quick_check").scalars().all()
            return FileState(
                application_id=application_id(connection),
                schema_version=schema_version(connection),
                objects=int(objects),
                intact=check == ["ok"],
            )
    finally:
        engine.dispose()


def _open_readonly(path: Path, where: str) -> SqlSessionStore:
    if not path.is_file() or path.stat().st_size == 0:
        raise StoreError(f"{where} holds no workshop-tui sessions yet; start a session first")
    check_header(path, where)
    state = inspect_file(path, where)
    _check_state(state, where)
    if state.schema_version < SCHEMA_VERSION:
        raise SchemaTooOld(where, found=state.schema_version, known=SCHEMA_VERSION)
    return SqlSessionStore(make_engine(sqlite_url(path, readonly=True)), where=where, readonly=True)


def _prepare_folder(path: Path, where: str) -> None:
    """Create the folder; refuse early when the file or folder cannot be written."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except PermissionError as error:
        raise DatabaseReadOnly(where, f"its folder cannot be created ({error.strerror})") from error
    except OSError as error:
        raise StoreError(f"the folder of {where} cannot be created ({error.strerror})") from error
    if path.exists() and not os.access(path, os.R_OK | os.W_OK):
        raise DatabaseReadOnly(where)
    if not os.access(path.parent, os.W_OK | os.X_OK):
        raise DatabaseReadOnly(where, "its folder cannot be written (SQLite keeps a log beside it)")


def _check_state(state: FileState, where: str) -> None:
    if not state.intact or state.application_id != APPLICATION_ID or state.schema_version < 1:
        raise DatabaseDamaged(where)
    if state.schema_version > SCHEMA_VERSION:
        raise SchemaTooNew(where, found=state.schema_version, known=SCHEMA_VERSION)
