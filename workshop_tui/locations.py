"""Where workshop-tui keeps its files: data, config and the user's own scripts.

The folders come from platformdirs; ``WORKSHOP_DATA_DIR`` and
``WORKSHOP_CONFIG_DIR`` move them (the tests point them at a temp folder),
and ``WORKSHOP_DB`` or ``--db`` choose another database file.

Customer notes are nobody else's business: every folder workshop-tui creates is
owner-only (0700, as the XDG base directory spec asks), and so is every file
(0600). Its own data and exports folders are tightened if an older version left
them open; a folder the user chose (``--db``, ``-o``) is never changed.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from platformdirs import user_config_path, user_data_path

APP_NAME = "workshop-tui"
DB_ENV = "WORKSHOP_DB"
DATA_ENV = "WORKSHOP_DATA_DIR"
CONFIG_ENV = "WORKSHOP_CONFIG_DIR"
PRIVATE_FOLDER = 0o700
PRIVATE_FILE = 0o600


def data_dir() -> Path:
    """The folder for the database and exports."""
    if override := os.environ.get(DATA_ENV):
        return Path(override)

    return user_data_path(APP_NAME, appauthor=False)


def config_dir() -> Path:
    """The folder for settings and the user's own scripts."""
    if override := os.environ.get(CONFIG_ENV):
        return Path(override)

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


def private_folder(folder: Path) -> Path:
    """Create ``folder`` and any missing parents owner-only; return it.

    The data and exports folders are workshop-tui's own, so they are also
    tightened to owner-only when found open to others.
    """
    missing: list[Path] = []
    for parent in (folder, *folder.parents):
        if parent.is_dir():
            break
        missing.append(parent)
    for created in reversed(missing):
        created.mkdir(mode=PRIVATE_FOLDER, exist_ok=True)
    if not missing and is_own_folder(folder):
        tighten(folder, PRIVATE_FOLDER)
    return folder


def tighten(path: Path, mode: int) -> None:
    """Take away what others may do with ``path``, if it is ours; leave it as it is otherwise."""
    try:
        info = path.stat()
        if info.st_uid == os.geteuid() and stat.S_IMODE(info.st_mode) & ~mode:
            path.chmod(stat.S_IMODE(info.st_mode) & mode)
    except (OSError, AttributeError):  # gone, not ours to change, or no geteuid (Windows)
        pass


def is_own_folder(folder: Path) -> bool:
    try:
        here = folder.resolve()
        return here in (data_dir().resolve(), exports_dir().resolve())
    except OSError:
        return False
