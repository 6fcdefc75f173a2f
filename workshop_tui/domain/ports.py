"""What the session engine needs from a store. The storage package implements it."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:  # the contract names them; a reader of StoreError needs none of them
    from workshop_tui.content.model import Script
    from workshop_tui.domain.kinds import SessionState
    from workshop_tui.domain.records import ActionItem, Record, SessionEvent
    from workshop_tui.domain.snapshot import (
        PartTiming,
        SessionSetup,
        SessionSnapshot,
        SessionSummary,
        TimingRun,
    )


class StoreError(Exception):
    """The store cannot do what was asked; the message is one sentence for the user."""


class SessionNotFound(StoreError):
    """No session has that id."""


class SessionInUse(StoreError):
    """Another workshop-tui holds the session for writing: one writer per session."""


class SessionChanged(StoreError):
    """The stored session moved on since this writer read it; its write was refused whole."""


class StoreUnreachable(StoreError):
    """The store cannot be reached just now (a team store's server or network is down):
    nothing was stored; the same action may be tried again when it is back."""


class SessionUnreadable(StoreError):
    """The file holds a value or a shape this version cannot read (damaged or tampered)."""


class SessionStore(Protocol):
    """Durable storage of sessions. Every call that writes commits before it returns.

    One writer per session: a writer opens a session (``open_session``, or
    ``create_session`` for a new one) before it writes to it, and every write is checked against
    the stored revision in its own transaction, so a writer whose view is stale
    gets ``SessionChanged`` instead of overwriting what another one stored.
    Reading needs no claim.
    """

    def create_session(
        self,
        script: Script,
        script_source: str,
        setup: SessionSetup,
        timings: Sequence[PartTiming],
        at: datetime,
        *,
        renegotiates: int | None = None,
        opening: Sequence[Record] = (),
    ) -> int:
        """Store a new session of ``script`` (a copy of it as run) and return its id.

        ``renegotiates`` links it to the earlier session whose agreement it
        renegotiates; ``opening`` holds the records it opens with (carried over),
        stored in the same transaction.
        """
        ...

    def open_session(self, session_id: int, at: datetime) -> tuple[Script, SessionSnapshot]:
        """Hold the session for writing and load it; ``SessionInUse`` while another live
        writer holds it. A hold whose process is gone, or that has not been seen for a
        while (a stale heartbeat), is taken over."""
        ...

    def release(self, session_id: int) -> None:
        """Let go of a session this store holds, so another workshop-tui may open it."""
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

    def correct_customer(self, session_id: int, event: SessionEvent) -> int:
        """Re-attach the session to ``event.customer`` and store the event that says so,
        in one transaction; return the event's id."""
        ...

    def touch(self, session_id: int, at: datetime) -> None:
        """Note that the session was alive at ``at`` (the heartbeat that keeps a claim fresh)."""
        ...

    def load_session(self, session_id: int) -> tuple[Script, SessionSnapshot]:
        """The script as it was run and everything the session stored."""
        ...

    def script_source(self, session_id: int) -> str:
        """The text of the script as it was run with the session (YAML or Markdown)."""
        ...

    def latest_unfinished(self) -> int | None:
        """The id of the most recently active unfinished session, if any."""
        ...

    def list_sessions(self) -> list[SessionSummary]:
        """Every session, newest first."""
        ...

    def timing_runs(
        self, script_id: str | None = None, facilitator: str | None = None
    ) -> list[TimingRun]:
        """Every session's script and part timings, oldest first (of one script, one
        facilitator, if given)."""
        ...

    def open_actions(self, session_ids: Sequence[int]) -> dict[int, list[ActionItem]]:
        """The actions still open in each of the given sessions."""
        ...

    def close(self) -> None:
        """Release every session this store holds, and the file."""
        ...
