"""The Cynefin board panel, driven by real key presses on a real SQLite store."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Input, Select

from tests.ui.panel_fixtures import cynefin_script
from tests.ui.panel_harness import BOARD_BOX, PAIR, PanelApp, begin, reloaded, reopened, utc_times
from workshop_tui.boards.cynefin_box import MARKER, CynefinBox
from workshop_tui.controls.cynefin import CynefinControls
from workshop_tui.dialogs.confirm import ConfirmDialog
from workshop_tui.dialogs.form import FormDialog
from workshop_tui.domain.clock import FakeClock
from workshop_tui.domain.engine import SessionEngine
from workshop_tui.domain.kinds import CynefinDomain
from workshop_tui.domain.read_models import standing
from workshop_tui.domain.read_models.cynefin import Stop
from workshop_tui.domain.rules.agility import AGILITY_QUESTION
from workshop_tui.widgets.clamped_text import ClampedText

__all__ = ["utc_times"]
pytestmark = pytest.mark.usefixtures("utc_times")

SIZE = (100, 30)
MOVE = "Move customer records into the new CRM"
RESTORE = "Restore online bookings after the outage"
REDESIGN = "Redesign sign-up to cut drop-off"


def app_for(engine: SessionEngine) -> PanelApp:
    """The board of ``engine``'s part, focused, in its box."""
    return PanelApp(lambda: CynefinControls(engine, engine.part), box=BOARD_BOX)


def started(tmp_path: Path, clock: FakeClock | None = None) -> SessionEngine:
    """A new session of the board's script for Ana and Bo, stored in ``tmp_path``."""
    return begin(tmp_path, cynefin_script(), participants=PAIR, clock=clock)


def drawn(prompt: object, stop: Stop) -> str:
    """The item ``stop`` as its lines show it: its text whole, or cut with "…" where the box
    is short of lines (lines break at spaces and hyphens); the selection's marker aside."""
    text = str(prompt).removeprefix(MARKER)
    letters = "".join(text.removesuffix("…").split())
    assert "".join(stop.text.split()).startswith(letters), text
    assert text.endswith("…") or len(letters) == len("".join(stop.text.split())), text
    return stop.text


def box_items(app: PanelApp, region: str) -> list[str]:
    """The items shown in a domain's box (or the tray), without empty markers."""
    box = app.panel.query_one(f"#{region}", CynefinBox)
    return [
        drawn(option.prompt, stop)
        for option, stop in zip(box.options, box.stops, strict=True)
        if stop.ident is not None
    ]


def info(app: PanelApp, name: str) -> str:
    return app.panel.query_one(f"#cynefin-{name}", ClampedText).text


def selected_prompts(app: PanelApp) -> list[str]:
    """The highlighted line of every box, as drawn (marker included)."""
    return [
        str(box.highlighted_option.prompt)
        for box in app.panel.query(CynefinBox)
        if box.highlighted_option is not None
    ]


def selected_items(app: PanelApp) -> list[str]:
    """The selected item of every box that has it (the board has one selection)."""
    return [
        drawn(box.highlighted_option.prompt, box.stops[box.highlighted])
        for box in app.panel.query(CynefinBox)
        if box.highlighted_option is not None and box.highlighted is not None
    ]


async def test_number_keys_place_tray_items_and_selection_moves_to_the_next(tmp_path: Path) -> None:
    engine = started(tmp_path)
    app = app_for(engine)
    async with app.run_test(size=SIZE) as pilot:
        assert box_items(app, "tray") == [MOVE, RESTORE, REDESIGN]
        assert "Where does it belong?" in info(app, "ask")

        await pilot.press("3")
        await pilot.pause()
        await pilot.press("1")
        await pilot.pause()

        current = standing.current_classifications(engine.session.classifications)
        assert [(row.item, row.domain) for row in current] == [
            (MOVE, CynefinDomain.COMPLEX),
            (RESTORE, CynefinDomain.CLEAR),
        ]
        again = standing.current_classifications(reloaded(tmp_path, engine).classifications)
        assert [(row.item, row.domain) for row in again] == [
            (MOVE, CynefinDomain.COMPLEX),
            (RESTORE, CynefinDomain.CLEAR),
        ]
        assert box_items(app, "tray") == [REDESIGN]
        assert box_items(app, "box-complex") == [MOVE]
        assert box_items(app, "box-clear") == [RESTORE]
        assert app.panel.query_one("#box-complex").border_title == "3 Complex · 1"
        [prompt] = selected_prompts(app)
        assert prompt.startswith("▶ Redesign")
        assert selected_items(app) == [REDESIGN]


