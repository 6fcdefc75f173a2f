"""The room view never tells the room which key to press: every part of every bundled
script, empty and filled, and every selection a board can show."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from textual.command import CommandPalette

from tests.ui.panel_harness import utc_times
from tests.ui.room_harness import BUNDLED, ROOM, bundled_engine, drawn, room_app, screen_text
from tests.ui.room_wording import key_hints
from workshop_tui.boards.decisions import work_area
from workshop_tui.boards.registry import DEFAULT_DOTS
from workshop_tui.content.model import Part
from workshop_tui.domain.clock import FakeClock
from workshop_tui.domain.engine import SessionEngine
from workshop_tui.domain.kinds import CynefinDomain, DecisionMethod
from workshop_tui.domain.read_models.actions import actions_view
from workshop_tui.domain.read_models.audience import Audience
from workshop_tui.domain.read_models.cynefin import cynefin_view
from workshop_tui.domain.read_models.decisions import decisions_view
from workshop_tui.domain.read_models.promises import promises_view
from workshop_tui.domain.records import Objection

__all__ = ["utc_times"]
pytestmark = pytest.mark.usefixtures("utc_times")

TODAY = date(2026, 11, 21)  # the FakeClock's day


def fill(engine: SessionEngine) -> None:
    """Something of the part's own kind, and a note, as a room would leave it."""
    part, kind = engine.part, engine.part.activity.kind
    activity = part.activity
    if kind == "cynefin":
        items = list(activity.items) or ["Move records to the CRM"]  # type: ignore[union-attr]
        row = engine.board.classify(items[0], CynefinDomain.COMPLICATED, "Experts know")
        engine.board.classify(items[0], CynefinDomain.COMPLEX, "Unknowns", key=row.key)
    elif kind == "promises":
        party = activity.parties[0].name  # type: ignore[union-attr]
        row = engine.promises.add(party, "Provide a Product Owner")
        engine.promises.amend(row.key, "Provide a Product Owner two days a week")
    elif kind == "decisions":
        for spec in activity.questions:  # type: ignore[union-attr]
            if spec.method is DecisionMethod.CONSENT:
                objection = Objection("Too soon", "We review it in a month")
                engine.decisions.record(spec.question, spec.method, objections=(objection,))
            elif spec.method is DecisionMethod.FIST_OF_FIVE:
                engine.decisions.record(spec.question, spec.method)  # no round yet
            else:
                votes = {option: 2 for option in spec.options}
                engine.decisions.record(spec.question, spec.method, votes=votes)
    elif kind == "signoff":
        section = activity.sections[0]  # type: ignore[union-attr]
        role = engine.signoff.section_state(section.id).progress.required[0]
        engine.signoff.sign(section.id, ROOM[0].name, role, "AL")
    elif kind == "actions":
        engine.actions.add("Send the notes", "Ana Lopez", date(2026, 11, 27))
    engine.notes.add("Said in the room")


@pytest.mark.parametrize("filled", [False, True], ids=["empty", "filled"])
@pytest.mark.parametrize("script_id", BUNDLED)
@pytest.mark.parametrize("size", [(100, 30), (160, 45)], ids=lambda s: f"{s[0]}x{s[1]}")
async def test_no_frame_of_the_room_view_names_a_key(
    tmp_path: Path, script_id: str, filled: bool, size: tuple[int, int]
) -> None:
    clock = FakeClock()
    db = tmp_path / "w.db"
    engine = bundled_engine(db, script_id, clock)
    app = room_app(db, clock)
    async with app.run_test(size=size) as pilot:
        await drawn(pilot)
        for index, part in enumerate(engine.script.parts):
            if index:
                await drawn(pilot, engine.timing.next_part)
            if filled:
                await drawn(pilot, lambda: fill(engine))
            text = screen_text(app)
            assert part.name[:20] in text
            assert not key_hints(text), f"part {index + 1} ({part.activity.kind}) names a key"
        await pilot.press("f")  # the full-screen timer, then the blank screen
        assert not key_hints(screen_text(app))
        await pilot.press("f", "b")
        assert not key_hints(screen_text(app))
        await pilot.press("b")
        await drawn(pilot, engine.timing.finish)
        assert "What we agreed" in screen_text(app) and not key_hints(screen_text(app))


def room_texts(part: Part, engine: SessionEngine, audience: Audience) -> list[str]:
    """Every sentence the part's board could show for ``audience``, whatever is selected."""
    session, kind = engine.session, part.activity.kind
    texts: list[str] = []
    if kind == "cynefin":
        stops = cynefin_view(part, session, audience=audience).stops
        for stop in stops:
            view = cynefin_view(part, session, (stop.region, stop.ident), audience=audience)
            texts += [view.detail, view.ask, view.advice]
    elif kind == "promises":
        columns = promises_view(part, session, audience=audience).columns
        for column in columns:
            for entry in column.entries:
                wanted = (entry.party, entry.ident)
                texts.append(promises_view(part, session, wanted, audience=audience).detail)
    elif kind == "decisions":
        view = decisions_view(part, session, default_dots=DEFAULT_DOTS, audience=audience)
        texts += [work_area(question, audience).plain for question in view.questions]
    elif kind == "actions":
        actions = actions_view(part, session, TODAY, audience=audience)
        texts += [row.detail for row in actions.rows] + [actions.empty]
    return texts


@pytest.mark.parametrize("script_id", BUNDLED)
def test_no_selection_of_any_board_names_a_key_to_the_room(tmp_path: Path, script_id: str) -> None:
    clock = FakeClock()
    engine = bundled_engine(tmp_path / "w.db", script_id, clock)
    console_hints = 0
    for index, part in enumerate(engine.script.parts):
        if index:
            engine.timing.next_part()
        for filled in (False, True):
            if filled:
                fill(engine)
            for text in room_texts(part, engine, Audience.ROOM):
                assert not key_hints(text), f"part {index + 1}: {text!r}"
            console_hints += len(key_hints("\n".join(room_texts(part, engine, Audience.CONSOLE))))
    assert console_hints  # the same sentences name keys in the console


async def test_the_room_view_offers_no_palette_and_ctrl_c_closes_it_without_a_toast(
    tmp_path: Path,
) -> None:
    app = room_app(tmp_path / "w.db", FakeClock())  # no database yet: the room waits
    async with app.run_test(size=(100, 30)) as pilot:
        await drawn(pilot)
        await pilot.press("ctrl+p")
        assert not isinstance(app.screen, CommandPalette)
        await pilot.press("ctrl+c")
        await pilot.pause()
        assert not key_hints(screen_text(app))
    assert app.return_code == 0
