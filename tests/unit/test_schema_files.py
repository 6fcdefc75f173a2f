"""A file made by each earlier schema (tests/fixtures/schemas) opens, upgraded, with nothing lost.

The files were made once, as those releases wrote them, and are never made again: each is
copied, opened by today's store (which brings it up to date), read back, written to and
exported.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.unit.test_migrations import as_held, indexes, marks, old_columns
from tests.unit.test_store_samples import T0, new_session, new_store, sample_records, sample_script
from workshop_tui.domain.records import Note
from workshop_tui.export.markdown import render_markdown
from workshop_tui.storage.migrations import APPLICATION_ID, SCHEMA_VERSION
from workshop_tui.storage.opener import open_store
from workshop_tui.storage.record_rows import KIND_OF

FILES = Path(__file__).resolve().parents[1] / "fixtures" / "schemas"
VERSIONS = sorted(int(path.stem.removeprefix("schema-")) for path in FILES.glob("schema-*.db"))


def test_there_is_a_file_for_every_schema_released_before_this_one() -> None:
    assert list(range(1, SCHEMA_VERSION + 1)) == VERSIONS


@pytest.mark.parametrize("version", VERSIONS)
def test_each_earlier_schemas_file_opens_with_nothing_lost(tmp_path: Path, version: int) -> None:
    path = tmp_path / "old.db"
    shutil.copy(FILES / f"schema-{version}.db", path)
    assert marks(path) == (version, APPLICATION_ID)
    held = old_columns(path)
    kept = [record for record in sample_records() if KIND_OF[type(record)].table.name in held]
    expected_store, _ = new_store(tmp_path / "expected")
    with expected_store:  # the same session, written by this version
        expected_id = new_session(expected_store)
        for record in kept:
            expected_store.add_record(expected_id, record)
        _, expected = expected_store.load_session(expected_id)
    with open_store(path) as store:
        (summary,) = store.list_sessions()
        script, session = store.load_session(summary.id)
        assert script == sample_script()
        assert session.record_count == len(kept)
        assert as_held(session, held) == as_held(expected, held)
        store.open_session(summary.id, T0)  # it takes writes again
        store.add_record(summary.id, Note(script.parts[0].id, T0, "after the upgrade"))
        _, after = store.load_session(summary.id)
    assert marks(path) == (SCHEMA_VERSION, APPLICATION_ID)
    assert indexes(path) >= {f"ix_{t}_session_id_id" for t in ("notes", "actions")}
    notes = render_markdown(script, after)
    assert "after the upgrade" in notes
