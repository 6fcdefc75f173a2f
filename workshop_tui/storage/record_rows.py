"""Each kind of record, its table, and how it turns into a row and back.

Reading back checks what SQLite may hand over from a tampered file, since it
stores anything in any column: text that is not text, counts that are not
counts. The checks are plain type tests (a fraction of a microsecond a row);
anything wrong raises ``ValueError`` or ``TypeError``, and the reader then
asks ``integrity`` which value it was.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

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
    Promise,
    Record,
    SessionEvent,
    SignOff,
)
from workshop_tui.domain.snapshot import UNDOABLE
from workshop_tui.storage.identity import new_uid
from workshop_tui.storage.tables import (
    ActionRow,
    ClassificationRow,
    DecisionRow,
    NoteRow,
    PromiseRow,
    SessionEventRow,
    SignOffRow,
    table,
)

if TYPE_CHECKING:
    from sqlalchemy import Row, Table


@dataclass(frozen=True, slots=True)
class RecordKind:
    """Where one kind of record lives and how it is converted."""

    record_type: type
    table: Table
    snapshot_field: str
    """The ``SessionSnapshot`` list that holds this kind."""
    to_row: Callable[[Any], dict[str, Any]]
    from_row: Callable[[Row[Any]], Record]


def _common(record: Any) -> dict[str, Any]:
    """The columns every record row has; a new row gets a new uid (one per row written)."""
    return {"part_id": record.part_id, "at": record.at, "uid": new_uid()}


def text(value: object) -> str:
    """``value`` if it is text; ``TypeError`` otherwise (binary data, a number)."""
    if type(value) is not str:
        raise TypeError(f"{value!r} is not text")
    return value


_all_text = "".join
"""``_all_text((a, b))`` raises ``TypeError`` unless every value is text: one C call a row.

