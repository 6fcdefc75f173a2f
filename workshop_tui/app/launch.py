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
    team: StoreLocation | None = None
    """The team store a laptop pushes its sessions to (``team`` in the settings)."""
    facilitator: str = ""
    """Who runs the app (``facilitator`` in the settings): set-up offers it."""
    current_script: bool = False
    """Renegotiate with the script file as it is now, not the copy stored with the session."""

    @property
    def location(self) -> StoreLocation:
        """The store, as a ``StoreLocation`` however it was given."""
        if isinstance(self.store, StoreLocation):
            return self.store
        return StoreLocation(path=Path(self.store))
