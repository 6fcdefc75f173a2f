"""``workshop room``: the room view, a second, read-only process that follows the store.

The first frame is drawn before the database layer is imported; the store is
opened and followed in one worker thread, which looks for commits every
``POLL_SECONDS`` (``PRAGMA data_version``: a few microseconds) and hands each
new moment of the session to the screen. The countdown runs on from the stored
timings with the clock, so it keeps going whether the console is up, gone or
back.
"""

from __future__ import annotations

import time
from contextlib import suppress
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from rich.text import Text
from textual import work
from textual.app import App
from textual.binding import Binding
from textual.worker import get_current_worker

from workshop_tui.app.themes import DARK, other_theme, register_themes
from workshop_tui.domain.clock import Clock, SystemClock
from workshop_tui.domain.kinds import SessionState
from workshop_tui.domain.ports import StoreError
from workshop_tui.domain.read_models.closing import closing_view
from workshop_tui.locations import StoreLocation
from workshop_tui.printable import printable
from workshop_tui.room.full_timer import FullTimerScreen, full_timer_screen
from workshop_tui.room.live import LiveRoom, timer_of
from workshop_tui.room.opening import Opening, not_created_yet, refusal_before_waiting
from workshop_tui.room.screens import BlankScreen, BreakScreen, RoomScreen

if TYPE_CHECKING:
    from workshop_tui.storage.following import Followed, Follower

POLL_SECONDS = 0.05
"""How often the store is asked whether anything was committed."""
BEAT_SECONDS = 2.0
"""How often the room view tells the console it is following."""
TICK_SECONDS = 0.2
RETRY_SECONDS = 1.0
"""How soon a store that failed is tried again (a team store back after a restart)."""


