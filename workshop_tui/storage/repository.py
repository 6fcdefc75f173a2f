"""``SqlSessionStore``: the ``SessionStore`` port over SQLite or PostgreSQL (SQLAlchemy Core).

Each write is one short transaction (on SQLite ``BEGIN IMMEDIATE``; on PostgreSQL the
session's row is locked by the compare-and-set or the claim) that also moves the
session's ``last_seen_at``, and is committed (with ``synchronous=FULL`` on SQLite) before
the call returns; on PostgreSQL it also notifies the room views that follow the store.
Reads run in one transaction, so a read-only follower sees a consistent session while the
facilitator keeps writing, and build domain objects straight from Core rows: ORM objects
cost too much at 10k records.

One writer per session (see ``claims``): a store opens a session for writing
(``open_session``, or ``create_session``) before it writes to it, and each
write is a compare-and-set on the session's ``revision``: the UPDATE that marks
the session as seen also moves the revision on, and matches only the revision
this store last read or wrote.
A store whose view is stale (another writer bypassed or took over the claim)
gets ``SessionChanged`` and writes nothing; the check costs no extra statement.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager, suppress
from datetime import datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import delete, insert, select, text, update

from workshop_tui.domain.kinds import SessionState
from workshop_tui.domain.records import ActionItem, Record, SessionEvent
from workshop_tui.domain.room_cue import InPlay, RoomCue
from workshop_tui.domain.snapshot import (
    PartTiming,
    SessionSetup,
    SessionSnapshot,
    SessionSummary,
    TimingRun,
)
from workshop_tui.storage import claims, reading, room_signals, team_reads
from workshop_tui.storage import session_rows as rows
from workshop_tui.storage.database import NOTIFY_CHANNEL, upsert, writer
from workshop_tui.storage.errors import (
    DatabaseReadOnly,
    StoreError,
    not_held,
    session_changed,
    storage_errors,
    unknown_session,
)
from workshop_tui.storage.identity import new_uid
from workshop_tui.storage.record_rows import KIND_OF
from workshop_tui.storage.script_codec import content_hash, script_to_json

if TYPE_CHECKING:
    from sqlalchemy import Connection, Engine

    from workshop_tui.content.model import Script


NOTIFY_FOLLOWERS = text("SELECT pg_notify(:channel, :session)")
"""Sent with the session written (or nothing: every follower looks), so a room view is woken
by its own session's commits only."""


