"""Snapshots of the room view on a projector's usual sizes, in both themes."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

import pytest
from textual.pilot import Pilot

from tests.ui.panel_harness import utc_times
from tests.ui.room_harness import bundled_engine, drawn, room_app
from workshop_tui.app.themes import DARK, LIGHT
from workshop_tui.domain.clock import FakeClock
from workshop_tui.domain.kinds import CynefinDomain, DecisionMethod, PromiseStatus
from workshop_tui.domain.room_cue import InPlay
from workshop_tui.storage.opener import open_store

__all__ = ["utc_times"]
pytestmark = pytest.mark.usefixtures("utc_times")

Snap = Callable[..., bool]


@pytest.mark.parametrize("theme", ["dark", "light"])
@pytest.mark.parametrize("size", [(100, 30), (80, 24), (160, 45)], ids=lambda s: f"{s[0]}x{s[1]}")
def test_room_view(snap_compare: Snap, tmp_path: Path, size: tuple[int, int], theme: str) -> None:
    clock = FakeClock()
    db = tmp_path / "w.db"
    engine = bundled_engine(db, "customer-working-agreement", clock)
    engine.timing.toggle()
    clock.advance(6 * 60)
    engine.timing.next_part()  # Agree Type of Work
    if not engine.timing.running:
        engine.timing.toggle()
    engine.board.classify("Move customer records into the new CRM", CynefinDomain.COMPLEX)
    engine.board.classify("Nightly invoice run", CynefinDomain.CLEAR)
    clock.advance(3 * 60 + 20)

    async def run(pilot: Pilot[None]) -> None:
        await drawn(pilot)
        if theme == "light":
            await pilot.press("ctrl+t")
        await pilot.pause()

    assert snap_compare(room_app(db, clock), terminal_size=size, run_before=run)


SCENES = ("opening", "cynefin", "promises", "decisions", "signoff", "actions", "break", "closing")


def scene(db: Path, clock: FakeClock, name: str, theme: str) -> None:
    """The customer workshop on the part of ``name``, with something on its board and an
    item in play, as a facilitator would have it; the break and the closing screen too."""
    store = open_store(db)
    engine = bundled_engine(db, "customer-working-agreement", clock, store=store)
    engine.timing.toggle()
    clock.advance(5 * 60)
    in_play: str | None = None
    engine.notes.add("Parking lot: data migration")
    if name in ("cynefin", "promises", "decisions", "signoff", "actions", "closing"):
        engine.timing.next_part()
        engine.board.classify("Move customer records into the new CRM", CynefinDomain.COMPLEX)
        engine.board.classify("Nightly invoice run", CynefinDomain.CLEAR)
        in_play = "tray:2"
    if name in ("promises", "decisions", "signoff", "actions", "closing"):
        engine.timing.next_part()
        engine.promises.add("Customer", "Answer questions within one working day")
        row = engine.promises.add("Delivery team", "Show working software every two weeks")
        engine.promises.set(row.key, status=PromiseStatus.AGREED)
        in_play = f"Delivery team\n{row.key}"
    if name in ("decisions", "signoff", "actions", "closing"):
        engine.timing.next_part()
        votes = {"Bookings": 5, "Claims": 3, "Reporting": 1}
        question = "Which product do we start with?"
        engine.decisions.record(question, DecisionMethod.DOT_VOTING, votes=votes)
        in_play = None
    if name in ("signoff", "actions", "closing"):
        engine.timing.next_part()
        section = engine.part.activity.sections[1]  # type: ignore[union-attr]
        engine.signoff.sign(section.id, "Bo Chen", "Customer sponsor", "BC")
        in_play = section.id
    if name in ("actions", "closing"):
        engine.timing.next_part()
        engine.actions.add("Send the notes to everyone", "Priya Sharma", date(2027, 1, 1))
        action = engine.actions.add("Book the first review", "Ana Lopez", date(2027, 3, 1))
        in_play = f"action:{action.key}"
    if not engine.timing.running:
        engine.timing.toggle()
    clock.advance(3 * 60 + 20)
    if in_play is not None:
        store.set_room_in_play(engine.session.id, InPlay(engine.index, in_play), clock.now())
    if name == "break":
        store.set_room_break(engine.session.id, clock.now() + timedelta(minutes=10), clock.now())
    if name == "closing":
        engine.timing.finish()
    if theme != DARK:  # as the console's Ctrl+T tells it
        store.set_room_theme(engine.session.id, theme, clock.now())


@pytest.mark.parametrize("theme", ["dark", "light"])
@pytest.mark.parametrize("size", [(100, 30), (80, 24), (160, 45)], ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("name", SCENES)
def test_room_scene(
    snap_compare: Snap, tmp_path: Path, name: str, size: tuple[int, int], theme: str
) -> None:
    clock = FakeClock()
    db = tmp_path / "w.db"
    scene(db, clock, name, LIGHT if theme == "light" else DARK)

    async def run(pilot: Pilot[None]) -> None:
        await drawn(pilot)
        await pilot.pause()

    assert snap_compare(room_app(db, clock), terminal_size=size, run_before=run)
