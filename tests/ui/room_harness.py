"""A facilitator's engine writing to a real store, and the room view following it."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from textual.app import App
from textual.pilot import Pilot

from tests.ui.screen_reader import screen_lines
from tests.waiting import wait_until
from workshop_tui.content.catalog import find_script
from workshop_tui.content.loader import load_script
from workshop_tui.domain.clock import FakeClock
from workshop_tui.domain.engine import SessionEngine
from workshop_tui.domain.ports import SessionStore
from workshop_tui.domain.records import Participant
from workshop_tui.domain.snapshot import SessionSetup
from workshop_tui.locations import StoreLocation
from workshop_tui.room.app import RoomApp
from workshop_tui.storage.opener import open_store

BUNDLED = ("customer-working-agreement", "product-engineering-agreement", "partnership-agreement")
ROOM = (
    Participant("Ana Lopez", "Product Owner"),
    Participant("Bo Chen", "Customer sponsor"),
    Participant("Cy Diaz", "Delivery lead"),
)


def bundled_engine(
    path: Path | StoreLocation,
    script_id: str,
    clock: FakeClock,
    *,
    store: SessionStore | None = None,
) -> SessionEngine:
    """A new session of a bundled script (its private notes and tips with it) in ``path``
    (a SQLite file, or any store).

    It writes through ``store`` if one is given (for a test that needs the store itself).
    """
    loaded = load_script(find_script(script_id, []))
    setup = SessionSetup(customer="Acme", facilitator="Kim", participants=ROOM)
    store = store or open_store(path)
    return SessionEngine.begin(loaded.script, loaded.source, setup, store, clock)


def room_app(
    path: Path | StoreLocation, clock: FakeClock, session_id: int | None = None
) -> RoomApp:
    """The room view on ``path`` (a file, or any store), looking for commits every 20 ms (a
    team store's wakes at once on its NOTIFY)."""
    return RoomApp(path, session_id, clock=clock, poll_seconds=0.02)


async def drawn(pilot: Pilot[None], change: Callable[[], object] | None = None) -> None:
    """Make ``change`` (an engine call), then wait until the room view drew it."""
    app = pilot.app
    assert isinstance(app, RoomApp)
    before = app.updates
    if change is not None:
        change()
    await wait_until(pilot, lambda: app.updates > before, what="the room view drew the change")
    await pilot.pause()


def screen_text(app: App[None]) -> str:
    """Every line of the current frame, as the room sees it."""
    return "\n".join(screen_lines(app))
