"""The room view follows a store another engine writes to, and shows nothing private."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest

from tests.ui.panel_harness import utc_times
from tests.ui.room_harness import BUNDLED, bundled_engine, drawn, room_app, screen_text
from tests.waiting import calls_to, wait_until
from workshop_tui.boards.countdown import BigCountdown
from workshop_tui.domain.clock import FakeClock
from workshop_tui.domain.kinds import CynefinDomain, DecisionMethod, PromiseStatus
from workshop_tui.domain.read_models.local_time import hhmm
from workshop_tui.locations import StoreLocation
from workshop_tui.room.app import RoomApp
from workshop_tui.room.full_timer import FullTimerScreen
from workshop_tui.room.heading import AgendaStrip
from workshop_tui.room.live import LiveRoom
from workshop_tui.room.screens import WAITING, BlankScreen, BreakScreen, RoomScreen
from workshop_tui.storage.opener import open_store

__all__ = ["utc_times"]
pytestmark = pytest.mark.usefixtures("utc_times")

SIZE = (120, 36)


async def test_the_room_view_shows_each_kind_of_change(store_location: StoreLocation) -> None:
    """On a SQLite file and on a team store (LISTEN/NOTIFY): every kind of change is drawn."""
    clock = FakeClock()
    db = store_location
    store = open_store(db)
    engine = bundled_engine(db, "customer-working-agreement", clock, store=store)
    app = room_app(db, clock)
    async with app.run_test(size=SIZE) as pilot:
        await drawn(pilot)
        assert "Opening" in screen_text(app) and "Customer Working Agreement" in screen_text(app)
        await drawn(pilot, engine.timing.toggle)
        clock.advance(65)
        await wait_until(pilot, lambda: "running" in screen_text(app))  # on the next tick
        assert "running" in screen_text(app)
        await pilot.press("f")  # the countdown alone, full screen, and back
        assert isinstance(app.screen, FullTimerScreen) and "running" in screen_text(app)
        await pilot.press("f")
        assert not isinstance(app.screen, FullTimerScreen)
        await drawn(pilot, lambda: engine.notes.add("Parking lot: data migration"))
        assert "Parking lot: data migration" in screen_text(app)

        await drawn(pilot, engine.timing.next_part)  # Cynefin
        assert "Agree Type of Work" in screen_text(app)
        await drawn(
            pilot, lambda: engine.board.classify("Move records to CRM", CynefinDomain.COMPLEX)
        )
        assert "Move records to CRM" in screen_text(app)

        await drawn(pilot, engine.timing.next_part)  # promises
        row = engine.promises.add("Customer", "Provide a Product Owner")
        await drawn(pilot, lambda: engine.promises.amend(row.key, "A Product Owner 2 days a week"))
        assert "A Product Owner 2 days a week" in screen_text(app)
        await drawn(pilot, lambda: engine.promises.set(row.key, status=PromiseStatus.AGREED))
        assert "agreed" in screen_text(app).lower()

        await drawn(pilot, engine.timing.next_part)  # decisions
        await drawn(
            pilot,
            lambda: engine.decisions.record(
                "Which product first?", DecisionMethod.DOT_VOTING, votes={"Bookings": 3}
            ),
        )
        assert "Which product first?" in screen_text(app)

        await drawn(pilot, engine.timing.next_part)  # sign-off
        section = engine.part.activity.sections[0]  # type: ignore[union-attr]
        await drawn(
            pilot, lambda: engine.signoff.sign(section.id, "Bo Chen", "Customer sponsor", "BC")
        )
        assert "BC" in screen_text(app)

        await drawn(pilot, engine.timing.next_part)  # actions
        await drawn(pilot, lambda: engine.actions.add("Send the notes", "Ana", date(2026, 11, 27)))
        assert "Send the notes" in screen_text(app)

        await drawn(pilot, lambda: store.set_room_blank(engine.session.id, True, clock.now()))
        assert isinstance(app.screen, BlankScreen)
        assert "Send the notes" not in screen_text(app)
        await pilot.press("b")  # the room's own key shows the session again
        assert "Send the notes" in screen_text(app)
        await pilot.press("b")
        assert isinstance(app.screen, BlankScreen)

        await pilot.press("b")
        await drawn(pilot, engine.timing.finish)  # the closing screen: what was agreed
        text = screen_text(app)
        assert WAITING not in text and "What we agreed" in text
        assert "Send the notes" in text and "owner Ana" in text
        assert "A Product Owner 2 days a week" in text and "BC" not in text


@pytest.mark.parametrize("script_id", BUNDLED)
async def test_no_private_note_or_tip_reaches_any_part(tmp_path: Path, script_id: str) -> None:
    clock = FakeClock()
    db = tmp_path / "w.db"
    engine = bundled_engine(db, script_id, clock)
    script = engine.script
    private = [tip for tip in script.facilitation_tips]
    private += [note for part in script.parts for note in part.facilitator_notes]
    assert private
    app = room_app(db, clock)
    async with app.run_test(size=(160, 45)) as pilot:
        await drawn(pilot)
        for index in range(len(script.parts)):
            if index:
                await drawn(pilot, engine.timing.next_part)
            text = screen_text(app)
            assert script.parts[index].name[:30] in text
            for line in private:
                assert line[:40] not in text, f"{line[:40]!r} shown in part {index + 1}"


async def test_the_countdown_tick_while_the_screens_close_raises_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The tick timer may fire as the app takes its screens down (it failed CI once)."""
    ticks = calls_to(monkeypatch, RoomApp, "_tick")
    clock = FakeClock()
    db = tmp_path / "w.db"
    bundled_engine(db, BUNDLED[0], clock)
    app = room_app(db, clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await drawn(pilot)
        await app.room.query_one(LiveRoom).remove()  # as shutting down does, screen by screen
        removed = ticks()
        await wait_until(pilot, lambda: ticks() >= removed + 3, what="3 ticks on the closing app")
        assert app.return_code is None, "a tick on the closing screens stopped the app"


async def test_the_tick_over_a_board_while_its_strip_is_taken_down_raises_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Closing removes a screen's widgets one by one: the agenda's strip over a board may be
    gone while the countdown beside it is still there (it failed a whole run once)."""
    clock = FakeClock()
    db = tmp_path / "w.db"
    engine = bundled_engine(db, "customer-working-agreement", clock)
    app = room_app(db, clock)
    ticks = calls_to(monkeypatch, RoomApp, "_tick")
    async with app.run_test(size=(100, 30)) as pilot:
        await drawn(pilot)
        await drawn(pilot, engine.timing.next_part)  # the Cynefin board: the staged layout
        live = app.room.query_one(LiveRoom)
        assert live.has_class("-staged")
        await live.query_one(AgendaStrip).remove()
        removed = ticks()
        await wait_until(pilot, lambda: ticks() >= removed + 3, what="3 ticks without the strip")
        assert app.return_code is None, "a tick without the strip stopped the app"


async def test_a_break_says_when_the_room_comes_back_and_ends_from_the_console(
    tmp_path: Path,
) -> None:
    clock = FakeClock()
    db = tmp_path / "w.db"
    store = open_store(db)
    engine = bundled_engine(db, "customer-working-agreement", clock, store=store)
    back = clock.now() + timedelta(minutes=10)
    app = room_app(db, clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await drawn(pilot)
        await drawn(pilot, lambda: store.set_room_break(engine.session.id, back, clock.now()))
        assert isinstance(app.screen, BreakScreen)
        assert f"Back at {hhmm(back)}" in screen_text(app)
        assert app.screen.query_one(BigCountdown).text == "10:00"  # from the first frame
        clock.advance(60)
        await wait_until(pilot, lambda: app.screen.query_one(BigCountdown).text == "09:00")
        await drawn(pilot, lambda: store.set_room_blank(engine.session.id, True, clock.now()))
        assert isinstance(app.screen, BlankScreen)  # blank wins over a break
        await drawn(pilot, lambda: store.set_room_blank(engine.session.id, False, clock.now()))
        assert isinstance(app.screen, BreakScreen)
        await drawn(pilot, lambda: store.set_room_break(engine.session.id, None, clock.now()))
        assert isinstance(app.screen, RoomScreen) and "Opening" in screen_text(app)
    store.close()
