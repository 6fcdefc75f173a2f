"""What a facilitator (or a team) sets once: ``config.toml`` in the config folder.

    team = "postgresql://ana@team-db.example.org/workshops?sslmode=require"
    facilitator = "Ana Lima"

``team`` is the team's store a laptop pushes its sessions to (and pulls customers from),
while it runs them on its own file; ``db`` is the store every command works on, unless
``--db`` or ``WORKSHOP_DB`` names another (a SQLite file, or a team store used directly, as
on the room's PC); ``facilitator`` is who "mine" is (``--mine``) and the name set-up offers.
Each may be left out. ``WORKSHOP_FACILITATOR`` overrides ``facilitator``. A file that cannot
be read is one sentence naming the file and the line.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass
from pathlib import Path

CONFIG_FILE = "config.toml"
FACILITATOR_ENV = "WORKSHOP_FACILITATOR"
KNOWN = ("db", "team", "facilitator")


class SettingsError(ValueError):
    """The settings file cannot be used; the message names the file and what is wrong."""


@dataclass(frozen=True, slots=True)
class Settings:
    db: str | None = None
    """The store: a SQLite file's path or a PostgreSQL URL."""
    team: str | None = None
    """The team store this laptop pushes to: a PostgreSQL URL."""
    facilitator: str | None = None
    """Who is running the app: the name sessions are facilitated under."""


def load_settings(folder: Path) -> Settings:
    """The settings in ``folder``'s ``config.toml`` (none when there is no file)."""
    path = folder / CONFIG_FILE
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return _with_environment(Settings())
    except (OSError, UnicodeDecodeError) as error:
        raise SettingsError(f"{path} cannot be read ({_why(error)})") from None
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise SettingsError(f"{path}: {error}") from None
    unknown = sorted(set(data) - set(KNOWN))
    if unknown:
        raise SettingsError(
            f"{path}: unknown setting {unknown[0]!r} (the settings are: {', '.join(KNOWN)})"
        )
    for name in KNOWN:
        if name in data and (not isinstance(data[name], str) or not data[name].strip()):
            raise SettingsError(f"{path}: {name} must be a text in quotes, not empty")
    return _with_environment(Settings(data.get("db"), data.get("team"), data.get("facilitator")))


def _with_environment(settings: Settings) -> Settings:
    if name := os.environ.get(FACILITATOR_ENV, "").strip():
        return Settings(settings.db, settings.team, name)
    return settings


def _why(error: Exception) -> str:
    return error.strerror if isinstance(error, OSError) and error.strerror else "not UTF-8 text"
