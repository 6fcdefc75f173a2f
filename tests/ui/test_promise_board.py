"""The promises panel, driven by real key presses on a real SQLite store."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Input

from tests.ui.panel_fixtures import promises_script
from tests.ui.panel_harness import (
    BOARD_BOX,
    PAIR,
    PanelApp,
    begin,
    fill,
    reloaded,
    reopened,
    utc_times,
)
from workshop_tui.boards.promises import PromiseColumn
from workshop_tui.controls.promises import PromisesControls
from workshop_tui.dialogs.form import FormDialog
from workshop_tui.domain.clock import FakeClock
from workshop_tui.domain.engine import SessionEngine
from workshop_tui.domain.kinds import PromiseStatus
from workshop_tui.domain.read_models import standing
from workshop_tui.domain.read_models.promises import Entry
from workshop_tui.widgets.clamped_text import ClampedText

__all__ = ["utc_times"]
pytestmark = pytest.mark.usefixtures("utc_times")

SIZE = (100, 30)
INCREMENT = "A usable increment every Sprint"
SCRUM_MASTER = "A Scrum Master who keeps the collaboration working"
OWNER = "Provide a Product Owner"
LONG_WORDING = (
    "A usable increment every two-week Sprint, four Developers full time,"
    " shown to the customer at every Sprint Review"
)


def app_for(engine: SessionEngine) -> PanelApp:
    """The board of ``engine``'s part, focused, in its box."""
    return PanelApp(lambda: PromisesControls(engine, engine.part), box=BOARD_BOX)


def started(tmp_path: Path, clock: FakeClock | None = None) -> SessionEngine:
    """A new session of the board's script for Ana and Bo, stored in ``tmp_path``."""
    return begin(tmp_path, promises_script(), participants=PAIR, clock=clock)


BADGES = ("PROPOSED", "AGREED", "AMENDED", "DECLINED", "PARKED", "TO TABLE")


def cards(app: PanelApp, column: int) -> list[tuple[str, str]]:
    """(wording, badge) of every card in a party's column, top to bottom, as drawn."""
    party = app.panel.query(PromiseColumn)[column]
    shown = []
    for index in range(party.option_count):
        text = card_text(app, column, index)
        badge = next((b for b in BADGES if f" {b}" in f" {text}"), "")
        shown.append((party.entries[index].wording, badge))
        assert party.entries[index].wording in text  # in full, never cut
    return shown


def card_text(app: PanelApp, column: int, row: int) -> str:
    """Every line of a card as drawn, joined by spaces."""
    party = app.panel.query(PromiseColumn)[column]
    return " ".join(str(party.get_option_at_index(row).prompt).split())


def titles(app: PanelApp) -> list[str]:
    return [str(column.border_title) for column in app.panel.query(PromiseColumn)]


def selected(app: PanelApp) -> Entry:
    [column] = [c for c in app.panel.query(PromiseColumn) if c.highlighted is not None]
    assert column.highlighted is not None
    prompt = str(column.get_option_at_index(column.highlighted).prompt)
    assert prompt.startswith("▶ ")
    return column.entries[column.highlighted]


def detail(app: PanelApp) -> str:
    return app.panel.query_one("#promise-detail", ClampedText).text


async def test_preloaded_promises_wait_to_be_tabled(tmp_path: Path) -> None:
    engine = started(tmp_path)
    app = app_for(engine)
    async with app.run_test(size=SIZE) as pilot:
        assert titles(app) == ["Delivery team · 0 agreed", "Customer · 0 agreed"]
        assert cards(app, 0) == [(INCREMENT, "TO TABLE"), (SCRUM_MASTER, "TO TABLE")]
        assert selected(app).template is not None
        assert detail(app) == (
            "To table (enter) · the script's wording: Starting with Sprint 1; no set-up Sprints."
        )

        await pilot.press("enter")
        await pilot.pause()

        [row] = engine.session.promises
        assert (row.party, row.text, row.status, row.note) == (
            "Delivery team",
            INCREMENT,
            PromiseStatus.PROPOSED,
            "",  # the script's detail is not a note from the room
        )
        [back] = reloaded(tmp_path, engine).promises
        assert (back.key, back.text, back.status) == (row.key, row.text, row.status)
        assert cards(app, 0) == [(INCREMENT, "PROPOSED"), (SCRUM_MASTER, "TO TABLE")]
        assert selected(app).ident == row.key
        assert "Note" not in card_text(app, 0, 0)


