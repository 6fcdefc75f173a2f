"""Drive the whole WorkshopApp in tests: wait for its screens, go through set-up by keys.

The app opens its store and loads scripts in worker threads, so a screen
appears some frames after the key that asked for it: ``wait_for_screen``
polls until it is there. Everything time-dependent is pinned: the app runs
on a ``FakeClock``, the header clock reads that clock's time, and local
times are shown in UTC.
"""

from __future__ import annotations

import time
from collections.abc import Iterator, Sequence
from datetime import datetime
from pathlib import Path
from typing import TypeVar

import pytest
from textual import events
from textual.pilot import Pilot
from textual.screen import Screen
from textual.widgets import Input
from textual.widgets import _header as textual_header

from tests.waiting import wait_until as wait_until  # here too, beside the screens' waits
from workshop_tui.app.launch import Launch
from workshop_tui.app.workshop_app import WorkshopApp
from workshop_tui.dialogs.form import FormDialog
from workshop_tui.domain.clock import FakeClock
from workshop_tui.screens.facilitate import FacilitateScreen
from workshop_tui.screens.setup import SetupScreen

S = TypeVar("S", bound=Screen)

SCRIPT = "customer-working-agreement"
ROOM: tuple[tuple[str, str], ...] = (
    ("Ana Lopez", "Product Owner"),
    ("Bo Chen", "Customer sponsor"),
    ("Cy Diaz", "Delivery lead"),
    ("Di Evans", "Scrum Master"),
)
"""People in the room, as (name, role)."""


KEY_NAMES = {" ": "space", ".": "full_stop", "-": "minus", ",": "comma", "+": "plus"}
"""Characters whose key has a name of its own."""


class ScreenNotShown(AssertionError):
    """The screen a test waited for never came."""


async def wait_for_screen(pilot: Pilot[None], screen_type: type[S], timeout: float = 10) -> S:
    """Wait until the app shows a ``screen_type`` screen, and return it.

    Workers open the store and load scripts in threads, so poll rather than
    count frames. Fails with the screen that is shown instead.
    """
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        screen = pilot.app.screen
        if isinstance(screen, screen_type) and screen.is_mounted:
            await pilot.pause()
            return screen
        await pilot.pause(0.05)
    shown = type(pilot.app.screen).__name__
    raise ScreenNotShown(f"{screen_type.__name__} never showed; {shown} is on screen")


async def wait_until_idle(pilot: Pilot[None]) -> None:
    """Let workers finish and the screen settle."""
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def type_text(pilot: Pilot[None], text: str) -> None:
    """Type ``text`` into whatever has focus, one key per character."""
    await pilot.press(*[_key(char) for char in text])


async def enter_text(pilot: Pilot[None], text: str) -> None:
    """Put ``text`` into whatever has focus as a facilitator who pastes it would.

    The first character is typed (it may open or reach a dialog), the rest arrives
    as one paste: set-up by keys costs about 65 ms a key under Pilot, a paste one frame.
    """
    if not text:
        return
    await pilot.press(_key(text[0]))
    if len(text) > 1:
        pilot.app.post_message(events.Paste(text[1:]))  # as the terminal's driver posts it
        await pilot.pause()


def _key(char: str) -> str:
    return KEY_NAMES.get(char, char)


async def add_person(pilot: Pilot[None], name: str, role: str, side: str = "") -> None:
    """Fill the add-participant dialog that is open, and save it (Ctrl+S: the side and
    whom a delegate signs for are left as they are, unless ``side`` is a side's key)."""
    await wait_for_screen(pilot, FormDialog)
    await enter_text(pilot, name)
    await pilot.press("enter")
    await enter_text(pilot, role)
    if side:
        await pilot.press("enter", side)
    await pilot.press("ctrl+s")
    await wait_for_screen(pilot, SetupScreen)