class SqlSessionStore:
    """Sessions and their records in one SQLite file or one team store (see ``open_store``)."""

    def __init__(self, engine: Engine, *, where: str | None = None, readonly: bool = False):
        self._engine = engine
        self._writer = writer(engine)
        self.where = where or str(engine.url.database)
        """How error messages name the file."""
        self.readonly = readonly
        self._holder = claims.Holder.of_this_process()
        self._committed: list[Callable[[], object]] = []
        """Told after every write is committed (the laptop's push wakes up at once)."""
        self._tells_followers = engine.dialect.name == "postgresql"
        """A team store's room views LISTEN for a NOTIFY (a file's are told by SQLite)."""
        self._revisions: dict[int, int] = {}
        """The revision of each session this store holds, as it last read or wrote it."""

    def after_commit(self, listener: Callable[[], object]) -> None:
        """Call ``listener`` after every write this store commits (from the writing thread)."""
        self._committed.append(listener)

    @property
    def engine(self) -> Engine:
        """The store's engine, for what works across two stores (``storage.sync``)."""
        return self._engine

    # -- life cycle -------------------------------------------------------------

    def close(self) -> None:
        """Release every session this store holds, then the file (pooled connections)."""
        for session_id in list(self._revisions):
            # If the file went away or broke, the claim left behind goes stale and is taken over.
            with suppress(StoreError):
                self.release(session_id)
        self._engine.dispose()

    def __enter__(self) -> SqlSessionStore:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    @contextmanager
    def _write(self, session_id: int | None = None) -> Iterator[Connection]:
        """One committed transaction that holds SQLite's write lock from its start."""
        self._refuse_if_following()
        with storage_errors(self.where), self._writer.begin() as connection:
            yield connection
            if self._tells_followers:  # sent when the transaction commits, not before
                written = "" if session_id is None else str(session_id)
                connection.execute(
                    NOTIFY_FOLLOWERS, {"channel": NOTIFY_CHANNEL, "session": written}
                )
        for listener in self._committed:
            listener()

    @contextmanager
    def _write_session(
        self, session_id: int, statement: Any = rows.MARK_SEEN, values: dict[str, Any] | None = None
    ) -> Iterator[Connection]:
        """A write to a session this store holds, starting with the compare-and-set.

        ``statement`` (by default: mark the session seen at ``values["at"]``)
        moves the session's revision on, and matches only the revision this
        store holds; the body runs only if it matched, in the same transaction.
        """
        self._refuse_if_following()
        expected = self._revisions.get(session_id)
        if expected is None:
            with self._read() as connection:
                raise self._refusal(connection, session_id, held=False)
        with self._write(session_id) as connection:
            moved = connection.execute(
                statement, {**(values or {}), "session_id": session_id, "revision": expected}
            )
            if moved.rowcount == 0:
                raise self._refusal(connection, session_id)
            yield connection
        self._revisions[session_id] = expected + 1

    def _refuse_if_following(self) -> None:
        if self.readonly:
            raise DatabaseReadOnly(self.where, "it was opened only to follow a session")

    def _refusal(self, connection: Connection, session_id: int, *, held: bool = True) -> StoreError:
        """Why a write to the session was refused: no such session, not held, or stale."""
        exists = connection.execute(
            select(rows.SESSIONS.c.id).where(rows.SESSIONS.c.id == session_id)
        ).first()
        if exists is None:
            return unknown_session(session_id, self.where)
        return session_changed(session_id, self.where) if held else not_held(session_id, self.where)

    @contextmanager
    def _read(self) -> Iterator[Connection]:
        with storage_errors(self.where), self._engine.connect() as connection:
            yield connection

    # -- writes -----------------------------------------------------------------

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

        ``renegotiates`` links it to an earlier session; ``opening`` holds the
        records it opens with. All of it is one transaction.
        """
        model_json = script_to_json(script)
        digest = content_hash(script_source, model_json)
        with self._write() as connection:
            connection.execute(
                upsert(connection, rows.SCRIPTS)
                .values(
                    script_id=script.id,
                    title=script.title,
                    content_hash=digest,
                    source=script_source,
                    model_json=model_json,
                )
                .on_conflict_do_nothing(index_elements=["content_hash"])
            )
            script_row = connection.execute(
                select(rows.SCRIPTS.c.id).where(rows.SCRIPTS.c.content_hash == digest)
            ).scalar_one()
            session_id = int(
                connection.execute(
                    insert(rows.SESSIONS)
                    .returning(rows.SESSIONS.c.id)
                    .values(
                        script_row_id=script_row,
                        customer=setup.customer,
                        facilitator=setup.facilitator,
                        state=SessionState.SETUP.value,
                        current_part=0,
                        created_at=at,
                        last_seen_at=at,
                        materials_checked=list(setup.materials_checked),
                        renegotiates=renegotiates,
                        uid=new_uid(),
                        supplier=setup.supplier,
                    )
                ).scalar_one()
            )
            rows.insert_participants(connection, session_id, setup.participants)
            if timings:
                connection.execute(
                    insert(rows.TIMINGS),
                    [rows.timing_row(session_id, i, t) for i, t in enumerate(timings)],
                )
            rows.insert_records(connection, session_id, opening)
            claims.take(connection, session_id, self._holder, at)
        self._revisions[session_id] = 0
        return session_id

    def open_session(self, session_id: int, at: datetime) -> tuple[Script, SessionSnapshot]:
        """Hold the session for writing and load it, in one write transaction.

        ``SessionInUse`` while another live writer holds it; a claim whose
        process is gone (same machine), or that was not seen for
        ``claims.STALE_AFTER``, is taken over, and so is one of this very
        process. Taking it moves the revision on, so a writer that lost its
        claim cannot write again without reading the session anew. If the
        session cannot be read, nothing is written: the file stays untouched.
        """
        with self._write() as connection:
            revision = claims.claim(connection, session_id, self._holder, at, self.where)
            loaded = reading.read_session(connection, session_id, self.where)
        self._revisions[session_id] = revision
        return loaded

    def release(self, session_id: int) -> None:
        """Let go of a session this store holds (nothing happens if it holds it no more)."""
        if self._revisions.pop(session_id, None) is None:
            return
        with self._write() as connection:
            claims.release(connection, session_id, self._holder)

    def save_setup(self, session_id: int, setup: SessionSetup, at: datetime) -> None:
        """Replace who is in the room and which materials are ticked."""
        with self._write_session(session_id, values={"at": at}) as connection:
            connection.execute(
                update(rows.SESSIONS)
                .where(rows.SESSIONS.c.id == session_id)
                .values(
                    customer=setup.customer,
                    facilitator=setup.facilitator,
                    materials_checked=list(setup.materials_checked),
                    supplier=setup.supplier,
                )
            )
            connection.execute(
                delete(rows.PARTICIPANTS).where(rows.PARTICIPANTS.c.session_id == session_id)
            )
            rows.insert_participants(connection, session_id, setup.participants)

    def save_progress(
        self,
        session_id: int,
        *,
        state: SessionState,
        current_part: int,
        timings: Sequence[PartTiming],
        at: datetime,
    ) -> None:
        """Store the state, the current part and the given timings (matched by part id).

        The session's ``started_at`` is set the first time it leaves setup and
        ``finished_at`` when it finishes (cleared if it is reopened).
        """
        values = {
            "state": state.value,
            "current_part": current_part,
            "has_started": state != SessionState.SETUP,
            "has_finished": state == SessionState.FINISHED,
            "at": at,
        }
        # one UPDATE marks it seen and moves it on, if no one else did since
        with self._write_session(session_id, rows.SAVE_PROGRESS, values) as connection:
            rows.upsert_timings(connection, session_id, timings)

    def add_record(self, session_id: int, record: Record) -> int:
        """Append one record (its ``id`` is ignored) and return the id it was given."""
        kind = KIND_OF[type(record)]
        row = kind.to_row(record)
        row["session_id"] = session_id
        with self._write_session(session_id, values={"at": record.at}) as connection:
            record_id = connection.execute(rows.INSERT_RECORD[kind.table.name], row).scalar_one()
        return int(record_id)

    def add_records(self, session_id: int, records: Sequence[Record]) -> list[int]:
        """Append several records in one transaction (all or none); return their ids in order."""
        if not records:
            return []
        with self._write_session(session_id, values={"at": records[-1].at}) as connection:
            return rows.insert_records(connection, session_id, records)

    def correct_customer(self, session_id: int, event: SessionEvent) -> int:
        """Re-attach the session to ``event.customer`` and store the event, in one transaction."""
        with self._write_session(session_id, values={"at": event.at}) as connection:
            connection.execute(
                update(rows.SESSIONS)
                .where(rows.SESSIONS.c.id == session_id)
                .values(customer=event.customer)
            )
            (event_id,) = rows.insert_records(connection, session_id, [event])
        return event_id

    def touch(self, session_id: int, at: datetime) -> None:
        """Note that the session was alive at ``at``: the heartbeat that keeps its claim fresh."""
        with self._write_session(session_id, values={"at": at}):
            pass

    def set_room_blank(self, session_id: int, blanked: bool, at: datetime) -> None:
        """Ask the room view following the session to go blank, or to show it again."""
        with self._write_session(session_id, values={"at": at}) as connection:
            room_signals.set_blank(connection, session_id, blanked, at)

    def set_room_in_play(self, session_id: int, in_play: InPlay, at: datetime) -> None:
        """Tell the room view what the facilitator has selected (a signal: the session's
        revision does not move, so it costs the room view no reading of the session)."""
        with self._write_signal(session_id) as connection:
            room_signals.set_in_play(connection, session_id, in_play, at)

    def set_room_break(self, session_id: int, back_at: datetime | None, at: datetime) -> None:
        """Put the room view on a break until ``back_at``, or end the break (None)."""
        with self._write_signal(session_id) as connection:
            room_signals.set_break(connection, session_id, back_at, at)

    def set_room_theme(self, session_id: int, theme: str, at: datetime) -> None:
        """Tell the room view which theme the console shows."""
        with self._write_signal(session_id) as connection:
            room_signals.set_theme(connection, session_id, theme, at)

    def set_room_closed(self, session_id: int, closed: bool, at: datetime) -> None:
        """Tell the room view the facilitator closed the closing screen (False: show it)."""
        with self._write_signal(session_id) as connection:
            room_signals.set_closed(connection, session_id, closed, at)

    @contextmanager
    def _write_signal(self, session_id: int) -> Iterator[Connection]:
        """A write beside a session this store holds, that leaves its revision alone."""
        if session_id not in self._revisions:
            with self._read() as connection:
                raise self._refusal(connection, session_id, held=False)
        with self._write() as connection:
            yield connection

    # -- reads ------------------------------------------------------------------

    def room_cue(self, session_id: int) -> RoomCue:
        """What the console told the room view of the session."""
        with self._read() as connection:
            return room_signals.cue(connection, session_id)

    def room_view_seen(self, session_id: int, since: datetime) -> bool:
        """Whether a room view following the session beat at ``since`` or later."""
        with self._read() as connection:
            return room_signals.seen(connection, session_id, since)

    def room_blanked(self, session_id: int) -> bool:
        """Whether the room view of the session was asked to be blank."""
        with self._read() as connection:
            return room_signals.blanked(connection, session_id)

    def load_session(self, session_id: int) -> tuple[Script, SessionSnapshot]:
        """The script as it was run and every record revision, in insertion order.

        The session's rows are checked first, in the same read transaction;
        ``SessionUnreadable`` names the first value this version cannot read.
        """
        with self._read() as connection:
            return reading.read_session(connection, session_id, self.where)

    def script_source(self, session_id: int) -> str:
        """The text of the script as it was run with the session."""
        with self._read() as connection:
            return reading.script_source(connection, session_id, self.where)

    def latest_unfinished(self) -> int | None:
        """The id of the most recently seen session that has not finished."""
        with self._read() as connection:
            return reading.latest_unfinished(connection)

    def list_sessions(self) -> list[SessionSummary]:
        """Every session, newest first, with how many of its parts are done."""
        with self._read() as connection:
            return reading.list_sessions(connection, self.where)

    def timing_runs(
        self, script_id: str | None = None, facilitator: str | None = None
    ) -> list[TimingRun]:
        """Every session's script and part timings, oldest first (of one script, one
        facilitator, if given)."""
        with self._read() as connection:
            return team_reads.timing_runs(connection, self.where, script_id, facilitator)

    def open_actions(self, session_ids: Sequence[int]) -> dict[int, list[ActionItem]]:
        """The actions still open in each of the given sessions."""
        with self._read() as connection:
            return team_reads.open_actions(connection, session_ids)