It checks the record once built (slot access is cheap; a ``Row``'s attributes are not)."""


def _session_ref(value: object) -> int | None:
    """A session id, or None; ``TypeError`` for text or a fraction where an id belongs."""
    if value is not None and type(value) is not int:
        raise TypeError(f"{value!r} is not a session id")
    return value


def _counts(value: object) -> dict[str, int]:
    """A mapping of names (JSON keys: always text) to counts of zero or more."""
    if type(value) is not dict:
        raise ValueError(f"{value!r} is not a mapping of counts")
    if value and min(value.values()) < 0:  # TypeError for anything but numbers
        raise ValueError(f"{value!r} holds a negative count")
    return value


def _list(value: object) -> list[Any]:
    if type(value) is not list:
        raise ValueError(f"{value!r} is not a list")
    return value


def _objection(value: object) -> Objection:
    if type(value) is not dict or set(value) != {"text", "resolution"}:
        raise ValueError(f"{value!r} is not an objection")
    return Objection(text(value["text"]), text(value["resolution"]))


def _undoes(value: object) -> tuple[tuple[str, int], ...]:
    """What an undo took back: ``[[kind, id], ...]`` (None for every other event)."""
    if value is None:
        return ()
    found = []
    for pair in _list(value):
        kind, record_id = _list(pair)
        if kind not in UNDOABLE or type(record_id) is not int:
            raise ValueError(f"{pair!r} is not a record an undo can take back")
        found.append((kind, record_id))
    return tuple(found)


def _note_row(r: Note) -> dict[str, Any]:
    return {
        **_common(r),
        "text": r.text,
        "key": r.key,
        "retracted": r.retracted,
        "reason": r.reason,
        "private": r.private,
    }


def _note(row: Any) -> Note:
    record = Note(
        part_id=row.part_id,
        at=row.at,
        text=row.text,
        id=row.id,
        key=row.key,
        retracted=row.retracted,
        reason=row.reason,
        private=row.private,
    )
    _all_text((record.part_id, record.text, record.key, record.reason))
    return record


def _classification_row(r: Classification) -> dict[str, Any]:
    return {
        **_common(r),
        "key": r.key,
        "item": r.item,
        "domain": None if r.domain is None else r.domain.value,
        "rationale": r.rationale,
        "carried_from": r.carried_from,
    }


def _classification(row: Any) -> Classification:
    record = Classification(
        part_id=row.part_id,
        at=row.at,
        key=row.key,
        item=row.item,
        domain=None if row.domain is None else CynefinDomain(row.domain),
        rationale=row.rationale,
        id=row.id,
        carried_from=_session_ref(row.carried_from),
    )
    _all_text((record.part_id, record.key, record.item, record.rationale))
    return record


def _promise_row(r: Promise) -> dict[str, Any]:
    return {
        **_common(r),
        "key": r.key,
        "party": r.party,
        "text": r.text,
        "status": r.status.value,
        "owner": r.owner,
        "note": r.note,
        "reason": r.reason,
        "carried_from": r.carried_from,
    }


def _promise(row: Any) -> Promise:
    record = Promise(
        part_id=row.part_id,
        at=row.at,
        key=row.key,
        party=row.party,
        text=row.text,
        status=PromiseStatus(row.status),
        owner=row.owner,
        note=row.note,
        id=row.id,
        reason=row.reason,
        carried_from=_session_ref(row.carried_from),
    )
    _all_text(
        (record.part_id, record.key, record.party, record.text, record.owner, record.note)
        + (record.reason,)
    )
    return record


def _signoff_row(r: SignOff) -> dict[str, Any]:
    return {
        **_common(r),
        "section_id": r.section_id,
        "section_title": r.section_title,
        "person": r.person,
        "role": r.role,
        "initials": r.initials,
        "wording": r.wording,
        "kind": r.kind.value,
        "reason": r.reason,
    }


def _signoff(row: Any) -> SignOff:
    record = SignOff(
        part_id=row.part_id,
        at=row.at,
        section_id=row.section_id,
        section_title=row.section_title,
        person=row.person,
        role=row.role,
        initials=row.initials,
        id=row.id,
        wording=row.wording,
        kind=InitialKind(row.kind),
        reason=row.reason,
    )
    _all_text(
        (
            record.part_id,
            record.section_id,
            record.section_title,
            record.person,
            record.role,
            record.initials,
            record.wording,
            record.reason,
        )
    )
    return record


def _decision_row(r: Decision) -> dict[str, Any]:
    return {
        **_common(r),
        "key": r.key,
        "question": r.question,
        "method": r.method.value,
        "outcome": r.outcome,
        "agreed": r.agreed,
        "votes": dict(r.votes),
        "rounds": [dict(counts) for counts in r.rounds],
        "objections": [{"text": o.text, "resolution": o.resolution} for o in r.objections],
        "advised": r.advised,
        "carried_from": r.carried_from,
    }


def _decision(row: Any) -> Decision:
    record = Decision(
        part_id=row.part_id,
        at=row.at,
        key=row.key,
        question=row.question,
        method=DecisionMethod(row.method),
        outcome=row.outcome,
        agreed=row.agreed,
        votes=_counts(row.votes),
        rounds=tuple(map(_counts, _list(row.rounds))),
        objections=tuple(map(_objection, _list(row.objections))),
        id=row.id,
        advised=row.advised,
        carried_from=_session_ref(row.carried_from),
    )
    _all_text((record.part_id, record.key, record.question, record.outcome, record.advised))
    return record


def _action_row(r: ActionItem) -> dict[str, Any]:
    return {
        **_common(r),
        "key": r.key,
        "text": r.text,
        "owner": r.owner,
        "due": r.due,
        "done": r.done,
        "reason": r.reason,
        "dropped": r.dropped,
        "carried_from": r.carried_from,
    }


def _action(row: Any) -> ActionItem:
    record = ActionItem(
        part_id=row.part_id,
        at=row.at,
        key=row.key,
        text=row.text,
        owner=row.owner,
        due=row.due,
        done=row.done,
        id=row.id,
        reason=row.reason,
        dropped=row.dropped,
        carried_from=_session_ref(row.carried_from),
    )
    _all_text((record.part_id, record.key, record.text, record.owner, record.reason))
    return record


def _event_row(r: SessionEvent) -> dict[str, Any]:
    return {
        **_common(r),
        "kind": r.kind.value,
        "reason": r.reason,
        "review_on": r.review_on,
        "reopened_finish": r.reopened_finish,
        "customer": r.customer,
        "customer_was": r.customer_was,
        "undoes": [[kind, record_id] for kind, record_id in r.undoes] if r.undoes else None,
    }


def _event(row: Any) -> SessionEvent:
    record = SessionEvent(
        part_id=row.part_id,
        at=row.at,
        kind=EventKind(row.kind),
        reason=row.reason,
        review_on=row.review_on,
        reopened_finish=row.reopened_finish,
        id=row.id,
        customer=row.customer,
        customer_was=row.customer_was,
        undoes=_undoes(row.undoes),
    )
    _all_text((record.part_id, record.reason, record.customer, record.customer_was))
    return record


KINDS: tuple[RecordKind, ...] = (
    RecordKind(Note, table(NoteRow), "notes", _note_row, _note),
    RecordKind(
        Classification,
        table(ClassificationRow),
        "classifications",
        _classification_row,
        _classification,
    ),
    RecordKind(Promise, table(PromiseRow), "promises", _promise_row, _promise),
    RecordKind(SignOff, table(SignOffRow), "signoffs", _signoff_row, _signoff),
    RecordKind(Decision, table(DecisionRow), "decisions", _decision_row, _decision),
    RecordKind(ActionItem, table(ActionRow), "actions", _action_row, _action),
    RecordKind(SessionEvent, table(SessionEventRow), "events", _event_row, _event),
)

KIND_OF: dict[type, RecordKind] = {kind.record_type: kind for kind in KINDS}
"""The kind of each record class."""
