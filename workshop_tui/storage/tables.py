"""The tables of a workshop-tui database, as SQLModel classes.

They describe the schema of the newest version; ``migrations`` builds it step
by step, and a test checks that both agree. Repositories read and write these
tables with SQLAlchemy Core (``Row.__table__``), never through ORM objects.

Records are append-only: each record table keeps every revision, and revisable
kinds carry the ``key`` that ties revisions of one thing together.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import JSON, Column, Index, String, Table, UniqueConstraint
from sqlmodel import Field, SQLModel

from workshop_tui.storage.coltypes import UTCDateTime


def _session_fk() -> Any:
    return Field(foreign_key="sessions.id", ondelete="CASCADE")


class ScriptRow(SQLModel, table=True):
    """A copy of a facilitation script as it was run, stored once per content."""

    __tablename__ = "scripts"

    id: int | None = Field(default=None, primary_key=True)
    script_id: str
    title: str
    content_hash: str = Field(unique=True)
    source: str
    """The YAML text the script was loaded from."""
    model_json: str
    """The validated script as JSON, so loading needs no YAML parse."""


class SessionRow(SQLModel, table=True):
    """One run of a script with one customer."""

    __tablename__ = "sessions"
    __table_args__ = (Index("ux_sessions_uid", "uid", unique=True),)

    id: int | None = Field(default=None, primary_key=True)
    script_row_id: int = Field(foreign_key="scripts.id")
    customer: str
    facilitator: str
    state: str
    current_part: int
    created_at: datetime = Field(sa_type=UTCDateTime)
    started_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    finished_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    last_seen_at: datetime = Field(sa_type=UTCDateTime)
    materials_checked: list[str] = Field(sa_type=JSON)
    revision: int = Field(sa_column_kwargs={"server_default": "0"})
    """Moves on with every write: a write carries the revision it was based on and is
    refused if the row has moved since (compare-and-set; added by schema 3)."""
    renegotiates: int | None = Field(default=None, foreign_key="sessions.id")
    """The earlier session whose agreement this one renegotiates (schema 5)."""
    uid: str | None = Field(default=None, max_length=32)
    """Who it is across stores (schema 7): the same session on a laptop and a team store."""
    origin: str = Field(
        default="", sa_column=Column("origin", String, nullable=False, server_default="")
    )
    """The uid of the team store it was pulled from; '' for a session made in this store."""
    supplier: str = Field(sa_column_kwargs={"server_default": ""})
    """The supplier's organisation, beside the customer's (schema 9)."""


class SessionLockRow(SQLModel, table=True):
    """The workshop-tui that holds a session for writing: one writer per session (schema 3)."""

    __tablename__ = "session_locks"

    session_id: int = Field(primary_key=True, foreign_key="sessions.id", ondelete="CASCADE")
    holder: str
    """A random token of the store that holds it."""
    pid: int
    host: str
    since: datetime = Field(sa_type=UTCDateTime)


class ParticipantRow(SQLModel, table=True):
    """Somebody in the room, in the order they were listed."""

    __tablename__ = "participants"
    __table_args__ = (UniqueConstraint("session_id", "position"),)

    id: int | None = Field(default=None, primary_key=True)
    session_id: int = _session_fk()
    position: int
    name: str
    role: str
    side: str = Field(sa_column_kwargs={"server_default": ""})
    """ "customer", "supplier" or empty: whose side the person is on (schema 9)."""
    delegate_for: str = Field(sa_column_kwargs={"server_default": ""})
    """Whom the person signs for, as a delegate named once for the session (schema 9)."""
    joined_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    """When a latecomer joined the session that was running (schema 9)."""
    left_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    """When the person left the session (schema 9)."""


class PartTimingRow(SQLModel, table=True):
    """Planned and actual time of one part of a session."""

    __tablename__ = "part_timings"
    __table_args__ = (
        UniqueConstraint("session_id", "position"),
        UniqueConstraint("session_id", "part_id"),
    )

    id: int | None = Field(default=None, primary_key=True)
    session_id: int = _session_fk()
    position: int
    part_id: str
    planned_seconds: int
    extra_seconds: int
    elapsed_seconds: float
    running_since: datetime | None = Field(default=None, sa_type=UTCDateTime)
    started_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    finished_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    skipped: bool
    removed_seconds: int
    """All the time taken away from the part (schema 4); ``extra_seconds`` is the net change."""


class _RecordColumns(SQLModel):
    """What every record row has: its session, its part and when it happened."""

    id: int | None = Field(default=None, primary_key=True)
    session_id: int = _session_fk()
    part_id: str
    at: datetime = Field(sa_type=UTCDateTime)
    uid: str | None = Field(default=None, max_length=32)
    """Who it is across stores: a laptop's record pushed to a team store keeps it (schema 7)."""


def _by_session(table: str) -> tuple[Index, Index]:
    """The index that reads one session's records in order (added by schema 2), and the one
    that finds a record by its uid (schema 7)."""
    return (
        Index(f"ix_{table}_session_id_id", "session_id", "id"),
        Index(f"ux_{table}_uid", "uid", unique=True),
    )


class NoteRow(_RecordColumns, table=True):
    __tablename__ = "notes"
    __table_args__ = _by_session("notes")

    text: str
    key: str
    """Ties a note's corrections together (schema 4)."""
    retracted: bool
    reason: str
    private: bool = Field(sa_column_kwargs={"server_default": "0"})
    """The facilitator's own: never on the room view, never in the agreement (schema 9)."""