class RoomApp(App[None]):
    """The projector's screen: what the room should see of the session, and nothing else."""

    CSS_PATH = "room.tcss"
    TITLE = "workshop-tui room view"
    ENABLE_COMMAND_PALETTE = False
    """Nobody looks for a command on the projector (and a palette would show over the room)."""
    BINDINGS = [
        Binding("b", "toggle_blank", "Blank", tooltip="Blank the screen, as at a break"),
        Binding("f", "toggle_full_timer", "Full-screen timer", tooltip="The countdown alone"),
        Binding("ctrl+t", "toggle_theme", "Light/dark", tooltip="Switch light and dark"),
        Binding("q", "quit", "Quit", tooltip="Close the room view (the session goes on)"),
    ]

    def __init__(
        self,
        store: StoreLocation | Path,
        session_id: int | None = None,
        clock: Clock | None = None,
        poll_seconds: float = POLL_SECONDS,
        *,
        own_folder: bool = False,
    ) -> None:
        """``own_folder``: the store's folder is the data folder, which the console creates."""
        super().__init__()
        self.location = store if isinstance(store, StoreLocation) else StoreLocation(path=store)
        self.session_id = session_id
        self.own_folder = own_folder
        self.clock: Clock = clock or SystemClock()
        self.poll_seconds = poll_seconds
        self.followed: Followed | None = None
        self.updates = 0
        """How many new moments of the store were drawn (for tests and benchmarks)."""
        self.blanked = False
        self._store_blank = False
        self._back_at: datetime | None = None
        """When the room comes back from the break the console announced; None: no break."""
        self._console_theme: str | None = None
        register_themes(self)
        self.theme = DARK

    # -- start-up and following ------------------------------------------------------------
    def on_mount(self) -> None:
        self.push_screen(RoomScreen("Opening the session…"))
        self.call_after_refresh(self._follow)
        self.set_interval(TICK_SECONDS, self._tick)

    @property
    def room(self) -> RoomScreen:
        """The room view's main screen (under the blank and full-timer screens)."""
        return next(s for s in self.screen_stack if isinstance(s, RoomScreen))

    @work(thread=True, exclusive=True, group="follow")
    def _follow(self) -> None:
        """Open the store read-only (waiting for the console to create it) and follow it
        until the app closes."""
        follower = self._open()
        if follower is None:
            return
        try:
            self._follow_loop(follower)
        finally:
            follower.close()

    def _open(self) -> Follower | None:
        """The follower, once the store can be followed; None: refused (said) or closing.

        A file not created yet is waited for; so is a team store that cannot be reached.
        """
        path = self.location.path
        awaited = path is not None and not_created_yet(path.expanduser())
        if path is not None and awaited:
            refusal = refusal_before_waiting(path.expanduser(), self.session_id, self.own_folder)
            if refusal is not None:
                self.call_from_thread(self.fail, refusal)
                return None
        opening = Opening(self.location, self.session_id, self.clock.now, awaited=awaited)
        worker = get_current_worker()
        while not worker.is_cancelled:
            try:
                follower = opening.attempt()
            except StoreError as error:
                self.call_from_thread(self.fail, str(error))
                return None
            if follower is not None:
                return follower
            if self.updates == 0:  # nothing drawn yet: wait calmly, as for a session
                self._from_thread(self._draw, None)
            time.sleep(self.poll_seconds if path is not None else RETRY_SECONDS)
        return None

    def _follow_loop(self, follower: Follower) -> None:
        worker = get_current_worker()
        next_beat = 0.0
        trouble: str | None = None
        while not worker.is_cancelled:
            try:
                changed, followed = follower.poll()
                if time.monotonic() >= next_beat:
                    follower.beat(self.clock.now())
                    next_beat = time.monotonic() + BEAT_SECONDS
                if trouble is not None:
                    trouble = None
                    self._from_thread(self._trouble, None)
                if changed:
                    self._from_thread(self._draw, followed)
                follower.wait(self.poll_seconds)
            except StoreError as error:  # keep the last state on screen, and try again
                if str(error) != trouble:
                    trouble = str(error)
                    self._from_thread(self._trouble, f"Cannot read the session: {trouble}")
                time.sleep(max(self.poll_seconds, RETRY_SECONDS))

    def _from_thread(self, callback: object, *args: object) -> None:
        with suppress(RuntimeError):  # the app closed in between
            self.call_from_thread(callback, *args)  # type: ignore[arg-type]

    def _showing(self) -> RoomScreen | None:
        """The main screen while it holds the live room; None once the app is taking its
        screens down (a moment from the store, or a tick, may still come)."""
        room = next((s for s in self.screen_stack if isinstance(s, RoomScreen)), None)
        return room if room is not None and room.query(LiveRoom) else None

    def _trouble(self, message: str | None) -> None:
        if (room := self._showing()) is not None:
            room.trouble(message)

    async def _draw(self, followed: Followed | None) -> None:
        """Show a new moment of the store."""
        room = self._showing()
        if room is None:
            return
        self.followed = followed
        self.updates += 1
        if followed is None:
            room.waiting()
            self._back_at = None
            self._blank(False)
            if isinstance(self.screen, FullTimerScreen):
                self.pop_screen()
            return
        self._follow_theme(followed.cue.theme)
        session = followed.session
        finished = session.state is SessionState.FINISHED
        with self.batch_update():  # a part change is drawn as one frame, brief to board
            if finished and followed.cue.closed:  # the facilitator closed the closing screen
                room.waiting()
            elif finished:
                today = self.clock.now().astimezone().date()
                room.closing(closing_view(followed.script, session, today))
            else:
                await room.live().show(followed, self.clock.now())
            self._back_at = None if finished else followed.cue.back_at
            if followed.blanked != self._store_blank:  # the console asked: it wins over the key
                self._store_blank = followed.blanked
                self.blanked = followed.blanked
            self._arrange()
            self._tick()

    def _follow_theme(self, theme: str | None) -> None:
        """The console switched its theme: the room view follows (its own Ctrl+T still can)."""
        if theme is not None and theme != self._console_theme:
            self._console_theme = theme
            if theme in self.available_themes:
                self.theme = theme

    def _tick(self) -> None:
        followed = self.followed
        room = self._showing()
        if followed is None or room is None:  # nothing yet, or the app is closing its screens
            return
        now = self.clock.now()
        for screen in self.screen_stack:
            if isinstance(screen, BreakScreen):
                screen.tick(now)
        view = room.query_one(LiveRoom).tick(now)
        if isinstance(self.screen, FullTimerScreen) and view is not None:
            part = followed.script.parts[followed.session.current_part]
            self.screen.show(timer_of(followed, now), part.name)

    def fail(self, message: str) -> None:
        """Stop at start-up with one sentence on stderr and exit status 2, like the console."""
        self.error_console.soft_wrap = True
        shown = "\n".join(printable(line) for line in message.split("\n"))
        self.call_after_refresh(self.exit, return_code=2, message=Text(f"workshop: {shown}"))

    # -- keys ------------------------------------------------------------------------------
    def action_toggle_blank(self) -> None:
        self._blank(not self.blanked)

    def _blank(self, blanked: bool) -> None:
        self.blanked = blanked
        self._arrange()

    def _arrange(self) -> None:
        """Blank over everything while asked; else the break while there is one; else the
        room (or the full-screen timer the room view's own key chose)."""
        title = self.followed.script.title if self.followed else ""
        while isinstance(self.screen, BlankScreen | BreakScreen):
            if isinstance(self.screen, BlankScreen) and self.blanked:
                return
            if isinstance(self.screen, BreakScreen) and not self.blanked and self._back_at:
                self.screen.show(self._back_at, self.clock.now())
                return
            self.pop_screen()
        if self.blanked:
            self.push_screen(BlankScreen(title))
        elif self._back_at is not None:
            self.push_screen(BreakScreen(title, self._back_at, self.clock.now()))

    def action_toggle_full_timer(self) -> None:
        if isinstance(self.screen, FullTimerScreen):
            self.pop_screen()
        elif isinstance(self.screen, RoomScreen) and self.followed is not None:
            self.push_screen(full_timer_screen())
            self.call_after_refresh(self._tick)

    def action_toggle_theme(self) -> None:
        self.theme = other_theme(self.theme)

    def action_help_quit(self) -> None:
        """Ctrl+C closes the room view, as ``q`` does, rather than show the room a toast
        telling which key quits (Textual's way)."""
        self.exit()
