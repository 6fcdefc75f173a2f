"""Files the store must refuse, with one clear sentence, leaving every byte as it was."""

from __future__ import annotations

import hashlib
import os
import sqlite3
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.unit.test_store_samples import T0, new_session, new_store
from tests.unit.test_store_samples import old_database as sample_database
from workshop_tui.domain.ports import StoreError
from workshop_tui.domain.records import Note
from workshop_tui.storage.database import make_engine, sqlite_url
from workshop_tui.storage.errors import (
    DatabaseDamaged,
    DatabaseLocked,
    DatabaseReadOnly,
    SchemaTooNew,
    SchemaTooOld,
    storage_errors,
)
from workshop_tui.storage.migrations import SCHEMA_VERSION, migrate
from workshop_tui.storage.opener import open_store
from workshop_tui.storage.repository import SqlSessionStore


def fingerprint(path: Path) -> tuple[str, list[str]]:
    """The file's bytes (as a digest) and which files sit beside it."""
    return hashlib.sha256(path.read_bytes()).hexdigest(), sorted(os.listdir(path.parent))


def assert_untouched(path: Path, before: tuple[str, list[str]], *, strict: bool) -> None:
    """Same bytes; with ``strict`` nothing new beside it either.

    Otherwise SQLite may have left the empty companions any reader of a
    write-ahead-log file creates: an empty ``-wal`` and its ``-shm`` index.
    """
    digest, beside = fingerprint(path)
    assert digest == before[0]
    if strict:
        assert beside == before[1]
        return
    for name in set(beside) - set(before[1]):
        assert name in (f"{path.name}-wal", f"{path.name}-shm")
        if name.endswith("-wal"):
            assert (path.parent / name).stat().st_size == 0


def workshop_db(folder: Path, *, version: int | None = None) -> tuple[Path, int]:
    """A closed workshop-tui database with one session; optionally an older schema."""
    if version is not None:
        path = folder / "workshop.db"
        return path, sample_database(path, version, [Note("welcome", T0, "kept")])
    store, path = new_store(folder)
    with store:
        session_id = new_session(store)
        store.add_record(session_id, Note("welcome", T0, "kept"))
    return path, session_id


def refused(
    path: Path, error: type[StoreError], message: str, *, strict: bool = True, **options: bool
) -> None:
    before = fingerprint(path)
    with pytest.raises(error) as caught:
        open_store(path, **options)
    assert str(caught.value) == message
    assert_untouched(path, before, strict=strict)


def damaged(path: Path) -> str:
    return f"{path} is not a workshop-tui database or is damaged; it was left untouched"