async def test_moving_a_placed_item_keeps_its_history(tmp_path: Path) -> None:
    clock = FakeClock()
    engine = started(tmp_path, clock)
    app = app_for(engine)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("2")  # the first tray item into Complicated
        await pilot.pause()
        clock.advance(5 * 60)
        await pilot.press("right")  # from the tray to the Complex box (empty) ...
        await pilot.press("right")  # ... and on to Complicated, where the item now is
        assert selected_items(app) == [MOVE]
        await pilot.press("3")
        await pilot.pause()

        history = standing.classification_history(
            engine.session.classifications, engine.session.classifications[0].key
        )
        assert [row.domain for row in history] == [CynefinDomain.COMPLICATED, CynefinDomain.COMPLEX]
        back = reloaded(tmp_path, engine).classifications
        assert [row.domain for row in back] == [CynefinDomain.COMPLICATED, CynefinDomain.COMPLEX]
        assert {row.key for row in back} == {history[0].key}

        assert box_items(app, "box-complex") == [MOVE]
        assert box_items(app, "box-complicated") == []
        assert selected_items(app) == [MOVE]
        assert "was Complicated, moved to Complex at 09:05" in info(app, "detail")
        assert info(app, "ask") == "Ask · Complex: Will we only learn what works by trying?"


async def test_add_an_item_through_the_dialog(tmp_path: Path) -> None:
    engine = started(tmp_path)
    app = app_for(engine)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("a")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, FormDialog)
        await pilot.press(*"Pay suppliers on time")
        dialog.query_one("#field-domain", Select).value = CynefinDomain.CHAOTIC.value
        dialog.query_one("#field-rationale", Input).value = "Invoices are piling up"
        dialog.query_one("#field-rationale", Input).focus()
        await pilot.press("enter")
        await pilot.pause()

        assert not isinstance(app.screen, FormDialog)
        [row] = engine.session.classifications
        assert (row.item, row.domain, row.rationale) == (
            "Pay suppliers on time",
            CynefinDomain.CHAOTIC,
            "Invoices are piling up",
        )
        [back] = reloaded(tmp_path, engine).classifications
        assert (back.item, back.domain, back.rationale) == (row.item, row.domain, row.rationale)
        assert box_items(app, "box-chaotic") == ["Pay suppliers on time"]
        assert selected_items(app) == ["Pay suppliers on time"]
        assert "why: Invoices are piling up" in info(app, "detail")


async def test_rationale_is_a_new_revision_in_the_same_domain(tmp_path: Path) -> None:
    engine = started(tmp_path)
    app = app_for(engine)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("5")  # the first item into Confused
        await pilot.pause()
        await pilot.press("end")  # the last stop on the board: Clear's, empty
        await pilot.press("r")  # nothing to explain there: no dialog
        await pilot.pause()
        assert not isinstance(app.screen, FormDialog)

        await pilot.press("left", "left")  # Chaotic, then Confused with the item
        assert selected_items(app) == [MOVE]
        await pilot.press("r")
        await pilot.pause()
        field = app.screen.query_one("#field-rationale", Input)
        assert field.value == ""
        await pilot.press(*"We disagree")
        await pilot.press("enter")
        await pilot.pause()

        rows = engine.session.classifications
        assert [(row.domain, row.rationale) for row in rows] == [
            (CynefinDomain.CONFUSED, ""),
            (CynefinDomain.CONFUSED, "We disagree"),
        ]
        assert [row.rationale for row in reloaded(tmp_path, engine).classifications] == [
            "",
            "We disagree",
        ]
        assert "why: We disagree" in info(app, "detail")
        assert "was" not in info(app, "detail")  # a rationale edit is no move


async def test_accepting_and_overruling_the_agility_advice(tmp_path: Path) -> None:
    engine = started(tmp_path)
    app = app_for(engine)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("c")  # nothing classified yet: the engine refuses, nothing stored
        await pilot.pause()
        assert engine.session.decisions == []
        assert info(app, "advice").startswith("Advice: Classify some of the work first")

        await pilot.press("3", "3", "1")
        await pilot.pause()
        assert info(app, "advice").startswith(
            "Advice: High agility (1 of 3 items are Clear; 2 of 3 items are Complex)"
        )

        await pilot.press("c")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("y")
        await pilot.pause()
        [accepted] = engine.session.decisions
        assert accepted.question == AGILITY_QUESTION
        assert accepted.outcome.startswith("High agility: Empirical")
        assert info(app, "advice").startswith("Decided: High agility")
        assert app.panel.query_one("#cynefin-advice").has_class("-decided")

        await pilot.press("o")
        await pilot.pause()
        await pilot.press(*"Moderate agility, fixed first release")
        await pilot.press("enter")
        await pilot.pause()
        current = standing.current_decisions(reloaded(tmp_path, engine).decisions)
        assert [(d.question, d.outcome) for d in current] == [
            (AGILITY_QUESTION, "Overruled: Moderate agility, fixed first release")
        ]
        assert info(app, "advice").startswith(
            "Decided: Overruled: Moderate agility, fixed first release"
        )


