"""Where workshop-tui keeps its files (data, config, the user's own scripts) and its store.

The folders come from platformdirs; ``WORKSHOP_DATA_DIR`` and ``WORKSHOP_CONFIG_DIR`` move
them (the tests point them at a temp folder). The store is decided here, in one place:
``--db``, else ``WORKSHOP_DB``, else ``db`` in the config folder's ``config.toml``, else
``workshop.db`` in the data folder. It is a SQLite file's path, or a team's PostgreSQL
server by URL (``postgresql://...``); a URL is never taken for a file name, and its password
is never shown.

Customer notes are nobody else's business: every folder workshop-tui creates is
owner-only (0700, as the XDG base directory spec asks), and so is every file
(0600). Its own data and exports folders are tightened if an older version left
them open; a folder the user chose (``--db``, ``-o``) is never changed.
"""

from __future__ import annotations

import os
import re
import stat
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import parse_qsl, urlencode, urlsplit

from platformdirs import user_config_path, user_data_path

from workshop_tui.settings import SettingsError, load_settings

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


SERVER_SCHEMES = ("postgresql", "postgres", "postgresql+psycopg")
URL_LIKE = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*://")


@dataclass(frozen=True, slots=True)
class StoreLocation:
    """Where the sessions are kept: a SQLite file, or a team's PostgreSQL server by URL."""

    path: Path | None = None
    url: str | None = None
    """The server's URL as given; it may hold a password, so it is never shown (``shown``)."""

    @property
    def is_file(self) -> bool:
        return self.path is not None

    @property
    def shown(self) -> str:
        """How messages name the store: the file's path, or the URL without its password."""
        if self.path is not None:
            return str(self.path)
        return hide_password(self.url or "")

    def __str__(self) -> str:
        return self.shown

    def __repr__(self) -> str:
        return f"StoreLocation({self.shown!r})"


def store_location(explicit: str | os.PathLike[str] | None = None) -> StoreLocation:
    """The store to use: ``--db``, then ``WORKSHOP_DB``, then the config file's, then the
    data folder's file. ``SettingsError`` for a URL of a database workshop-tui cannot use."""
    if explicit:
        return parse_location(os.fspath(explicit), "--db")
    if override := os.environ.get(DB_ENV):
        return parse_location(override, DB_ENV)
    settings = load_settings(config_dir())
    if settings.db:
        return parse_location(settings.db, str(config_dir() / "config.toml"))
    return StoreLocation(path=data_dir() / "workshop.db")


def team_location(explicit: str | None = None) -> StoreLocation | None:
    """The team store a laptop pushes to and pulls from: ``--to``/``--from``, else ``team``
    in the settings; None when there is none. ``SettingsError`` unless it is a server."""
    given_by = "--to/--from"
    if not explicit:
        explicit = load_settings(config_dir()).team
        given_by = str(config_dir() / "config.toml")
    if not explicit:
        return None
    location = parse_location(explicit, given_by)
    if location.url is None:
        raise SettingsError(f"{given_by}: a team store is a PostgreSQL server (postgresql://...)")
    return location


def parse_location(text: str, given_by: str) -> StoreLocation:
    """A path, or a URL: ``postgresql://...`` for a team store, ``sqlite:///path`` for a file."""
    if not URL_LIKE.match(text):
        return StoreLocation(path=Path(text).expanduser())
    scheme = text.split("://", 1)[0].lower()
    if scheme == "sqlite":
        path = text.split(":///", 1)[1] if ":///" in text else ""
        if not path:
            raise SettingsError(f"{given_by}: a sqlite:/// URL needs the file's path")
        return StoreLocation(path=Path(path).expanduser())
    if scheme not in SERVER_SCHEMES:
        raise SettingsError(
            f"{given_by}: {scheme}:// is not a store workshop-tui can use "
            "(a SQLite file's path, or postgresql://...)"
        )
    return StoreLocation(url=text)


def hide_password(url: str) -> str:
    """``url`` with any password in it (user:password@, or ?password=) shown as ``***``."""
    parts = urlsplit(url)
    query = parse_qsl(parts.query, keep_blank_values=True)
    in_query = any(key.lower() == "password" for key, _ in query)
    if parts.password is None and not in_query:
        return url
    netloc = parts.netloc
    if parts.password is not None:
        user, _, host = netloc.rpartition("@")
        netloc = f"{user.split(':', 1)[0]}:***@{host}"
    hidden = urlencode([(k, "***" if k.lower() == "password" else v) for k, v in query], safe="*")
    return f"{parts.scheme}://{netloc}{parts.path}" + (f"?{hidden}" if hidden else "")


def database_path(explicit: str | os.PathLike[str] | None = None) -> Path:
    """The SQLite file to use when the store is a file (``store_location``'s path)."""
    location = store_location(explicit)
    if location.path is None:
        raise SettingsError(f"{location.shown} is a team store, not a file")
    return location.path


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
