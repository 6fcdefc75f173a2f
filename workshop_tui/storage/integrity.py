"""Checks that a file holds what this version reads, before anything is shown or written.

Both checks only read, and both are cheap:

- **the schema**: every table and column of the file's schema version is there
  (``tables`` for this version), so a dropped table or column is found when
  the file is opened, not at the first note;
- **the values**: each column is checked for the type, form and vocabulary
  this version reads (a known state, a time it can parse, a list of texts,
  a count that is a whole number...). The checks are SQL written from the
  table descriptions, so SQLite runs them at C speed: the small tables
  (scripts, sessions, locks) when the file is opened, one session's own
  rows when it is loaded. Its records, the many rows, are checked by the
  reader as it converts them; the SQL checks then name the value that
  failed. The first bad value is named, with its table and column.

SQLite stores whatever it is given in any column, so a tampered file can hold
text where a number belongs; without these checks it would surface as a
traceback somewhere far from the file.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import StrEnum
from functools import cache
from typing import TYPE_CHECKING

from sqlalchemy import JSON, Boolean, Date, Float, Integer, String
from sqlalchemy.types import TypeDecorator

from workshop_tui.content.durations import MAX_SECONDS
from workshop_tui.domain.kinds import (
    CynefinDomain,
    DecisionMethod,
    EventKind,
    InitialKind,
    PromiseStatus,
    SessionState,
    Side,
)
from workshop_tui.printable import printable
from workshop_tui.storage.coltypes import UTCDateTime
from workshop_tui.storage.errors import DatabaseDamaged, unreadable
from workshop_tui.storage.tables import ALL_TABLES

if TYPE_CHECKING:
    from sqlalchemy import Column, Connection, Table

SESSION_LEVEL = ("scripts", "sessions", "session_locks")
"""Tables of a handful of rows, checked whole when the file is opened."""
SESSION_ROWS = ("session_locks", "participants", "part_timings")
"""A session's own few rows besides its own, checked whenever it is loaded."""

LARGEST = 10**9
"""The largest count or number of seconds the store takes (about 31 years)."""

_VOCABULARY: dict[tuple[str, str], type[StrEnum]] = {
    ("sessions", "state"): SessionState,
    ("classifications", "domain"): CynefinDomain,
    ("promises", "status"): PromiseStatus,
    ("decisions", "method"): DecisionMethod,
    ("signoffs", "kind"): InitialKind,
    ("session_events", "kind"): EventKind,
    ("participants", "side"): Side,
}
_CARRIED = ("classifications", "promises", "decisions", "actions")
"""The record tables whose rows may be carried over from an earlier session (schema 5)."""
_RANGES: dict[tuple[str, str], tuple[int, int]] = {
    ("part_timings", "planned_seconds"): (1, MAX_SECONDS),
    ("part_timings", "elapsed_seconds"): (0, LARGEST),
    ("part_timings", "removed_seconds"): (0, LARGEST),
    ("sessions", "revision"): (0, 2**62),
    ("session_locks", "pid"): (1, 2**31),
    **{(name, "carried_from"): (1, 2**62) for name in _CARRIED},
}
_DIGIT = "[0-9]"
_DATE_PATTERN = f"{_DIGIT * 4}-[01][0-9]-[0-3][0-9]"
_TIME_PATTERN = (
    f"{_DATE_PATTERN}T[0-2][0-9]:[0-5][0-9]:[0-5][0-9].{_DIGIT * 6}[+-][0-2][0-9]:[0-5][0-9]"
)
_REAL_DATE = (  # SQLite reads 2026-02-31 as 3 March: a real date reads back as itself
    "date(julianday(substr({c}, 1, 10))) = substr({c}, 1, 10) "
    "AND substr({c}, 1, 4) BETWEEN '1900' AND '8999'"
)


def _json(condition: str) -> str:
    """``condition`` on a JSON column, false (never an error) when it is not JSON at all."""
    return f"CASE WHEN json_valid({{c}}) THEN {condition} ELSE 0 END"