async def fill_setup(
    pilot: Pilot[None],
    customer: str = "Acme Health",
    facilitator: str = "Kim Park",
    people: Sequence[tuple[str, str]] = ROOM,
    supplier: str = "",
) -> SetupScreen:
    """Type the set-up as a facilitator would: customer, supplier, facilitator, then each
    person."""
    screen = await wait_for_screen(pilot, SetupScreen)
    await enter_text(pilot, customer)
    await pilot.press("enter")
    await enter_text(pilot, supplier)
    await pilot.press("enter")
    await enter_text(pilot, facilitator)
    await pilot.press("enter")  # opens the add-participant dialog
    for number, (name, role) in enumerate(people):
        if number:
            await pilot.press("ctrl+a")
        await add_person(pilot, name, role)
    if not people:
        await pilot.press("escape")
        await wait_for_screen(pilot, SetupScreen)
    return screen


async def start_session(
    pilot: Pilot[None],
    customer: str = "Acme Health",
    facilitator: str = "Kim Park",
    people: Sequence[tuple[str, str]] = ROOM,
) -> FacilitateScreen:
    """Go through set-up by key presses and start the workshop (ctrl+s)."""
    await fill_setup(pilot, customer, facilitator, people)
    await pilot.press("ctrl+s")
    screen = await wait_for_screen(pilot, FacilitateScreen)
    pilot.app.clear_notifications()  # "n prepared items not ticked" would linger in pictures
    await pilot.pause()
    return screen


async def go_to_part(pilot: Pilot[None], index: int) -> FacilitateScreen:
    """Page to part ``index`` (0-based) of the running session."""
    screen = await wait_for_screen(pilot, FacilitateScreen)
    while screen.engine.index < index:
        await pilot.press("pagedown")
    while screen.engine.index > index:
        await pilot.press("pageup")
    await pilot.pause()
    return screen


async def settle(pilot: Pilot[None]) -> None:
    """Before a screenshot: no toasts (they time out on the real clock), no blinking cursor."""
    await wait_until_idle(pilot)
    pilot.app.clear_notifications()
    # The header clock redraws once a second of real time; make it read the fake clock now,
    # so a picture never depends on whether that second has passed.
    for header_clock in pilot.app.screen.query(textual_header.HeaderClock):
        header_clock.refresh()
    await steady_cursors(pilot)


async def steady_cursors(pilot: Pilot[None]) -> None:
    """Stop the fields' cursors blinking, each shown: a picture never depends on whether
    half a second has passed since a field took focus (it does on a loaded machine)."""
    fields = list(pilot.app.screen.query(Input))
    for field in fields:
        field.cursor_blink = False
    await pilot.pause()
    # A blink already due when the blink stopped still runs, and hides the cursor for good
    # (a CI-load flake of the 80x24 dialog snapshots): it is shown again once that has run.
    for field in fields:
        field._cursor_visible = True
    await pilot.pause()


def make_app(
    db_path: Path,
    clock: FakeClock,
    *,
    script_ref: str | None = SCRIPT,
    session_id: int | None = None,
    exports_dir: Path | None = None,
) -> WorkshopApp:
    """The app as the command line builds it, on ``clock``."""
    launch = Launch(
        store=db_path, script_ref=script_ref, session_id=session_id, exports_dir=exports_dir
    )
    return WorkshopApp(launch, clock=clock)


def pin_time(monkeypatch: pytest.MonkeyPatch, clock: FakeClock) -> None:
    """Show local times in UTC and make the header clock read ``clock``."""
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()

    class ClockTime(datetime):
        @classmethod
        def now(cls, tz=None):  # type: ignore[no-untyped-def, override]
            return clock.now() if tz is None else clock.now().astimezone(tz)

    monkeypatch.setattr(textual_header, "datetime", ClockTime)


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> Iterator[FakeClock]:
    """A FakeClock the header, the engine and local times all follow."""
    fake = FakeClock()
    pin_time(monkeypatch, fake)
    yield fake
    monkeypatch.undo()
    time.tzset()
