"""Open the store at a path, checking the file before anything is written to it.

A file that is not a workshop-tui database, is damaged, or was written by a
newer version is refused with its bytes untouched. What the 100-byte SQLite
header settles is refused without SQLite opening the file at all; the rest is
read through a read-only connection (which, for a write-ahead-log file, may
leave SQLite's empty ``-wal``/``-shm`` companions beside it). The read-only look also
checks that every table and column of the file's schema is there and that the
small tables hold values this version reads (``integrity``), so a damaged or
tampered file is refused when it is opened, not at the first note. Only a file
that passes (or a new, empty one) is opened for writing and migrated, and the
migration re-checks under its write lock.

A file workshop-tui creates is owner-only (0600), and so is a folder; SQLite
gives its ``-wal`` and ``-shm`` the database's own permissions. A database an
older version left open to others is tightened when it is opened for writing.
"""

from __future__ import annotations

import os
import stat
import struct
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from workshop_tui.locations import (
    PRIVATE_FILE,
    PRIVATE_FOLDER,
    is_own_folder,
    private_folder,
    tighten,
)
from workshop_tui.printable import printable
from workshop_tui.storage import integrity
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
    where = printable(str(path))
    _refuse_what_is_not_a_file(path, where)
    if readonly:
        return _open_readonly(path, where)
    _prepare_folder(path, where)
    if path.exists() and path.stat().st_size > 0:
        check_header(path, where)
        inspect_file(path, where)
    _make_private(path)
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
    """Read the marks of an existing database through a read-only connection, and check it.

    A file that is neither blank nor a workshop-tui database of a schema this
    version knows, or that misses a table or column of its schema, or holds a
    value this version cannot read in its small tables, is refused.
    """
    engine = make_engine(sqlite_url(path, readonly=True))
    try:
        with storage_errors(where), engine.connect() as connection:
            objects = connection.exec_driver_sql("SELECT count(*) FROM sqlite_master").scalar_one()
            check = connection.exec_driver_sql("PRAGMA quick_check").scalars().all()
            state = FileState(
                application_id=application_id(connection),
                schema_version=schema_version(connection),
                objects=int(objects),
                intact=check == ["ok"],
            )
            if state.blank and state.intact:
                return state
            _check_state(state, where)
            expected = _columns_of_version(state.schema_version)
            found = integrity.check_schema(connection, state.schema_version, where, expected)
            integrity.check_session_level(connection, where, found)
            return state
    finally:
        engine.dispose()


@cache
def _columns_of_version(version: int) -> dict[str, tuple[str, ...]]:
    """The tables and columns of schema ``version``: ``tables`` for this one, else built.

    An older file's schema is built by migrating an empty database in memory to it, so
    an upgrade is refused, like any other open, before a step touches the file.
    """
    if version == SCHEMA_VERSION:
        return integrity.schema_columns()
    engine = make_engine("sqlite://")
    try:
        migrate(engine, target=version)
        with engine.connect() as connection:
            rows = connection.exec_driver_sql(
                "SELECT m.name, p.name FROM sqlite_master AS m "
                "JOIN pragma_table_info(m.name) AS p WHERE m.type = 'table'"
            ).all()
    finally:
        engine.dispose()
    columns: dict[str, tuple[str, ...]] = {}
    for table, column in rows:
        if table != "alembic_version":  # Alembic's own: a file the last release before
            columns[table] = (*columns.get(table, ()), column)  # Alembic made has none
    return columns


def _open_readonly(path: Path, where: str) -> SqlSessionStore:
    if not path.is_file() or path.stat().st_size == 0:
        raise StoreError(f"{where} holds no workshop-tui sessions yet; start a session first")
    check_header(path, where)
    state = inspect_file(path, where)
    if state.blank:
        raise DatabaseDamaged(where)
    if state.schema_version < SCHEMA_VERSION:
        raise SchemaTooOld(where, found=state.schema_version, known=SCHEMA_VERSION)
    _tighten_existing(path)  # reading it is enough to take others' access away
    return SqlSessionStore(make_engine(sqlite_url(path, readonly=True)), where=where, readonly=True)


def _refuse_what_is_not_a_file(path: Path, where: str) -> None:
    """A folder, a pipe or a device at the database's path is named, never opened."""
    try:
        mode = path.stat().st_mode
    except (FileNotFoundError, NotADirectoryError):  # a new file; its folder is checked next
        return
    except OSError as error:  # a symlink loop, a name too long...
        raise StoreError(f"{where} cannot be opened ({error.strerror})") from error
    if stat.S_ISDIR(mode):
        raise StoreError(f"{where} is a folder, not a database file; choose a file with --db")
    if not stat.S_ISREG(mode):
        raise StoreError(f"{where} is not a regular file; choose a database file with --db")


def _make_private(path: Path) -> None:
    """Create the database file owner-only, or take others' access away from an existing one."""
    try:
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_FILE))
        return
    except FileExistsError:
        pass
    except OSError:
        return  # SQLite will say why it cannot create it, in its own words
    _tighten_existing(path)


def _tighten_existing(path: Path) -> None:
    """Take others' access away from a database of ours and its side files (and our folder)."""
    for companion in (path, path.with_name(f"{path.name}-wal"), path.with_name(f"{path.name}-shm")):
        tighten(companion, PRIVATE_FILE)
    if is_own_folder(path.parent):
        tighten(path.parent, PRIVATE_FOLDER)


def _prepare_folder(path: Path, where: str) -> None:
    """Create the folder (owner-only); refuse early when the file or folder cannot be written."""
    try:
        private_folder(path.parent)
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
