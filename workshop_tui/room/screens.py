"""The room view's screens: the live session (a calm wait for one, or what the room agreed
once it finished), a break with the time the room comes back, and blank."""

from __future__ import annotations

from datetime import datetime

from textual.app import ComposeResult
from textual.containers import Center, Middle, Vertical
from textual.screen import Screen
from textual.widgets import ContentSwitcher, Static

from workshop_tui.boards.countdown import BigCountdown
from workshop_tui.boards.projector.closing import ClosingBoard
from workshop_tui.domain.read_models.closing import ClosingView
from workshop_tui.domain.read_models.local_time import hhmm
from workshop_tui.room.live import LiveRoom
from workshop_tui.widgets.plain_text import plain

WAITING = "Waiting for the workshop to start"


class RoomScreen(Screen[None]):
    """The session on the projector, or a calm message while there is none.

    The room view's own keys are told by ``workshop room --help``, never on the
    projector: the room does not hold the keyboard.
    """

    AUTO_FOCUS = None

    def __init__(self, message: str = WAITING) -> None:
        super().__init__()
        self._message = message

    def compose(self) -> ComposeResult:
        with ContentSwitcher(initial="room-waiting", id="room-switcher"):
            with Middle(id="room-waiting"), Center():
                yield Static(plain(self._message), id="room-waiting-text")
            yield LiveRoom(id="room-live")
            yield ClosingBoard(id="room-closing")
        yield Static(id="room-trouble")

    def waiting(self, message: str = WAITING) -> None:
        """Nothing to follow (yet): say so, calmly."""
        self.query_one("#room-waiting-text", Static).update(plain(message))
        self.query_one(ContentSwitcher).current = "room-waiting"

    def closing(self, view: ClosingView) -> None:
        """The workshop finished: what the room agreed, until the facilitator closes it."""
        self.query_one(ClosingBoard).show(view)
        self.query_one(ContentSwitcher).current = "room-closing"

    def live(self) -> LiveRoom:
        """The live session, on show."""
        self.query_one(ContentSwitcher).current = "room-live"
        return self.query_one(LiveRoom)

    def on_resize(self) -> None:
        self.set_class(self.size.height < 28, "-short")

    def trouble(self, message: str | None) -> None:
        """A line at the bottom while the store cannot be read (the last state stays shown)."""
        line = self.query_one("#room-trouble", Static)
        line.update(plain(message or ""))
        line.display = bool(message)


class BlankScreen(Screen[None]):
    """What the projector shows at a break: nothing but the workshop's name, small."""

    AUTO_FOCUS = None

    def __init__(self, title: str) -> None:
        super().__init__()
        self._title = title

    def compose(self) -> ComposeResult:
        with Vertical(id="blank"):
            yield Static(plain(self._title), id="blank-title")


class BreakScreen(Screen[None]):
    """A break: when the room comes back, and the countdown to it."""

    AUTO_FOCUS = None

    def __init__(self, title: str, back_at: datetime, now: datetime) -> None:
        super().__init__()
        self._title = title
        self.back_at = back_at
        self._opened_at = now
        """The time it was put up: its countdown is right from the first frame."""

    def compose(self) -> ComposeResult:
        with Vertical(id="break"):
            yield Static("Break", id="break-title")
            yield Static(id="break-back")
            yield BigCountdown(id="break-digits", show_label=False)
            yield Static(plain(self._title), id="break-workshop")

    def on_mount(self) -> None:
        self.show(self.back_at, self._opened_at)

    def show(self, back_at: datetime, now: datetime | None = None) -> None:
        """Come back at ``back_at``; the countdown as of ``now``."""
        self.back_at = back_at
        for line in self.query("#break-back").results(Static):
            line.update(plain(f"Back at {hhmm(back_at)}"))
        if now is not None:
            self.tick(now)

    def tick(self, now: datetime) -> None:
        """Move the countdown to the room's return on (not before it is composed, nor while
        it is being taken down)."""
        for digits in self.query(BigCountdown):
            digits.seconds = (self.back_at - now).total_seconds()
