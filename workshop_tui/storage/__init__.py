"""The durable SQLite store of sessions.

Importing this package is cheap: SQLAlchemy and SQLModel load only when a name
below is first used. ``open_store(path)`` is the way in.
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

_HOMES = {
    "open_store": "workshop_tui.storage.opener",
    "SqlSessionStore": "workshop_tui.storage.repository",
    "DatabaseDamaged": "workshop_tui.storage.errors",
    "DatabaseLocked": "workshop_tui.storage.errors",
    "DatabaseReadOnly": "workshop_tui.storage.errors",
    "SchemaTooNew": "workshop_tui.storage.errors",
    "SchemaTooOld": "workshop_tui.storage.errors",
}

__all__ = sorted(_HOMES)


def __getattr__(name: str) -> Any:
    if name in _HOMES:
        return getattr(import_module(_HOMES[name]), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
