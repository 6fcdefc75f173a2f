"""What the session engine needs from a store. The storage package implements it."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import TYPE_CHECKING, Protocol

from workshop_tui.domain.kinds import SessionState
from workshop_tui.domain.records import Record
from workshop_tui.domain.snapshot import PartTiming, SessionSetup, SessionSnapshot, SessionSummary

if TYPE_CHECKING:
    from workshop_tui.content.model import Script


class StoreError(Exception):
    """The store cannot do what was asked; the message is one sentence for the user."""


class SessionNotFound(StoreError):
    """No session has that id."""


class SessionStore(Protocol):
    """Durable storage of sessions. Every call that writes commits before it returns."""

    def create_session(
        self,
        script: Script,
        script_source: str,
        setup: SessionSetup,
        timings: Sequence[PartTiming],
        at: datetime,
    ) -> int:
        """Store a new session of ``script`` (a copy of it as run) and return its id."""
        ...

    def save_setup(self, session_id: int, setup: SessionSetup, at: datetime) -> None:
        """Replace who is in the room and which materials are ticked."""
        ...

    def save_progress(
        self,
        session_id: int,
        *,
        state: SessionState,
        current_part: int,
        timings: Sequence[PartTiming],
        at: datetime,
    ) -> None:
        """Store the session's state, its current part and the given part timings."""
        ...

    def add_record(self, session_id: int, record: Record) -> int:
        """Append one record and return its id."""
        ...

    def add_records(self, session_id: int, records: Sequence[Record]) -> list[int]:
        """Append several records in one transaction (all or none); return their ids in order."""
        ...

    def touch(self, session_id: int, at: datetime) -> None:
        """Note that the session was alive at ``at`` (a heartbeat while a part runs)."""
        ...

    def load_session(self, session_id: int) -> tuple[Script, SessionSnapshot]:
        """The script as it was run and everything the session stored."""
        ...

    def latest_unfinished(self) -> int | None:
        """The id of the most recently active unfinished session, if any."""
        ...

    def list_sessions(self) -> list[SessionSummary]:
        """Every session, newest first."""
        ...