_SHAPES: dict[tuple[str, str], tuple[str, str]] = {
    ("sessions", "materials_checked"): (
        _json(
            "json_type({c}) = 'array' AND NOT EXISTS "
            "(SELECT 1 FROM json_each({c}) WHERE type != 'text')"
        ),
        "not a list of texts",
    ),
    ("decisions", "votes"): (
        _json(
            "json_type({c}) = 'object' AND NOT EXISTS "
            "(SELECT 1 FROM json_each({c}) WHERE type != 'integer' OR value < 0)"
        ),
        "not a count of votes per option",
    ),
    ("decisions", "rounds"): (
        _json(
            "json_type({c}) = 'array' AND NOT EXISTS (SELECT 1 FROM json_each({c}) AS r "
            "WHERE r.type != 'object' OR EXISTS (SELECT 1 FROM json_each(r.value) "
            "WHERE type != 'integer' OR value < 0))"
        ),
        "not a list of rounds of counts",
    ),
    ("decisions", "objections"): (
        _json(
            "json_type({c}) = 'array' AND NOT EXISTS (SELECT 1 FROM json_each({c}) AS o "
            "WHERE o.type != 'object' OR json_type(o.value, '$.text') IS NOT 'text' "
            "OR json_type(o.value, '$.resolution') IS NOT 'text' OR EXISTS "
            "(SELECT 1 FROM json_each(o.value) WHERE key NOT IN ('text', 'resolution')))"
        ),
        "not a list of objections with their resolutions",
    ),
    ("session_events", "undoes"): (
        _json(
            "json_type({c}) = 'array' AND NOT EXISTS (SELECT 1 FROM json_each({c}) AS u "
            "WHERE u.type != 'array' OR json_array_length(u.value) != 2 "
            "OR json_type(u.value, '$[0]') IS NOT 'text' "
            "OR json_type(u.value, '$[1]') IS NOT 'integer')"
        ),
        "not a list of records taken back",
    ),
}
_STRUCTURE: dict[tuple[str, str], tuple[str, str]] = {
    ("sessions", "current_part"): (
        "{c} >= 0 AND {c} < "
        '(SELECT count(*) FROM part_timings AS t WHERE t.session_id = "sessions".id)',
        "not one of the session's parts",
    ),
    ("sessions", "script_row_id"): (
        "EXISTS (SELECT 1 FROM scripts AS s WHERE s.id = {c})",
        "not a stored script",
    ),
    ("sessions", "renegotiates"): (
        '{c} < "sessions".id AND EXISTS (SELECT 1 FROM sessions AS s WHERE s.id = {c})',
        "not an earlier session",
    ),
}


@dataclass(frozen=True, slots=True)
class ColumnCheck:
    """One column's condition, as SQL on ``{c}``, and what a value failing it is not."""

    table: str
    column: str
    condition: str
    fails_as: str

    def sql(self) -> str:
        """The condition on this column, true or false, never NULL."""
        column = f"{_quoted(self.table)}.{_quoted(self.column)}"
        return f"coalesce(({self.condition.format(c=column)}), 0)"


def check_schema(
    connection: Connection, version: int, where: str, expected: Mapping[str, Iterable[str]]
) -> dict[str, set[str]]:
    """The file's columns per table; ``DatabaseDamaged`` naming the first table or column missing.

    ``expected`` is what the file's schema ``version`` has: ``schema_columns``.
    """
    found: dict[str, set[str]] = {}
    rows = connection.exec_driver_sql(
        "SELECT m.name, p.name FROM sqlite_master AS m JOIN pragma_table_info(m.name) AS p "
        "WHERE m.type = 'table'"
    )
    for table, column in rows:
        found.setdefault(table, set()).add(column)
    for table, columns in expected.items():
        if table not in found:
            raise DatabaseDamaged(where, f"its {table} table is missing (schema {version})")
        for column in columns:
            if column not in found[table]:
                raise DatabaseDamaged(where, f"the {column} column of {table} is missing")
    return found


def schema_columns() -> dict[str, tuple[str, ...]]:
    """The tables and columns this version's schema has, from ``tables``."""
    return {table.name: tuple(column.name for column in table.columns) for table in ALL_TABLES}


def check_session_level(
    connection: Connection, where: str, columns: Mapping[str, set[str]]
) -> None:
    """Check every row of the small tables; ``SessionUnreadable`` naming the first bad value."""
    for table in ALL_TABLES:
        if table.name in SESSION_LEVEL and table.name in columns:
            _first_bad(connection, table, where, present=columns[table.name])


def check_session(connection: Connection, session_id: int, where: str) -> None:
    """Check one session's own rows: its row, its people, its parts' timings, its claim.

    Its records are many, so the reader checks them as it converts them (plain
    type tests, cheaper than SQL), and calls ``name_bad_record`` if one fails.
    """
    for table in ALL_TABLES:
        if table.name == "sessions" or table.name in SESSION_ROWS:
            _first_bad(connection, table, where, session_id=session_id)


def name_bad_record(connection: Connection, session_id: int, where: str) -> None:
    """Find the record value the reader could not convert, and refuse it by name."""
    for table in ALL_TABLES:
        if "session_id" in table.columns and table.name not in SESSION_ROWS:
            _first_bad(connection, table, where, session_id=session_id)


