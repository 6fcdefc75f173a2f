"""A real engine on a real SQLite file, and an app that shows one activity panel."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.pilot import Pilot
from textual.widget import Widget
from textual.widgets import Footer, Input

import workshop_tui
from workshop_tui.content.model import Script
from workshop_tui.controls.base import ActivityControls
from workshop_tui.dialogs.form import FormDialog
from workshop_tui.dialogs.key_hold import HoldsKeys
from workshop_tui.domain.clock import FakeClock
from workshop_tui.domain.engine import SessionEngine
from workshop_tui.domain.records import Participant
from workshop_tui.domain.snapshot import SessionSetup, SessionSnapshot
from workshop_tui.storage.opener import open_store

ROOM = (
    Participant("Ana Lopez", "Product Owner"),
    Participant("Bo Chen", "Customer sponsor"),
    Participant("Cy Diaz", "Delivery lead"),
    Participant("Di Evans", "Scrum Master"),
)

PAIR = (Participant("Ana", "Product Owner"), Participant("Bo", "Developer"))
"""Two people, for the boards' tests."""

APP_CSS = Path(workshop_tui.__file__).parent / "app" / "app.tcss"
PANEL_BOX = (64, 15)
"""Roughly the space the facilitation screen gives a panel on a 100x30 terminal."""
BOARD_BOX = (66, 16)
"""The space the facilitation screen gives the Cynefin and promise boards at 100x30."""


def begin(
    tmp_path: Path,
    script: Script,
    *,
    part: int = 0,
    participants: tuple[Participant, ...] = ROOM,
    clock: FakeClock | None = None,
) -> SessionEngine:
    """A new session of ``script`` stored in ``tmp_path/w.db``, moved to part ``part``."""
    store = open_store(tmp_path / "w.db")
    engine = SessionEngine.begin(
        script,
        "# panel test\n",
        SessionSetup(customer="Acme", facilitator="Kim", participants=participants),
        store,
        clock or FakeClock(),
    )
    if part:
        engine.timing.go_to(part)
    return engine


def reloaded(tmp_path: Path, engine: SessionEngine) -> SessionSnapshot:
    """The session as a fresh store reads it back from the file."""
    store = open_store(tmp_path / "w.db")
    try:
        return store.load_session(engine.session.id)[1]
    finally:
        store.close()


def reopened(
    tmp_path: Path, engine: SessionEngine, clock: FakeClock | None = None
) -> SessionEngine:
    """The session resumed from the file by a new engine, as after a restart."""
    engine_again, _ = SessionEngine.reopen(
        engine.session.id, open_store(tmp_path / "w.db"), clock or FakeClock()
    )
    return engine_again


class PanelApp(HoldsKeys):
    """One panel in a box the size the facilitation screen gives it, and a footer."""

    CSS_PATH = APP_CSS
    CSS = """
    Screen { align: center middle; }
    #activity { border: round $accent; }
    """

    def __init__(
        self, make_panel: Callable[[], ActivityControls], box: tuple[int, int] = PANEL_BOX
    ) -> None:
        super().__init__()
        self._make_panel = make_panel
        self._box = box
        self.changes = 0

    def compose(self) -> ComposeResult:
        holder = Vertical(id="activity")
        holder.styles.width, holder.styles.height = self._box[0] + 2, self._box[1] + 2
        with holder:
            yield self._make_panel()
        yield Footer()

    def on_mount(self) -> None:
        self.panel.focus_main()

    @property
    def panel(self) -> ActivityControls:
        return self.query_one(ActivityControls)

    def on_activity_controls_changed(self, _: ActivityControls.Changed) -> None:
        self.changes += 1


@pytest.fixture
def utc_times(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Show times as UTC, so what a panel prints does not depend on the machine."""
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def shown(widget: Widget) -> str:
    """The plain text a Static shows."""
    return str(widget.render())


async def fill(pilot: Pilot[None], **values: str) -> FormDialog:
    """Set fields of the open dialog, once it is fully mounted."""
    await pilot.pause()
    dialog = pilot.app.screen
    assert isinstance(dialog, FormDialog)
    for name, value in values.items():
        dialog.query_one(f"#field-{name}", Input).value = value
    return dialog
