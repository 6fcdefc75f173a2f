"""A team's store on a PostgreSQL server: opened for everyday use, or upgraded by its owner.

Everyday use only reads and writes rows, so a role that may do nothing more is enough; a
store whose schema is behind this version is refused with what to do, never changed. The
schema is changed by ``workshop store upgrade``, run as the database's owner.
"""

from __future__ import annotations

from workshop_tui.locations import StoreLocation
from workshop_tui.storage.database import server_engine
from workshop_tui.storage.errors import SchemaTooNew, StoreError, storage_errors
from workshop_tui.storage.migrations import SCHEMA_VERSION, migrate, schema_version
from workshop_tui.storage.repository import SqlSessionStore


def open_server_store(location: StoreLocation, *, readonly: bool = False) -> SqlSessionStore:
    """The store on the server at ``location``; ``StoreError`` in one sentence if it cannot
    be reached, refuses the login, or holds a schema this version does not read."""
    assert location.url is not None
    where = location.shown
    engine = server_engine(location.url)
    try:
        with storage_errors(where), engine.connect() as connection:
            version = schema_version(connection)
    except BaseException:
        engine.dispose()
        raise
    if version != SCHEMA_VERSION:
        engine.dispose()
        raise _schema_refusal(where, version)
    return SqlSessionStore(engine, where=where, readonly=readonly)


def upgrade_server_store(location: StoreLocation) -> tuple[int, int]:
    """Bring the server's schema up to this version's (as its owner); (before, after)."""
    assert location.url is not None
    where = location.shown
    engine = server_engine(location.url, pool_size=1)
    try:
        with storage_errors(where):
            with engine.connect() as connection:
                before = schema_version(connection)
            after = migrate(engine, where=where)
    finally:
        engine.dispose()
    return before, after


def _schema_refusal(where: str, version: int) -> StoreError:
    if version > SCHEMA_VERSION:
        return SchemaTooNew(where, found=version, known=SCHEMA_VERSION)
    upgrade = f"its owner runs: workshop store upgrade --db '{where}'"
    if version == 0:
        return StoreError(f"the team store {where} has no workshop-tui schema yet; {upgrade}")
    return StoreError(
        f"the team store {where} holds schema {version}, and this workshop-tui needs "
        f"{SCHEMA_VERSION}; {upgrade}"
    )
