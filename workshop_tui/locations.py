"""Where workshop-tui keeps its files: data, config and the user's own scripts.

The folders come from platformdirs; ``WORKSHOP_DATA_DIR`` and
``WORKSHOP_CONFIG_DIR`` move them (the tests point them at a temp folder),
and ``WORKSHOP_DB`` or ``--db`` choose another database file.
"""

from __future__ import annotations

import os
from pathlib import Path

APP_NAME = "workshop-tui"
DB_ENV = "WORKSHOP_DB"
DATA_ENV = "WORKSHOP_DATA_DIR"
CONFIG_ENV = "WORKSHOP_CONFIG_DIR"


def data_dir() -> Path:
    """The folder for the database and exports."""
    if override := os.environ.get(DATA_ENV):
        return Path(override)
    from platformdirs import user_data_path

    return user_data_path(APP_NAME, appauthor=False)


def config_dir() -> Path:
    """The folder for settings and the user's own scripts."""
    if override := os.environ.get(CONFIG_ENV):
        return Path(override)
    from platformdirs import user_config_path

    return user_config_path(APP_NAME, appauthor=False)


def user_scripts_dir() -> Path:
    """Where a facilitator keeps scripts of their own."""
    return config_dir() / "scripts"


def database_path(explicit: str | os.PathLike[str] | None = None) -> Path:
    """The SQLite file to use: ``--db``, then ``WORKSHOP_DB``, then the data folder."""
    if explicit:
        return Path(explicit).expanduser()
    if override := os.environ.get(DB_ENV):
        return Path(override).expanduser()
    return data_dir() / "workshop.db"


def exports_dir() -> Path:
    """Where exported notes go unless a path is given."""
    return data_dir() / "exports"
