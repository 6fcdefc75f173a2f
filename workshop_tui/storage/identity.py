"""Who a row and a store are, across stores: uids of 32 hex digits, unique across laptops."""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING

from sqlalchemy import select

from workshop_tui.storage.database import upsert
from workshop_tui.storage.tables import StoreFactRow, table

if TYPE_CHECKING:
    from sqlalchemy import Connection

_facts = table(StoreFactRow)
STORE_UID = "store_uid"
TEAM_UID = "team_uid"
"""On a laptop, the uid of the team store it last pushed to."""


def new_uid() -> str:
    """A new identity: a random UUID's 32 hex digits."""
    return uuid.uuid4().hex


def store_uid(connection: Connection) -> str:
    """This store's own uid (given by the migration that made the store able to sync)."""
    found = connection.execute(
        select(_facts.c.value).where(_facts.c.key == STORE_UID)
    ).scalar_one_or_none()
    if found is None:
        raise LookupError("this store has no uid of its own")
    return str(found)


def fact(connection: Connection, key: str) -> str | None:
    """What the store says of itself under ``key`` (None: nothing)."""
    found = connection.execute(select(_facts.c.value).where(_facts.c.key == key)).scalar()
    return None if found is None else str(found)


def remember(connection: Connection, key: str, value: str) -> None:
    """Keep ``value`` under ``key`` (replacing what was there)."""
    statement = upsert(connection, _facts).values(key=key, value=value)
    connection.execute(
        statement.on_conflict_do_update(index_elements=["key"], set_={"value": value})
    )