class ClassificationRow(_RecordColumns, table=True):
    __tablename__ = "classifications"
    __table_args__ = _by_session("classifications")

    key: str
    item: str
    domain: str | None = None
    """The Cynefin domain; empty for an item added and not placed yet (schema 9)."""
    rationale: str
    carried_from: int | None = None
    """The session the item was carried over from (schema 5)."""


class PromiseRow(_RecordColumns, table=True):
    __tablename__ = "promises"
    __table_args__ = _by_session("promises")

    key: str
    party: str
    text: str
    status: str
    owner: str
    note: str
    reason: str
    carried_from: int | None = None
    """The session the promise was carried over from (schema 5)."""


class SignOffRow(_RecordColumns, table=True):
    __tablename__ = "signoffs"
    __table_args__ = _by_session("signoffs")

    section_id: str
    section_title: str
    person: str
    role: str
    initials: str
    wording: str
    """Exactly the text that was initialled (schema 4)."""
    kind: str
    reason: str


class DecisionRow(_RecordColumns, table=True):
    __tablename__ = "decisions"
    __table_args__ = _by_session("decisions")

    key: str
    question: str
    method: str
    outcome: str
    agreed: bool | None = None
    votes: dict[str, int] = Field(sa_type=JSON)
    rounds: list[dict[str, int]] = Field(sa_type=JSON)
    objections: list[dict[str, str]] = Field(sa_type=JSON)
    advised: str
    carried_from: int | None = None
    """The session the decision was carried over from (schema 5)."""


class ActionRow(_RecordColumns, table=True):
    __tablename__ = "actions"
    __table_args__ = _by_session("actions")

    key: str
    text: str
    owner: str
    due: date | None = None
    done: bool
    reason: str
    dropped: bool
    """Taken off the list, not done (schema 5)."""
    carried_from: int | None = None
    """The session the action was carried over from (schema 5)."""


class SessionEventRow(_RecordColumns, table=True):
    """Something that happened to a session: reopened to correct it, a review date set,
    re-attached to another customer."""

    __tablename__ = "session_events"
    __table_args__ = _by_session("session_events")

    kind: str
    reason: str
    review_on: date | None = None
    reopened_finish: datetime | None = Field(default=None, sa_type=UTCDateTime)
    customer: str
    """The customer a re-attached session was attached to (schema 5)."""
    customer_was: str
    undoes: list[list[str | int]] | None = Field(default=None, sa_type=JSON)
    """What an undo took back: ``[kind, id]`` of each record (``EventKind.UNDONE``, schema 9)."""


class RoomViewRow(SQLModel, table=True):
    """A room view following the store, and when it last said so (schema 5).

    Its heartbeat is the only thing a room view writes: the console reads it to
    show "room view connected"; a row not renewed for a few seconds is gone.
    """

    __tablename__ = "room_views"

    token: str = Field(primary_key=True)
    following: int | None = None
    """The session it shows (none while it waits for one)."""
    pid: int
    host: str
    seen_at: datetime = Field(sa_type=UTCDateTime)


class RoomBlankRow(SQLModel, table=True):
    """Whether the console asked the room view to go blank, as a projector at a break (schema 5)."""

    __tablename__ = "room_blanks"

    session_id: int = Field(primary_key=True, foreign_key="sessions.id", ondelete="CASCADE")
    blanked: bool
    at: datetime = Field(sa_type=UTCDateTime)


class StoreFactRow(SQLModel, table=True):
    """What a store knows of itself: its own uid (schema 7)."""

    __tablename__ = "store_facts"

    key: str = Field(primary_key=True)
    value: str


class PushStateRow(SQLModel, table=True):
    """The last push of a session between this store and a peer (schema 7).

    On a laptop the peer is the team store it pushes to; on a team store, the laptop that
    pushed. Either side can so tell its own last push from a change made by anyone else.
    """

    __tablename__ = "push_state"

    session_id: int = Field(primary_key=True, foreign_key="sessions.id", ondelete="CASCADE")
    peer: str = Field(primary_key=True, max_length=32)
    """The other store's uid."""
    pushed_revision: int
    """The session's revision on the laptop when it was pushed."""
    team_session: int
    """The session's id in the team store."""
    team_revision: int
    """Its revision in the team store right after that push."""
    cursors: dict[str, int] = Field(sa_type=JSON)
    """Per record table, the highest id on the laptop pushed (the laptop's own row)."""
    pushed_at: datetime = Field(sa_type=UTCDateTime)


class RoomCueRow(SQLModel, table=True):
    """What the console tells the room view beside the session (schema 8): the item and the
    prompt in play, the break and the theme. A signal, not a record: one row per session,
    replaced as the facilitator moves; never exported, never part of the session's revision."""

    __tablename__ = "room_cues"

    session_id: int = Field(primary_key=True, foreign_key="sessions.id", ondelete="CASCADE")
    part_index: int | None = None
    """The part the selection was made on."""
    item: str | None = None
    prompt: int | None = None
    back_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    theme: str | None = None
    closed: bool | None = None
    """The facilitator closed the finished session's closing screen."""
    at: datetime = Field(sa_type=UTCDateTime)


def table(row: type[SQLModel]) -> Table:
    """The Core table behind a row class."""
    return row.__table__  # type: ignore[attr-defined, no-any-return]


ALL_TABLES: tuple[Table, ...] = tuple(
    table(row)
    for row in (
        ScriptRow,
        SessionRow,
        SessionLockRow,
        ParticipantRow,
        PartTimingRow,
        NoteRow,
        ClassificationRow,
        PromiseRow,
        SignOffRow,
        DecisionRow,
        ActionRow,
        SessionEventRow,
        RoomViewRow,
        RoomBlankRow,
        StoreFactRow,
        PushStateRow,
        RoomCueRow,
    )
)
"""Every table of the schema, parents before children."""