@pytest.mark.parametrize(
    "content",
    [b"# my notes\nnot a database\n", b"SQLite", b"SQLite format 3\x00" + b"\x00" * 50],
    ids=["text", "shorter-than-a-header", "header-then-nothing"],
)
def test_a_file_that_is_not_a_database_is_refused(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "notes.db"
    path.write_bytes(content)
    refused(path, DatabaseDamaged, damaged(path))
    refused(path, DatabaseDamaged, damaged(path), readonly=True)


def test_another_programs_database_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    with sqlite3.connect(path) as connection:
        connection.execute("CREATE TABLE contacts (name TEXT)")
        connection.execute("INSERT INTO contacts VALUES ('Ana')")
    connection.close()
    refused(path, DatabaseDamaged, damaged(path))


@pytest.mark.parametrize("page", [1, 4, 10], ids=["schema-page", "sessions-page", "notes-page"])
def test_a_damaged_workshop_database_is_refused(tmp_path: Path, page: int) -> None:
    path, _ = workshop_db(tmp_path)
    data = bytearray(path.read_bytes())
    start = (page - 1) * 4096 + (100 if page == 1 else 0)
    data[start : start + 200] = b"\xff" * 200
    path.write_bytes(bytes(data))
    refused(path, DatabaseDamaged, damaged(path), strict=False)


def test_damage_found_while_reading_is_reported_the_same_way(tmp_path: Path) -> None:
    path, session_id = workshop_db(tmp_path)
    with open_store(path) as store:
        data = bytearray(path.read_bytes())
        data[9 * 4096 : 9 * 4096 + 200] = b"\xff" * 200  # the notes table, after the checks
        path.write_bytes(bytes(data))
        with pytest.raises(DatabaseDamaged, match="is damaged; it was left untouched"):
            store.load_session(session_id)


def test_a_newer_schema_is_refused(tmp_path: Path) -> None:
    path, _ = workshop_db(tmp_path)
    with sqlite3.connect(path) as connection:
        connection.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    connection.close()
    message = (
        f"{path} was written by a newer workshop-tui "
        f"(schema {SCHEMA_VERSION + 1}, this version knows {SCHEMA_VERSION}); upgrade workshop-tui"
    )
    refused(path, SchemaTooNew, message)
    refused(path, SchemaTooNew, message, readonly=True)


@pytest.fixture
def exclusive_lock(tmp_path: Path) -> Iterator[sqlite3.Connection]:
    """Another program's connection, ready to hold an exclusive lock."""
    path, _ = workshop_db(tmp_path)
    other = sqlite3.connect(path, isolation_level=None, timeout=0)
    yield other
    other.close()


def test_a_write_while_another_program_holds_the_lock_fails_cleanly(
    tmp_path: Path, exclusive_lock: sqlite3.Connection
) -> None:
    path = tmp_path / "data" / "workshop.db"
    with open_store(path) as store:
        session_id = store.latest_unfinished()
        assert session_id is not None
        store.open_session(session_id, T0)
        exclusive_lock.execute("BEGIN EXCLUSIVE")
        with pytest.raises(DatabaseLocked) as caught:
            store.add_record(session_id, Note("welcome", T0, "blocked"))
        assert str(caught.value) == f"{path} is locked by another program; close it and try again"
        exclusive_lock.execute("ROLLBACK")
        store.add_record(session_id, Note("welcome", T0, "after"))
        notes = store.load_session(session_id)[1].notes
    assert [note.text for note in notes] == ["kept", "after"]


def test_an_upgrade_while_another_program_holds_the_lock_fails_cleanly(tmp_path: Path) -> None:
    path, _ = workshop_db(tmp_path, version=1)
    with sqlite3.connect(path, isolation_level=None) as other:
        other.execute("BEGIN EXCLUSIVE")
        message = f"{path} is locked by another program; close it and try again"
        refused(path, DatabaseLocked, message)
        other.execute("ROLLBACK")
    other.close()


def test_a_file_locked_in_rollback_journal_mode_cannot_even_be_checked(tmp_path: Path) -> None:
    path = tmp_path / "busy.db"
    with sqlite3.connect(path, isolation_level=None) as other:
        other.execute("CREATE TABLE t (x)")
        other.execute("BEGIN EXCLUSIVE")
        other.execute("INSERT INTO t VALUES (1)")
        message = f"{path} is locked by another program; close it and try again"
        refused(path, DatabaseLocked, message)
        other.execute("ROLLBACK")
    other.close()


@pytest.fixture
def read_only(tmp_path: Path) -> Iterator[Path]:
    """A version-1 database (so opening must write) whose file and folder are read-only."""
    path, _ = workshop_db(tmp_path / "locked", version=1)
    path.chmod(0o444)
    path.parent.chmod(0o555)
    yield path
    path.parent.chmod(0o755)
    path.chmod(0o644)


def test_a_read_only_file_is_refused_untouched(read_only: Path) -> None:
    before = fingerprint(read_only)
    if os.access(read_only, os.W_OK):
        # Running as root: permissions stop nothing. SQLite opens a file it cannot
        # write in read-only mode, so do exactly that and run the same upgrade.
        engine = make_engine(sqlite_url(read_only, readonly=True))
        with pytest.raises(DatabaseReadOnly) as caught, storage_errors(str(read_only)):
            migrate(engine)
        engine.dispose()
    else:
        with pytest.raises(DatabaseReadOnly) as caught:
            open_store(read_only)
    assert str(caught.value).startswith(f"{read_only} is read-only; ")
    assert_untouched(read_only, before, strict=False)


def test_permissions_the_os_denies_are_refused_before_sqlite_opens_the_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """What a non-root user meets; root is never denied, so the answer is faked here."""
    path, _ = workshop_db(tmp_path, version=1)
    real_access = os.access

    def denied(target: object, mode: int) -> bool:
        if Path(str(target)) == path and mode & os.W_OK:
            return False
        return real_access(target, mode)  # type: ignore[arg-type]

    monkeypatch.setattr("workshop_tui.storage.opener.os.access", denied)
    message = f"{path} is read-only; check its permissions or choose another file with --db"
    refused(path, DatabaseReadOnly, message)


def test_a_write_sqlite_refuses_as_read_only_is_reported(tmp_path: Path) -> None:
    path, session_id = workshop_db(tmp_path)
    before = fingerprint(path)
    store = SqlSessionStore(make_engine(sqlite_url(path, readonly=True)), where=str(path))
    with store, pytest.raises(DatabaseReadOnly, match="is read-only; check its permissions"):
        store.open_session(session_id, T0)  # opening it for writing is a write too
        store.add_record(session_id, Note("welcome", T0, "nope"))
    assert fingerprint(path)[0] == before[0]


def test_a_follower_reads_but_never_writes(tmp_path: Path) -> None:
    path, session_id = workshop_db(tmp_path)
    before = fingerprint(path)
    with open_store(path, readonly=True) as follower:
        assert [n.text for n in follower.load_session(session_id)[1].notes] == ["kept"]
        with pytest.raises(DatabaseReadOnly) as caught:
            follower.touch(session_id, T0)
    assert str(caught.value) == f"{path} is read-only; it was opened only to follow a session"
    assert fingerprint(path)[0] == before[0]


def test_a_follower_refuses_a_database_that_needs_upgrading(tmp_path: Path) -> None:
    path, _ = workshop_db(tmp_path, version=1)
    message = (
        f"{path} was written by an older workshop-tui "
        f"(schema 1, this version needs {SCHEMA_VERSION}); "
        "open it once with workshop (not read-only) to upgrade it"
    )
    refused(path, SchemaTooOld, message, strict=False, readonly=True)


def test_a_follower_does_not_create_a_missing_file(tmp_path: Path) -> None:
    path = tmp_path / "nowhere" / "workshop.db"
    with pytest.raises(StoreError, match=f"^{path} holds no workshop-tui sessions yet"):
        open_store(path, readonly=True)
    assert not path.parent.exists()


def test_a_folder_that_cannot_be_made_is_named(tmp_path: Path) -> None:
    (tmp_path / "file").write_text("in the way")
    path = tmp_path / "file" / "workshop.db"
    with pytest.raises(StoreError, match=f"^the folder of {path} cannot be created"):
        open_store(path)


def test_an_empty_file_becomes_a_new_database(tmp_path: Path) -> None:
    path = tmp_path / "empty.db"
    path.touch()
    with open_store(path) as store:
        assert store.list_sessions() == []
    assert stat.S_ISREG(path.stat().st_mode) and path.stat().st_size > 0