def _first_bad(
    connection: Connection,
    table: Table,
    where: str,
    *,
    present: set[str] | None = None,
    session_id: int | None = None,
) -> None:
    """Raise ``SessionUnreadable`` for the first value of ``table`` that fails its check.

    Only the columns ``present`` in the file are checked, and only the rows of
    session ``session_id`` if one is given.
    """
    columns = None if present is None else frozenset(present)
    query, checks = _query(table.name, columns, scoped=session_id is not None)
    if not checks:
        return
    found = connection.exec_driver_sql(query, {"session_id": session_id}).first()
    if found is None:
        return
    rowid, index = found
    check = checks[int(index)]
    session_column = "session_id" if "session_id" in table.columns else "rowid"
    value, owning_session = connection.exec_driver_sql(
        f"SELECT {_quoted(check.column)}, {session_column} FROM {_quoted(table.name)} "
        "WHERE rowid = ?",
        (rowid,),
    ).one()
    if table.name == "sessions":
        what = f"session {rowid} has {check.column}"
    elif table.name == "scripts":
        what = f"stored script {rowid} has {check.column}"
    else:
        what = f"session {owning_session} has {table.name}.{check.column}"
    raise unreadable(where, f"{what} {_shown(value)}, which is {check.fails_as}")


@cache
def _query(
    table_name: str, present: frozenset[str] | None, *, scoped: bool
) -> tuple[str, list[ColumnCheck]]:
    """The query that finds a table's first bad row (of session ``:session_id`` if ``scoped``)
    and the index of its failing check; built once for each table and set of columns."""
    checks = [
        check for check in column_checks(table_name) if present is None or check.column in present
    ]
    if not checks:
        return "", checks
    failing = " ".join(f"WHEN NOT {check.sql()} THEN {index}" for index, check in enumerate(checks))
    every = " AND ".join(check.sql() for check in checks)
    table = _quoted(table_name)
    condition = f"NOT ({every})"
    if scoped:
        owner = "id" if table_name == "sessions" else "session_id"
        condition = f"{table}.{owner} = :session_id AND {condition}"
    return f"SELECT rowid, CASE {failing} END FROM {table} WHERE {condition} LIMIT 1", checks


@cache
def column_checks(table_name: str) -> tuple[ColumnCheck, ...]:
    """What every column of a table must hold, built once from its description."""
    table = next(table for table in ALL_TABLES if table.name == table_name)
    return tuple(_check(table.name, column) for column in table.columns)


def _check(table: str, column: Column[object]) -> ColumnCheck:
    key = (table, column.name)
    kind = column.type
    if isinstance(kind, TypeDecorator) and not isinstance(kind, UTCDateTime):
        kind = kind.impl_instance  # SQLModel's AutoString is a String underneath
    if key in _SHAPES or key in _STRUCTURE:
        condition, fails_as = (_SHAPES | _STRUCTURE)[key]
        condition = f"typeof({{c}}) = '{'text' if key in _SHAPES else 'integer'}' AND {condition}"
    elif key in _VOCABULARY:
        names = [member.value for member in _VOCABULARY[key]]
        condition = "{c} IN (" + ", ".join(f"'{name}'" for name in names) + ")"
        fails_as = f"not one of {', '.join(names)}"
    elif isinstance(kind, UTCDateTime):
        condition = (
            f"typeof({{c}}) = 'text' AND {{c}} GLOB '{_TIME_PATTERN}' AND {_REAL_DATE} "
            "AND substr({c}, 12, 2) <= '23' AND substr({c}, 28, 2) <= '23'"
        )
        fails_as = "not a time"
    elif isinstance(kind, Date):
        condition = f"typeof({{c}}) = 'text' AND {{c}} GLOB '{_DATE_PATTERN}' AND {_REAL_DATE}"
        fails_as = "not a date"
    elif isinstance(kind, Boolean):
        condition, fails_as = "typeof({c}) = 'integer' AND {c} IN (0, 1)", "not yes or no"
    elif isinstance(kind, Integer | Float):
        low, high = _RANGES.get(key, (-LARGEST, LARGEST))
        types = "'integer'" if isinstance(kind, Integer) else "'integer', 'real'"
        condition = f"typeof({{c}}) IN ({types}) AND {{c}} BETWEEN {low} AND {high}"
        fails_as = (
            "not a number in range" if isinstance(kind, Float) else "not a whole number in range"
        )
    elif isinstance(kind, JSON):
        condition, fails_as = "typeof({c}) = 'text' AND json_valid({c})", "not JSON"
    elif isinstance(kind, String):
        condition, fails_as = "typeof({c}) = 'text'", "not text"
    else:  # pragma: no cover - a new column type needs its check written here
        raise TypeError(f"no check for {table}.{column.name} ({kind!r})")
    if column.nullable:
        condition = f"{{c}} IS NULL OR ({condition})"
    return ColumnCheck(table, column.name, condition, fails_as)


def _quoted(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _shown(value: object, limit: int = 40) -> str:
    """A stored value as the message shows it: quoted, printable and short."""
    if isinstance(value, bytes):
        return f"{len(value)} bytes of binary data"
    text = printable(repr(value) if not isinstance(value, str) else f"'{value}'")
    return text if len(text) <= limit else text[: limit - 1] + "…"
