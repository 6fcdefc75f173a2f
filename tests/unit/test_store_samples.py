"""Sample sessions for the store tests, and a check that they cover every record kind."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path
from typing import get_args

from workshop_tui.content.model import Script
from workshop_tui.domain.kinds import (
    CynefinDomain,
    DecisionMethod,
    EventKind,
    InitialKind,
    PromiseStatus,
)
from workshop_tui.domain.records import (
    ActionItem,
    Classification,
    Decision,
    Note,
    Objection,
    Participant,
    Promise,
    Record,
    SessionEvent,
    SignOff,
)
from workshop_tui.domain.snapshot import PartTiming, SessionSetup
from workshop_tui.storage.database import make_engine, sqlite_url, writer
from workshop_tui.storage.migrations import migrate
from workshop_tui.storage.opener import open_store
from workshop_tui.storage.record_rows import KIND_OF
from workshop_tui.storage.repository import SqlSessionStore
from workshop_tui.storage.script_codec import content_hash, script_to_json
from workshop_tui.storage.tables import ParticipantRow, PartTimingRow, ScriptRow, SessionRow, table

T0 = datetime(2026, 11, 21, 9, 0, 0, 123456, tzinfo=UTC)
TRICKY = (
    "  Zoë | “quotes” 'single' \\ back\nsecond line\ttab 🎉👩‍💻 日本語 -- ; DROP TABLE notes;\n"
)

SOURCE = """id: storage-test
title: Storage test
purpose: Exercise every part kind
duration: 1h30m
"""


def sample_script() -> Script:
    """A small script with one part of each interesting kind."""
    return Script.model_validate(
        {
            "id": "storage-test",
            "title": "Storage test — ✨",
            "purpose": "Exercise every part kind",
            "duration": "1h30m",
            "parts": [
                {"name": "Welcome", "duration": "10m", "steps": ["Say hello"]},
                {
                    "name": "Classify",
                    "duration": "20m",
                    "activity": {"kind": "cynefin", "items": ["Hiring", "Budget"]},
                },
                {
                    "name": "Promises",
                    "duration": "15m",
                    "activity": {
                        "kind": "promises",
                        "parties": [{"name": "Lab", "promises": ["Share data"]}, {"name": "Us"}],
                    },
                },
                {
                    "name": "Sign",
                    "duration": "15m",
                    "activity": {
                        "kind": "signoff",
                        "signatories": ["Lead"],
                        "sections": [{"title": "Scope", "text": "What we do"}],
                    },
                },
                {
                    "name": "Decide",
                    "duration": "20m",
                    "activity": {
                        "kind": "decisions",
                        "questions": [
                            {"question": "Go?", "method": "dot_voting", "options": ["A", "B"]}
                        ],
                    },
                },
                {"name": "Follow up", "duration": "10m", "activity": {"kind": "actions"}},
            ],
        }
    )


def sample_setup() -> SessionSetup:
    return SessionSetup(
        customer="Acme | Zoë 🎉",
        facilitator="",
        participants=(Participant("Ana\nMaria", "Lead"), Participant("Bo", "")),
        materials_checked=("Slides", "Post-its | pens"),
    )


def sample_timings(script: Script) -> list[PartTiming]:
    return [PartTiming(part.id, part.duration) for part in script.parts]


def at(seconds: float) -> datetime:
    """A moment ``seconds`` after the start of the sample session."""
    return T0 + timedelta(seconds=seconds)


def sample_records() -> list[Record]:
    """Every kind of record, revisions included, with awkward text and edge values."""
    paris = timezone(timedelta(hours=1))
    return [
        Note("welcome", at(1), TRICKY, key="n1"),
        Note("welcome", at(2), "", key="n2", private=True),
        Note("welcome", at(2.5), "corrected", key="n1", reason=TRICKY),
        Note("welcome", at(2.6), "corrected", key="n1", retracted=True, reason="typo"),
        Classification("classify", at(3), "hiring", "Hiring", CynefinDomain.COMPLEX, TRICKY),
        Classification("classify", at(4), "hiring", "Hiring", CynefinDomain.CLEAR),
        Classification("classify", at(5), "budget", "Budget | 2027", CynefinDomain.CONFUSED, ""),
        Promise("promises", at(6), "p1", "Lab", "Share data", PromiseStatus.PROPOSED),
        Promise(
            "promises", at(7), "p1", "Lab", "Share data weekly", PromiseStatus.AMENDED, "Bo", TRICKY
        ),
        Promise("promises", at(8), "p1", "Lab", "Share data weekly", PromiseStatus.AGREED),
        Promise("promises", at(8.5), "p2", "Us", "Pay", PromiseStatus.DECLINED, reason=TRICKY),
        SignOff("sign", at(9), "scope", "Scope ✍️", "Ana\nMaria", "Lead", "AM", wording=TRICKY),
        SignOff(
            "sign",
            at(9.2),
            "scope",
            "Scope ✍️",
            "Bo",
            "Lead",
            "",
            kind=InitialKind.HELD,
            reason="Not yet",
        ),
        SignOff(
            "sign",
            at(9.4),
            "scope",
            "Scope ✍️",
            "Ana",
            "Lead",
            "AM",
            wording="What we do",
            kind=InitialKind.WITHDRAWN,
            reason=TRICKY,
        ),
        Decision("decide", at(10), "go", "Go?", DecisionMethod.DOT_VOTING, votes={"A": 3, "B": 0}),
        Decision(
            "decide",
            at(11),
            "go",
            "Go?",
            DecisionMethod.FIST_OF_FIVE,
            outcome=TRICKY,
            agreed=False,
            rounds=({"0": 1, "5": 2}, {"3": 3}),
            objections=(Objection("Too soon 😬", ""), Objection("Cost |", "Split it")),
        ),
        Decision("decide", at(12), "go", "Go?", DecisionMethod.CONSENT, "Yes", agreed=True),
        Decision(
            "decide",
            at(12.5),
            "ag",
            "Agility?",
            DecisionMethod.FACILITATOR,
            "Overruled: Low",
            agreed=True,
            advised=TRICKY,
        ),
        ActionItem("follow-up", at(13), "a1", "Send notes", "Bo", date(2026, 12, 24)),
        ActionItem("follow-up", at(14), "a1", "Send notes", "Bo", None, done=True),
        ActionItem("follow-up", at(14.5), "a1", "Send the notes", "Bo", None, reason="clearer"),
        ActionItem("follow-up", datetime(2026, 11, 21, 10, 0, 15, 1, tzinfo=paris), "a2", TRICKY),
        SessionEvent("follow-up", at(15), EventKind.REVIEW_DATE, TRICKY, date(2027, 1, 15)),
        SessionEvent("follow-up", at(16), EventKind.REVIEW_DATE, "", None),
        SessionEvent("follow-up", at(17), EventKind.REOPENED, "forgot", reopened_finish=at(16.5)),
    ]


def new_store(folder: Path, name: str = "workshop.db") -> tuple[SqlSessionStore, Path]:
    """A fresh store in ``folder`` (a sub-folder that does not exist yet)."""
    path = folder / "data" / name
    return open_store(path), path


def new_session(store: SqlSessionStore, *, created: datetime = T0) -> int:
    script = sample_script()
    return store.create_session(script, SOURCE, sample_setup(), sample_timings(script), created)


def old_database(path: Path, version: int, records: list[Record] | None = None) -> int:
    """A closed database as schema ``version`` left it, holding the sample session.

    The rows are written column by column with Core, as that version wrote
    them (no revision, no claim), so the file is exactly one of that version.
    """
    from sqlalchemy import insert

    path.parent.mkdir(parents=True, exist_ok=True)
    engine = make_engine(sqlite_url(path))
    assert migrate(engine, target=version) == version
    script, setup = sample_script(), sample_setup()
    model_json = script_to_json(script)
    with writer(engine).begin() as connection:
        script_row = connection.execute(
            insert(table(ScriptRow)).values(
                script_id=script.id,
                title=script.title,
                content_hash=content_hash(SOURCE, model_json),
                source=SOURCE,
                model_json=model_json,
            )
        ).lastrowid
        session_id = int(
            connection.execute(
                insert(table(SessionRow)).values(
                    script_row_id=script_row,
                    customer=setup.customer,
                    facilitator=setup.facilitator,
                    state="setup",
                    current_part=0,
                    created_at=T0,
                    last_seen_at=T0,
                    materials_checked=list(setup.materials_checked),
                    **({"uid": "5e551011" * 4} if version >= 7 else {}),
                )
            ).lastrowid
        )
        for position, person in enumerate(setup.participants):
            connection.execute(
                insert(table(ParticipantRow)).values(
                    session_id=session_id, position=position, name=person.name, role=person.role
                )
            )
        for position, timing in enumerate(sample_timings(script)):
            connection.execute(
                insert(table(PartTimingRow)).values(
                    session_id=session_id,
                    position=position,
                    part_id=timing.part_id,
                    planned_seconds=timing.planned_seconds,
                    extra_seconds=0,
                    elapsed_seconds=0.0,
                    skipped=False,
                )
            )
        for record in sample_records() if records is None else records:
            kind = KIND_OF[type(record)]
            columns = {  # only the columns that schema had
                row[1]
                for row in connection.exec_driver_sql(f"PRAGMA table_info({kind.table.name})")
            }
            if not columns:
                continue  # a kind of record that schema did not have
            row = {**kind.to_row(record), "session_id": session_id}
            connection.execute(
                insert(kind.table), {name: value for name, value in row.items() if name in columns}
            )
    engine.dispose()
    return session_id


def test_the_samples_cover_every_kind_of_record() -> None:
    kinds = {type(record) for record in sample_records()}
    assert kinds == set(get_args(Record))