async def test_status_keys_ask_a_note_or_a_reason_in_the_same_step(tmp_path: Path) -> None:
    engine = started(tmp_path)
    app = app_for(engine)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter", "y")
        await fill(pilot)
        await pilot.press(*"ok", "enter")  # the note, and Enter saves
        await pilot.pause()
        assert titles(app)[0] == "Delivery team · 1 agreed"
        assert cards(app, 0)[0] == (INCREMENT, "AGREED")
        assert "Note: ok" in card_text(app, 0, 0)

        for key, status in (("d", "DECLINED"), ("k", "PARKED")):
            await pilot.press(key)
            await fill(pilot)
            await pilot.press(*key * 2, "enter")
            await pilot.pause()
            assert cards(app, 0)[0] == (INCREMENT, status)
            assert f"{status}: {key * 2}" in card_text(app, 0, 0)
        await pilot.press("k")  # already parked: nothing asked
        await pilot.pause()
        assert not isinstance(app.screen, FormDialog)
        await pilot.press("d")
        await fill(pilot)
        await pilot.press("escape")  # cancelled: nothing stored
        await pilot.press("u")
        await pilot.pause()
        assert cards(app, 0)[0] == (INCREMENT, "PROPOSED")
        assert titles(app)[0] == "Delivery team · 0 agreed"

        rows = reloaded(tmp_path, engine).promises
        assert [(row.status, row.note, row.reason) for row in rows] == [
            (PromiseStatus.PROPOSED, "", ""),
            (PromiseStatus.AGREED, "ok", ""),
            (PromiseStatus.DECLINED, "ok", "dd"),
            (PromiseStatus.PARKED, "ok", "kk"),
            (PromiseStatus.PROPOSED, "ok", ""),
        ]
        assert len({row.key for row in engine.session.promises}) == 1


async def test_agreeing_a_preloaded_promise_tables_it_agreed(tmp_path: Path) -> None:
    engine = started(tmp_path)
    app = app_for(engine)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("right", "y", "enter")  # no note
        await pilot.pause()
        [row] = reloaded(tmp_path, engine).promises
        assert (row.party, row.text, row.status) == ("Customer", OWNER, PromiseStatus.AGREED)
        assert titles(app) == ["Delivery team · 0 agreed", "Customer · 1 agreed"]
        assert cards(app, 1) == [(OWNER, "AGREED")]


async def test_amending_keeps_the_earlier_wording(tmp_path: Path) -> None:
    clock = FakeClock()
    engine = started(tmp_path, clock)
    app = app_for(engine)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        clock.advance(6 * 60)
        await pilot.press("m")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, FormDialog)
        wording = dialog.query_one("#field-text", Input)
        assert wording.value == INCREMENT

        await pilot.press("enter", "enter")  # unchanged wording: the dialog says so and stays
        await pilot.pause()
        assert app.screen is dialog
        assert len(engine.session.promises) == 1

        wording.value = "A usable increment every two-week Sprint"
        wording.focus()
        await pilot.press("enter")  # to the reason
        await pilot.press(*"cadence", "enter")  # save
        await pilot.pause()

        threads = standing.promise_threads(reloaded(tmp_path, engine).promises)
        [thread] = threads
        assert [row.text for row in thread.history] == [
            INCREMENT,
            "A usable increment every two-week Sprint",
        ]
        assert (thread.current.status, thread.current.reason) == (
            PromiseStatus.AMENDED,
            "cadence",
        )
        assert cards(app, 0)[0] == ("A usable increment every two-week Sprint", "AMENDED")
        assert "AMENDED: cadence · (amended ×1)" in card_text(app, 0, 0)
        assert detail(app) == (
            "Amended since 09:06 (cadence) · worded so at 09:06 · 1 earlier wording (h shows them)"
        )
        await pilot.press("h")  # the history instead, newest first
        await pilot.pause()
        assert detail(app) == (
            "History, newest first: 09:06 reworded: “A usable increment every two-week Sprint”"
            f" (cadence) · 09:00 tabled, proposed: “{INCREMENT}”"
        )
        await pilot.press("h")
        await pilot.pause()
        assert detail(app).startswith("Amended since 09:06")


