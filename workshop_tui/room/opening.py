"""Opening the store for the room view, or waiting calmly until the console creates it.

A facilitator often starts the room view on the projector before the console
has created the database. A file that does not exist yet (or is still empty),
in a folder that does, is therefore waited for; once it appears, the moments
while the console is still creating and migrating it (a schema half built) are
waited through too, for ``CREATING_SECONDS``. A folder that does not exist, or
a file that is not a workshop database, is one sentence and exit status 2.
"""

from __future__ import annotations

import stat
import time
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from workshop_tui.domain.ports import StoreError, StoreUnreachable
from workshop_tui.locations import StoreLocation
from workshop_tui.printable import printable

if TYPE_CHECKING:
    from workshop_tui.storage.following import Follower

CREATING_SECONDS = 10.0
"""How long a database that appeared while the room view waited may take to become one."""


def not_created_yet(path: Path) -> bool:
    """No file at ``path`` yet, or an empty one: what the console opens and builds."""
    try:
        found = path.stat()
    except (FileNotFoundError, NotADirectoryError):
        return True
    except OSError:  # the follower says what is wrong with it
        return False
    return stat.S_ISREG(found.st_mode) and found.st_size == 0


def refusal_before_waiting(path: Path, session_id: int | None, own_folder: bool) -> str | None:
    """Why the room view cannot wait for the database at ``path`` to be created; None: it can.

    ``own_folder``: the folder is workshop-tui's data folder, which the console creates.
    """
    where = printable(str(path))
    if not own_folder and not path.parent.is_dir():
        return f"the folder of {where} does not exist; choose a database file in one that does"
    if session_id is not None:
        return (
            f"{where} holds no workshop yet, so no session {session_id}; "
            "run `workshop room` without a session to wait for the workshop to start"
        )
    return None


class Opening:
    """Tries to open the follower, each call, until it opens or the reason to stop is final."""

    def __init__(
        self,
        location: StoreLocation,
        session_id: int | None,
        now: Callable[[], datetime],
        *,
        awaited: bool,
    ) -> None:
        self.location = location
        self.path = location.path
        self.session_id = session_id
        self._now = now
        self.awaited = awaited
        """The file was not created yet when the room view started: the console is to."""
        self._appeared: float | None = None

    def missing(self) -> bool:
        """Whether the awaited file is still not there (or still empty)."""
        return self.awaited and self.path is not None and not_created_yet(self.path)

    def attempt(self) -> Follower | None:
        """The follower; None while the awaited file is missing or still being created.

        Raises ``StoreError`` (one sentence) when the file will not be followed.
        """
        # late: the database layer loads in the follower's thread, after the first frame
        from workshop_tui.storage.following import Follower

        if self.missing():
            return None
        try:
            return Follower(self.location, self.session_id, now=self._now)
        except StoreUnreachable:
            if self.path is None:  # a team store that is down: wait calmly until it is back
                return None
            raise
        except StoreError:
            if not self.awaited:
                raise
            if self._appeared is None:
                self._appeared = time.monotonic()
            if time.monotonic() - self._appeared > CREATING_SECONDS:
                raise
            return None
