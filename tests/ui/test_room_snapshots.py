"""Snapshots of the room view on a projector's usual sizes, in both themes."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from textual.pilot import Pilot

from tests.ui.panel_harness import utc_times
from tests.ui.room_harness import bundled_engine, drawn, room_app
from workshop_tui.domain.clock import FakeClock
from workshop_tui.domain.kinds import CynefinDomain

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