async def test_add_a_promise_with_owner_for_the_selected_party(tmp_path: Path) -> None:
    engine = started(tmp_path)
    app = app_for(engine)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("right", "a")
        await pilot.pause()
        assert isinstance(app.screen, FormDialog)
        await pilot.press(*"Join the Sprint Review", "enter", *"Ana", "enter")
        await pilot.press(*"Monthly at least", "enter")
        await pilot.pause()

        [row] = reloaded(tmp_path, engine).promises
        assert (row.party, row.text, row.owner, row.note, row.status) == (
            "Customer",
            "Join the Sprint Review",
            "Ana",
            "Monthly at least",
            PromiseStatus.PROPOSED,
        )
        # the prepared promise keeps its place; one the room adds comes after it
        assert cards(app, 1) == [(OWNER, "TO TABLE"), ("Join the Sprint Review", "PROPOSED")]
        assert selected(app).ident == row.key
        assert "PROPOSED · owner Ana Note: Monthly at least" in card_text(app, 1, 1)


async def test_owner_and_note_are_a_new_revision(tmp_path: Path) -> None:
    engine = started(tmp_path)
    app = app_for(engine)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("o")  # a preloaded promise has no owner yet: nothing opens
        await pilot.pause()
        assert not isinstance(app.screen, FormDialog)

        await pilot.press("down", "enter", "o")
        await pilot.pause()
        await pilot.press(*"Bo", "enter", *"Until a full-time one is hired", "enter")
        await pilot.pause()

        rows = reloaded(tmp_path, engine).promises
        assert [(row.text, row.owner, row.note) for row in rows] == [
            (SCRUM_MASTER, "", ""),
            (SCRUM_MASTER, "Bo", "Until a full-time one is hired"),
        ]
        assert selected(app).meta == "owner Bo"  # tabled where it was prepared: nothing moved
        assert "PROPOSED · owner Bo Note: Until a full-time one is hired" in card_text(app, 0, 1)


async def test_a_resumed_session_shows_the_same_columns(tmp_path: Path) -> None:
    clock = FakeClock()
    engine = started(tmp_path, clock)
    made = engine.promises.add("Delivery team", SCRUM_MASTER, status=PromiseStatus.AGREED)
    engine.promises.amend(made.key, "A Scrum Master for the whole engagement")
    engine.promises.set(made.key, status=PromiseStatus.AGREED)

    app = app_for(reopened(tmp_path, engine, clock))
    async with app.run_test(size=SIZE):
        assert titles(app) == ["Delivery team · 1 agreed", "Customer · 0 agreed"]
        assert cards(app, 0) == [
            (INCREMENT, "TO TABLE"),
            ("A Scrum Master for the whole engagement", "AGREED"),
        ]


def test_snapshot(snap_compare, tmp_path: Path) -> None:
    clock = FakeClock()
    engine = started(tmp_path, clock)
    made = engine.promises.add("Delivery team", INCREMENT, note="Starting with Sprint 1")
    clock.advance(3 * 60)
    engine.promises.amend(made.key, "A usable increment every two-week Sprint")
    engine.promises.set(made.key, status=PromiseStatus.AGREED, owner="Bo")
    engine.promises.add("Customer", "Join every Sprint Review", status=PromiseStatus.PARKED)
    assert snap_compare(app_for(engine), terminal_size=SIZE)