async def test_a_resumed_session_shows_the_same_board(tmp_path: Path) -> None:
    clock = FakeClock()
    engine = started(tmp_path, clock)
    engine.board.classify(MOVE, CynefinDomain.COMPLICATED)
    engine.board.classify("Pay suppliers", CynefinDomain.CHAOTIC, "Invoices pile up")
    engine.board.move(engine.session.classifications[0].key, CynefinDomain.COMPLEX)

    app = app_for(reopened(tmp_path, engine, clock))
    async with app.run_test(size=SIZE):
        assert box_items(app, "tray") == [RESTORE, REDESIGN]
        assert box_items(app, "box-complex") == [MOVE]
        assert box_items(app, "box-chaotic") == ["Pay suppliers"]
        assert box_items(app, "box-complicated") == []


async def test_an_emptied_tray_gives_the_board_its_width(tmp_path: Path) -> None:
    engine = started(tmp_path)
    app = app_for(engine)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("3", "2", "1")
        await pilot.pause()
        assert app.panel.query_one("#tray").display is False
        assert selected_items(app) == [REDESIGN]
        assert app.panel.query_one("#box-clear").border_title == "1 Clear · 1"


def test_snapshot(snap_compare, tmp_path: Path) -> None:
    clock = FakeClock()
    engine = started(tmp_path, clock)
    engine.board.classify(MOVE, CynefinDomain.COMPLICATED)
    clock.advance(4 * 60)
    engine.board.move(engine.session.classifications[0].key, CynefinDomain.COMPLEX, "Unknowns")
    assert snap_compare(app_for(engine), terminal_size=SIZE, press=["right"])


def option_ids(app: PanelApp) -> dict[str, tuple[object, list[int]]]:
    """Each box's size and which option objects it draws (a box built again draws new ones)."""
    return {
        box.id or "": (box.size, [id(option) for option in box.options])
        for box in app.panel.query(CynefinBox)
    }


async def test_a_crowded_box_gives_each_item_one_line_and_keeps_the_selection_in_view(
    tmp_path: Path,
) -> None:
    engine = started(tmp_path)
    names = [f"Item {n} of the customer's own work, a long one" for n in range(1, 13)]
    for name in names:
        engine.board.classify(name, CynefinDomain.COMPLEX)
    app = app_for(engine)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("right")  # from the tray to Complex's first item
        await pilot.press(*["down"] * 11)  # its last
        await pilot.pause()
        box = app.panel.query_one("#box-complex", CynefinBox)
        assert box_items(app, "box-complex") == names
        assert selected_items(app) == [names[-1]]
        prompts = [str(option.prompt) for option in box.options]
        assert all("\n" not in prompt and prompt.endswith("…") for prompt in prompts)
        assert box.border_title is not None and str(box.border_title).startswith("3 Complex")
        rows = range(box.scrollable_content_region.height)
        on_screen = [box.render_line(y).text.rstrip() for y in rows]
        assert [line for line in on_screen if line.startswith(MARKER)] == [prompts[-1]]


async def test_a_box_is_built_again_only_when_its_items_change(tmp_path: Path) -> None:
    engine = started(tmp_path)
    engine.board.classify(RESTORE, CynefinDomain.CLEAR)
    app = app_for(engine)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()  # laid out: the boxes' lines fit their sizes
        before = option_ids(app)
        await pilot.press("down")  # the selection moves within the tray
        await pilot.pause()
        assert option_ids(app) == before
        assert selected_items(app) == [REDESIGN]

        await pilot.press("2")  # Redesign into Complicated
        await pilot.pause()
        after = option_ids(app)
        resized = {box for box in before if after[box][0] != before[box][0]}
        rebuilt = {box for box in before if after[box][1] != before[box][1]}
        moved = {"tray", "box-complicated"}
        assert "box-complicated" in rebuilt and rebuilt - resized <= moved
        assert set(before) - resized - moved, "some box kept its size and its lines"
        assert box_items(app, "box-complicated") == [REDESIGN]
        assert app.panel.query_one("#box-complicated").border_title == "2 Complicated · 1"


async def test_a_crowded_confused_box_leaves_the_corners_room_for_their_items(
    tmp_path: Path,
) -> None:
    engine = started(tmp_path)
    for domain in CynefinDomain:
        for n in range(8):
            engine.board.classify(f"{domain.label} item {n}", domain)
    app = PanelApp(lambda: CynefinControls(engine, engine.part), box=(58, 15))  # the console's
    async with app.run_test(size=SIZE) as pilot:  # board at 100x30, its lines under it
        await pilot.pause()
        await pilot.pause()
        shown: dict[CynefinDomain, list[str]] = {}
        for domain in CynefinDomain:
            box = app.panel.query_one(f"#box-{domain.value}", CynefinBox)
            rows = range(box.scrollable_content_region.height)
            lines = [box.render_line(y).text.strip() for y in rows]
            shown[domain] = [line for line in lines if line.startswith(domain.label)]
        middle = len(shown.pop(CynefinDomain.CONFUSED))
        assert middle >= 1
        assert all(len(items) >= middle for items in shown.values()), shown
