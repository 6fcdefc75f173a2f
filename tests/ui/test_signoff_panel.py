"""The sign-off panel, driven by keys, on a real engine and SQLite file."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Input, OptionList, Select, Static

from tests.ui.panel_fixtures import signoff_script
from tests.ui.panel_harness import PanelApp, begin, reloaded, shown, utc_times
from workshop_tui.controls.signoff import SignoffControls
from workshop_tui.dialogs.form import FormDialog
from workshop_tui.widgets.marked_list import MarkedList

__all__ = ["utc_times"]
pytestmark = pytest.mark.usefixtures("utc_times")


def app_for(tmp_path: Path) -> PanelApp:
    engine = begin(tmp_path, signoff_script())
    return PanelApp(lambda: SignoffControls(engine, engine.part))


def selected(app: PanelApp) -> str | None:
    return app.panel.query_one(MarkedList).selected_id


async def test_shows_sections_progress_and_the_selected_text(tmp_path: Path) -> None:
    app = app_for(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        panel = app.panel
        assert shown(panel.query_one("#signoff-summary", Static)).startswith("0 of 3 complete")
        assert selected(app) == "type-of-work"
        await pilot.press("down")
        assert selected(app) == "delivery-promises"
        title = shown(panel.query_one("#signoff-title", Static))
        assert title == "Delivery team promises"  # then the text read aloud, first of all
        assert "usable increment" in shown(panel.query_one("#signoff-text", Static))
        roles = shown(panel.query_one("#signoff-roles", Static))
        assert roles.count("waiting") == 3
        assert "wording 1 · fingerprint " in roles.splitlines()[-1]  # for the record, last
        assert "Customer sponsor" in roles


async def test_initials_are_recorded_with_prefilled_role_name_and_initials(
    tmp_path: Path,
) -> None:
    app = app_for(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("i")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, FormDialog)
        assert dialog.query_one("#field-role", Select).value == "Customer sponsor"
        assert dialog.query_one("#field-person", Input).value == "Bo Chen"
        assert dialog.query_one("#field-initials", Input).value == "BC"
        await pilot.press("ctrl+s")
        await pilot.pause()
        engine = app.panel.engine
        assert [(s.section_id, s.person, s.role, s.initials) for s in engine.session.signoffs] == [
            ("type-of-work", "Bo Chen", "Customer sponsor", "BC")
        ]
        stored = reloaded(tmp_path, engine).signoffs
        assert [(s.person, s.initials) for s in stored] == [("Bo Chen", "BC")]
        roles = shown(app.panel.query_one("#signoff-roles", Static))
        assert "✔ Customer sponsor BC 09:00" in roles
        assert roles.count("waiting") == 2
        first_row = str(app.panel.query_one(MarkedList).get_option_at_index(0).prompt)
        assert first_row.endswith("1/3 initialled")
        assert app.changes == 1


async def test_a_typed_name_gives_its_own_initials(tmp_path: Path) -> None:
    app = app_for(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, FormDialog)
        dialog.query_one("#field-person", Input).value = "Zoe Quinn"
        await pilot.press("ctrl+s")
        await pilot.pause()
        signoff = reloaded(tmp_path, app.panel.engine).signoffs[0]
        assert (signoff.person, signoff.initials) == ("Zoe Quinn", "ZQ")


async def test_cancelling_records_nothing(tmp_path: Path) -> None:
    app = app_for(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("i", "escape")
        await pilot.pause()
        assert reloaded(tmp_path, app.panel.engine).signoffs == []
        assert app.changes == 0


async def test_a_complete_section_moves_on_to_the_next_incomplete_one(tmp_path: Path) -> None:
    app = app_for(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        for _ in range(3):  # the dialog offers the first role still missing each time
            await pilot.press("i")
            await pilot.press("ctrl+s")
            await pilot.pause()
        assert selected(app) == "delivery-promises"
        assert shown(app.panel.query_one("#signoff-summary", Static)).startswith("1 of 3 complete")
        stored = reloaded(tmp_path, app.panel.engine).signoffs
        assert [s.role for s in stored] == ["Customer sponsor", "Product Owner", "Delivery lead"]
        assert [s.person for s in stored] == ["Bo Chen", "Ana Lopez", "Cy Diaz"]
        await pilot.press("up", "i")
        await pilot.pause()
        assert app.screen is not None and not isinstance(app.screen, FormDialog)


async def test_the_role_can_be_chosen_among_those_missing(tmp_path: Path) -> None:
    app = app_for(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("end", "i")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, FormDialog)
        select = dialog.query_one("#field-role", Select)
        offered = [str(option.prompt) for option in select.query_one(OptionList).options]
        assert [role for role in offered if role != select.prompt] == [
            "Product Owner",
            "Scrum Master",
        ]
        select.value = "Scrum Master"
        dialog.query_one("#field-person", Input).value = "Di Evans"
        dialog.query_one("#field-initials", Input).value = "DE"
        await pilot.press("ctrl+s")
        await pilot.pause()
        stored = reloaded(tmp_path, app.panel.engine).signoffs
        assert [(s.section_id, s.role, s.initials) for s in stored] == [
            ("keeping-it-alive", "Scrum Master", "DE")
        ]


async def test_a_resumed_session_shows_the_same_progress(tmp_path: Path) -> None:
    engine = begin(tmp_path, signoff_script())
    engine.signoff.sign("keeping-it-alive", "Ana Lopez", "Product Owner", "AL")
    engine.signoff.sign("keeping-it-alive", "Di Evans", "Scrum Master", "DE")
    app = PanelApp(lambda: SignoffControls(engine, engine.part))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("end")
        panel = app.panel
        assert shown(panel.query_one("#signoff-summary", Static)).startswith("1 of 3")
        assert "waiting" not in shown(panel.query_one("#signoff-roles", Static))


def test_snapshot(tmp_path: Path, snap_compare) -> None:  # type: ignore[no-untyped-def]
    engine = begin(tmp_path, signoff_script())
    engine.signoff.sign("type-of-work", "Bo Chen", "Customer sponsor", "BC")
    for name, role in (("Ana Lopez", "Product Owner"), ("Di Evans", "Scrum Master")):
        engine.signoff.sign("keeping-it-alive", name, role, "".join(w[0] for w in name.split()))
    app = PanelApp(lambda: SignoffControls(engine, engine.part))
    assert snap_compare(app, terminal_size=(100, 30))
