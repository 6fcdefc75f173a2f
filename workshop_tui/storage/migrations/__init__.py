"""The schema's history, on SQLite and PostgreSQL alike: Alembic revisions (``versions/``).

Revision ``"0006"`` is the baseline: the schema as the last release before Alembic left
it. Revision ids are the schema's numbers, so "schema 7" is revision ``"0007"``.

- **SQLite** (one facilitator's file): opening the file brings it up to date. A file made
  before Alembic (``PRAGMA user_version`` 1 to 5) first takes the frozen steps of
  ``legacy``, then is stamped at the baseline. The file stays marked as workshop-tui's
  (``PRAGMA application_id``) and its schema number stays in ``PRAGMA user_version`` as
  well as in ``alembic_version``, so a file newer than this version is refused from its
  header alone, before SQLite opens it. Every change runs under SQLite's write lock, the
  version re-read under it, so two programs opening one file cannot migrate it twice.
- **PostgreSQL** (a team's store): the schema is changed only by ``workshop store upgrade``,
  run as the database's owner; everyday use reads and writes rows, and a store whose schema
  is behind is refused with what to do.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import inspect

from workshop_tui.storage.database import writer
from workshop_tui.storage.errors import DatabaseDamaged, SchemaTooNew
from workshop_tui.storage.migrations.legacy import APPLICATION_ID
from workshop_tui.storage.migrations.legacy import STEPS as LEGACY_STEPS

if TYPE_CHECKING:
    from sqlalchemy import Connection, Engine

__all__ = ["APPLICATION_ID", "BASELINE", "SCHEMA_VERSION", "migrate", "schema_version"]

BASELINE = 6
"""The schema the first Alembic revision creates, and where files made before it are stamped."""

SCHEMA_VERSION = 9
"""The schema this version of workshop-tui reads and writes (the newest revision's number;
a test holds the two equal)."""

HERE = Path(__file__).parent
SERVER_LOCK = int.from_bytes(b"WKSHMIGR", "big") >> 1
"""The PostgreSQL advisory lock held while a team store's schema changes."""


def revision_id(version: int) -> str:
    return f"{version:04d}"


def schema_version(connection: Connection) -> int:
    """The schema the database holds (0 for a new one)."""
    if connection.dialect.name == "sqlite":
        return int(connection.exec_driver_sql("PRAGMA user_version").scalar_one())
    if not inspect(connection).has_table("alembic_version"):
        return 0
    found = connection.exec_driver_sql("SELECT version_num FROM alembic_version").scalar()
    return int(found) if found else 0


def application_id(connection: Connection) -> int:
    """The application id of a SQLite file (0 when none)."""
    return int(connection.exec_driver_sql("PRAGMA application_id").scalar_one())


def migrate(engine: Engine, *, target: int = SCHEMA_VERSION, where: str = "the database") -> int:
    """Bring the database up to ``target``; return the schema it holds now.

    A database newer than this version of workshop-tui is refused untouched, and so is a
    SQLite file another program marked or filled: tables are only ever created in an
    empty file.
    """
    if engine.dialect.name != "sqlite":
        return _migrate_server(engine, target, where)
    with engine.connect() as connection:
        version = _checked_version(connection, where)
    if version >= target:
        return version
    with writer(engine).begin() as connection:
        version = _checked_version(connection, where)  # again, under the write lock
        if version == 0 and target >= BASELINE:
            _alembic(connection, "upgrade", revision_id(target))
            connection.exec_driver_sql(f"PRAGMA application_id = {APPLICATION_ID}")
        else:
            for step in LEGACY_STEPS:
                if version < step.version <= target:
                    step.apply(connection)
            if target > BASELINE:
                if version < BASELINE or not inspect(connection).has_table("alembic_version"):
                    _alembic(connection, "stamp", revision_id(BASELINE))
                _alembic(connection, "upgrade", revision_id(target))
        connection.exec_driver_sql(f"PRAGMA user_version = {target}")
    return target


def _migrate_server(engine: Engine, target: int, where: str) -> int:
    """A team store's schema, changed in one transaction under an advisory lock."""
    with engine.begin() as connection:
        connection.exec_driver_sql(f"SELECT pg_advisory_xact_lock({SERVER_LOCK})")
        version = schema_version(connection)
        if version > SCHEMA_VERSION:
            raise SchemaTooNew(where, found=version, known=SCHEMA_VERSION)
        if version < target:
            _alembic(connection, "upgrade", revision_id(target))
            version = target
    return version


def _alembic(connection: Connection, command_name: str, revision: str) -> None:
    """Run an Alembic command on ``connection``, in its transaction."""
    # late: Alembic loads only when a schema is to be changed, not at every open
    from alembic import command
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(HERE))
    config.attributes["connection"] = connection
    getattr(command, command_name)(config, revision)


def _checked_version(connection: Connection, where: str) -> int:
    version = schema_version(connection)
    mark = application_id(connection)
    if version == 0 and mark == 0:
        objects = connection.exec_driver_sql("SELECT count(*) FROM sqlite_master").scalar_one()
        if objects:
            raise DatabaseDamaged(where)
    elif mark != APPLICATION_ID:
        raise DatabaseDamaged(where)
    elif version > SCHEMA_VERSION:
        raise SchemaTooNew(where, found=version, known=SCHEMA_VERSION)
    return version
