"""The discussion panel shows the part's notes, newest at the bottom and in view."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Static

from tests.ui.panel_fixtures import discussion_script
from tests.ui.panel_harness import PanelApp, begin, shown, utc_times
from workshop_tui.boards.notes import NotesScroll
from workshop_tui.controls.discussion import DiscussionControls
from workshop_tui.domain.clock import FakeClock
from workshop_tui.domain.engine import SessionEngine
from workshop_tui.storage.opener import open_store

__all__ = ["utc_times"]
pytestmark = pytest.mark.usefixtures("utc_times")


async def test_empty_part_shows_the_hint(tmp_path: Path) -> None:
    engine = begin(tmp_path, discussion_script(), part=1)
    app = PanelApp(lambda: DiscussionControls(engine, engine.part))
    async with app.run_test(size=(100, 30)):
        assert "Press n to capture a note" in app.panel.query_one(NotesScroll).text
        assert shown(app.panel.query_one("#notes-count", Static)).startswith("0 notes")


async def test_only_this_parts_notes_in_order_with_their_time(tmp_path: Path) -> None:
    clock = FakeClock()
    engine = begin(tmp_path, discussion_script(), clock=clock)
    engine.notes.add("Names and roles around the table")
    engine.timing.go_to(1)
    clock.advance(125)
    engine.notes.add("Fear: the budget runs out before the first release")
    clock.advance(60)
    engine.notes.add("Hope: a usable product by spring")
    app = PanelApp(lambda: DiscussionControls(engine, engine.part))
    async with app.run_test(size=(100, 30)):
        text = app.panel.query_one(NotesScroll).text
        assert "Names and roles" not in text
        assert text.index("09:02  Fear") < text.index("09:03  Hope")
        assert shown(app.panel.query_one("#notes-count", Static)).startswith("2 notes")


async def test_a_new_note_appears_at_the_bottom_in_view(tmp_path: Path) -> None:
    engine = begin(tmp_path, discussion_script(), part=1)
    for number in range(12):
        engine.notes.add(f"Note {number}: the room talks about the budget and the timeline")
    app = PanelApp(lambda: DiscussionControls(engine, engine.part))
    async with app.run_test(size=(100, 30)) as pilot:
        engine.notes.add("The newest note")
        app.panel.redraw()
        await pilot.pause()
        await pilot.pause()
        assert app.panel.query_one(NotesScroll).text.endswith("The newest note")
        scroll = app.panel.query_one(NotesScroll)
        assert scroll.max_scroll_y > 0
        assert scroll.scroll_y == scroll.max_scroll_y
        await pilot.press("home")
        await pilot.pause()
        assert scroll.scroll_y == 0


async def test_a_resumed_session_shows_the_stored_notes(tmp_path: Path) -> None:
    engine = begin(tmp_path, discussion_script(), part=1)
    engine.notes.add("Kept across a restart")
    reopened, _ = SessionEngine.reopen(
        engine.session.id, open_store(tmp_path / "w.db"), FakeClock()
    )
    app = PanelApp(lambda: DiscussionControls(reopened, reopened.part))
    async with app.run_test(size=(100, 30)):
        assert "Kept across a restart" in app.panel.query_one(NotesScroll).text


def test_snapshot(tmp_path: Path, snap_compare) -> None:  # type: ignore[no-untyped-def]
    clock = FakeClock()
    engine = begin(tmp_path, discussion_script(), part=1, clock=clock)
    for text in (
        "Hope: a usable product by spring, in the hands of the call centre",
        "Fear: the budget runs out before the first release",
        "The sponsor will join every Sprint Review",
    ):
        clock.advance(90)
        engine.notes.add(text)
    app = PanelApp(lambda: DiscussionControls(engine, engine.part))
    assert snap_compare(app, terminal_size=(100, 30))
