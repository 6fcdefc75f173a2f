"""The summary renders the full notes once: it shows them, and x writes those very bytes
until the session records something more."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace
from typing import Any

from tests.unit.engine_fixtures import new_engine
from workshop_tui.export.markdown import render_markdown
from workshop_tui.screens.exporting import ExportDocument, export_notes

NO_STORE: Any = SimpleNamespace(app=SimpleNamespace(store=None))
"""A screen whose app has no store: no lineage to read."""


def test_the_document_is_written_as_rendered_while_the_session_is_unchanged(
    tmp_path: Path,
) -> None:
    engine, _ = new_engine(tmp_path)
    engine.notes.add("Said before the summary")
    document = ExportDocument.of(NO_STORE, engine)
    assert document.text == render_markdown(engine.script, engine.session)
    assert document.text_for(engine.session) == document.text
    written = export_notes(NO_STORE, engine, tmp_path / "out", document=document)
    assert written is not None
    assert written.read_text(encoding="utf-8") == document.text


def test_a_session_that_recorded_more_is_rendered_again(tmp_path: Path) -> None:
    engine, _ = new_engine(tmp_path)
    document = ExportDocument.of(NO_STORE, engine)
    engine.notes.add("Said after the notes were rendered")
    assert document.text_for(engine.session) is None
    written = export_notes(NO_STORE, engine, tmp_path / "out", document=document)
    assert written is not None
    assert "Said after the notes were rendered" in written.read_text(encoding="utf-8")


def test_the_agreement_is_never_the_notes_document(tmp_path: Path) -> None:
    engine, _ = new_engine(tmp_path)
    document = ExportDocument.of(NO_STORE, engine)
    written = export_notes(NO_STORE, engine, tmp_path / "out", agreement=True, document=document)
    assert written is not None
    assert written.name.endswith("-agreement.md")
    assert written.read_text(encoding="utf-8") != document.text
