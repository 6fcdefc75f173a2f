"""The actions panel, driven by keys, on a real engine and SQLite file."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from textual.widgets import Input, Static
from textual.widgets.data_table import ColumnKey

from tests.ui.panel_fixtures import actions_script
from tests.ui.panel_harness import PanelApp, begin, fill, reloaded, shown, utc_times
from workshop_tui.boards.actions import ActionTable
from workshop_tui.controls.actions import ActionsControls
from workshop_tui.dialogs.form import FormDialog
from workshop_tui.domain.engine import SessionEngine
from workshop_tui.domain.read_models import standing
from workshop_tui.widgets.clamped_text import ClampedText

__all__ = ["utc_times"]
pytestmark = pytest.mark.usefixtures("utc_times")

FRIDAY = date(2026, 11, 27)  # the FakeClock starts on Saturday 21 November 2026


def app_for(tmp_path: Path) -> tuple[PanelApp, SessionEngine]:
    engine = begin(tmp_path, actions_script())
    return PanelApp(lambda: ActionsControls(engine, engine.part)), engine


def cell_texts(app: PanelApp, column: str) -> list[str]:
    table = app.panel.query_one(ActionTable)
    cells = [str(table.get_cell(row_key, column)) for row_key in table.rows]
    if column == "text":  # the text may be wrapped over two lines
        return [" ".join(cell.split()) for cell in cells]
    return cells


async def test_suggestions_are_listed_dimmed_after_the_actions(tmp_path: Path) -> None:
    app, engine = app_for(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()  # the table is laid out again at its real width
        assert cell_texts(app, "text") == [
            "Send the agreement to everyone who initialled it",
            "Book the first Sprint Review",
        ]
        assert cell_texts(app, "due") == ["suggested", "suggested"]
        assert cell_texts(app, "mark") == ["▶", " "]


async def test_add_an_action_with_a_typed_due_date(tmp_path: Path) -> None:
    app, engine = app_for(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("a")
        await pilot.press(*"Share the notes")
        await pilot.press("enter", *"Ana Lopez", "enter", *"fri", "enter")
        await pilot.pause()
        actions = standing.current_actions(engine.session.actions)
        assert [(a.text, a.owner, a.due) for a in actions] == [
            ("Share the notes", "Ana Lopez", FRIDAY)
        ]
        stored = standing.current_actions(reloaded(tmp_path, engine).actions)
        assert [(a.text, a.owner, a.due, a.done) for a in stored] == [
            ("Share the notes", "Ana Lopez", FRIDAY, False)
        ]
        assert cell_texts(app, "text")[0] == "Share the notes"
        assert cell_texts(app, "due")[0] == "Fri 27 Nov"
        assert cell_texts(app, "mark")[0] == "▶"
        summary = shown(app.panel.query_one("#actions-summary", Static))
        assert summary.startswith("1 action · 0 done · 2 suggested")


async def test_nonsense_due_date_keeps_the_dialog_open_with_the_reason(tmp_path: Path) -> None:
    app, engine = app_for(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("a")
        await fill(pilot, text="Share the notes", due="soonish")
        await pilot.press("ctrl+s")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, FormDialog)
        assert '"soonish" is not a date' in shown(dialog.query_one("#dialog-error", Static))
        dialog.query_one("#field-due", Input).value = "in 2 weeks"
        await pilot.press("ctrl+s")
        await pilot.pause()
        stored = reloaded(tmp_path, engine).actions
        assert [(a.text, a.due) for a in stored] == [("Share the notes", date(2026, 12, 5))]


async def test_enter_on_a_suggestion_adds_it_prefilled(tmp_path: Path) -> None:
    app, engine = app_for(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("down", "enter")
        dialog = await fill(pilot, due="+7d")
        assert dialog.query_one("#field-text", Input).value == "Book the first Sprint Review"
        assert dialog.query_one("#field-owner", Input).value == "Scrum Master"
        await pilot.press("ctrl+s")
        await pilot.pause()
        stored = reloaded(tmp_path, engine).actions
        assert [(a.text, a.owner, a.due) for a in stored] == [
            ("Book the first Sprint Review", "Scrum Master", date(2026, 11, 28))
        ]
        assert cell_texts(app, "text") == [
            "Book the first Sprint Review",
            "Send the agreement to everyone who initialled it",
        ]
        assert cell_texts(app, "mark") == ["▶", " "]


async def test_edit_and_toggle_done_write_new_revisions(tmp_path: Path) -> None:
    app, engine = app_for(tmp_path)
    engine.actions.add("Share the notes", "Ana Lopez", FRIDAY)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("enter")
        dialog = await fill(pilot, owner="Bo Chen", due="", reason="Ana is away")
        assert dialog.query_one("#field-text", Input).value == "Share the notes"
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("d")
        await pilot.pause()
        stored = reloaded(tmp_path, engine).actions
        assert [(a.owner, a.due, a.done, a.reason) for a in stored] == [
            ("Ana Lopez", FRIDAY, False, ""),
            ("Bo Chen", None, False, "Ana is away"),
            ("Bo Chen", None, True, ""),
        ]
        assert cell_texts(app, "done")[0] == "✔"
        await pilot.press("d")
        await pilot.pause()
        assert standing.current_actions(reloaded(tmp_path, engine).actions)[0].done is False
        assert cell_texts(app, "done")[0] == "☐"


async def test_done_on_a_suggestion_records_nothing(tmp_path: Path) -> None:
    app, engine = app_for(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("d")
        await pilot.pause()
        assert reloaded(tmp_path, engine).actions == []
        assert app.changes == 0


async def test_overdue_actions_are_flagged_and_detail_shows_the_full_text(
    tmp_path: Path,
) -> None:
    app, engine = app_for(tmp_path)
    engine.actions.add(
        "Chase the signed copy of the agreement from the sponsor", "Bo", date(2026, 11, 2)
    )
    async with app.run_test(size=(100, 30)):
        assert cell_texts(app, "due")[0] == "⚠ Mon 2 Nov"
        detail = app.panel.query_one("#actions-detail", ClampedText).text
        assert detail == (
            "Chase the signed copy of the agreement from the sponsor · owner Bo · due Mon 2 Nov"
        )


def test_snapshot(tmp_path: Path, snap_compare) -> None:  # type: ignore[no-untyped-def]
    engine = begin(tmp_path, actions_script())
    engine.actions.add("Send the agreement to everyone who initialled it", "Ana Lopez", FRIDAY)
    done = engine.actions.add("Book the room for the Sprint Review", "Di Evans", date(2026, 12, 4))
    engine.actions.update(done.key, done=True)
    engine.actions.add("Share the Cynefin board photo", "", None)
    app = PanelApp(lambda: ActionsControls(engine, engine.part))
    assert snap_compare(app, terminal_size=(100, 30), press=["down"])


async def test_a_long_action_reads_in_full_over_two_lines(tmp_path: Path) -> None:
    app, _ = app_for(tmp_path)
    fits = "Send the signed agreement to the sponsor"
    too_long = "Book a room for the first Sprint Review and invite the sponsor and every team"
    async with app.run_test(size=(80, 24)) as pilot:
        for text in (fits, too_long):
            await pilot.press("a", *text, "enter", *"Di", "enter", "enter")
            await pilot.pause()
        table = app.panel.query_one(ActionTable)
        width = table.columns[ColumnKey("text")].width
        assert 20 <= width < len(fits), "the panel is narrower than the first action"
        cells = [str(table.get_cell(key, "text")) for key in list(table.rows)[:2]]
        assert [len(cell.splitlines()) for cell in cells] == [2, 2]
        assert [table.rows[key].height for key in list(table.rows)[:2]] == [2, 2]
        assert all(len(line) <= width for cell in cells for line in cell.splitlines())
        assert " ".join(cells[0].split()) == fits, "read in full, nothing cut"
        assert cells[1].endswith("…"), "cut only after two full lines"
        detail = app.panel.query_one("#actions-detail", ClampedText)
        await pilot.press("home", "down")
        assert detail.text.startswith(too_long), "the line under the table has the rest"
