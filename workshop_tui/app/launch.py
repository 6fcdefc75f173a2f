"""What the command line asks of the console: the database, the scripts, what to open."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from workshop_tui.locations import StoreLocation


@dataclass(frozen=True)
class Launch:
    """What the command line asked for."""

    store: StoreLocation | Path
    """The store: a SQLite file, or a team's PostgreSQL server (``locations.store_location``)."""
    scripts_dirs: tuple[Path, ...] = ()
    script_ref: str | None = None
    session_id: int | None = None
    resume_latest: bool = False
    exports_dir: Path | None = None
    renegotiate: int | None = None
    """A finished session whose agreement a new session renegotiates (set-up first)."""
    facilitator: str = ""
    """Who runs the app (``facilitator`` in the settings): set-up offers it."""
    current_script: bool = False
    """Renegotiate with the script file as it is now, not the copy stored with the session."""
