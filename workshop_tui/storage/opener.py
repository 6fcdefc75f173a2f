"""Open the store at a path, checking the file before anything is written to it.

A file that is not a workshop-tui database, is damaged, or was written by a
newer version is refused with its bytes untouched: the checks read it through
a read-only connection, and only a file that passes them (or a new, empty one)
is opened for writing and migrated.
"""

from __future__ import annotations

import os
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

SQLITE_HEADER = b"SQLite format 3\x00"


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
        _check_header(path, where)
        state = inspect_file(path, where)
        if not (state.blank and state.intact):
            _check_ours(state, where)
    engine = make_engine(sqlite_url(path))
    try:
        with storage_errors(where):
            migrate(engine, where=where)
    except BaseException:
        engine.dispose()
        raise
    return SqlSessionStore(engine, where=where)


def inspect_file(path: Path, where: str) -> FileState:
    """Read the marks of an existing database without writing anything."""
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
    _check_header(path, where)
    state = inspect_file(path, where)
    _check_ours(state, where)
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


def _check_header(path: Path, where: str) -> None:
    try:
        with path.open("rb") as file:
            header = file.read(len(SQLITE_HEADER))
    except PermissionError as error:
        raise DatabaseReadOnly(where, "it cannot even be read") from error
    if header != SQLITE_HEADER:
        raise DatabaseDamaged(where)


def _check_ours(state: FileState, where: str) -> None:
    if state.application_id != APPLICATION_ID or not state.intact:
        raise DatabaseDamaged(where)
    if state.schema_version > SCHEMA_VERSION:
        raise SchemaTooNew(where, found=state.schema_version, known=SCHEMA_VERSION)
    if state.schema_version < 1:
        raise DatabaseDamaged(where)
