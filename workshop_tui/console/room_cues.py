"""The console's cues to the room view: the item and prompt in play, the break, the theme.

The facilitator's selection is a signal, not a record: it is written beside the
session (``room_cues``), never into its history, and only when it changed. The
selection is looked at every ``LOOK_SECONDS`` (a few attribute reads); a change
is written off the screen's thread, the latest one first come (a held arrow key
costs the screen nothing, and the store at most one short write per look), so
the room view follows within a poll of its own.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from contextlib import suppress
from datetime import datetime
from typing import TYPE_CHECKING, Any, Protocol, runtime_checkable

from textual.css.query import NoMatches
from textual.widget import Widget

from workshop_tui.domain.clock import Clock, SystemClock
from workshop_tui.domain.ports import StoreError
from workshop_tui.domain.room_cue import InPlay, RoomCue

if TYPE_CHECKING:
    from workshop_tui.domain.engine import SessionEngine

LOOK_SECONDS = 0.04
"""How often the console looks whether the selection moved."""


@runtime_checkable
class RoomCues(Protocol):
    """What the store offers the console to cue the room view (``SqlSessionStore`` has it)."""

    def set_room_in_play(self, session_id: int, in_play: InPlay, at: datetime) -> None: ...

    def set_room_break(self, session_id: int, back_at: datetime | None, at: datetime) -> None: ...

    def set_room_theme(self, session_id: int, theme: str, at: datetime) -> None: ...

    def set_room_closed(self, session_id: int, closed: bool, at: datetime) -> None: ...

    def room_cue(self, session_id: int) -> RoomCue: ...


class RoomCuer(Widget):
    """Publishes what the facilitator has in play, and the console's theme, to the room view.

    ``in_play`` says the key of the selected item on the current part's board
    (None: nothing to select). The prompt in play is chosen here (``next_prompt``).
    """

    DEFAULT_CSS = "RoomCuer { display: none; }"

    def __init__(
        self, engine: SessionEngine, in_play: Callable[[], str | None], **kwargs: Any
    ) -> None:
        super().__init__(**kwargs)
        self.engine = engine
        self._in_play = in_play
        self._prompts: dict[int, int | None] = {}
        """The prompt in play on each part the facilitator chose one on."""
        self.back_at: datetime | None = None
        """When the room comes back from the break it is on; None: no break."""
        self._writer: CueWriter | None = None

    def on_mount(self) -> None:
        cues = self._cues()
        if cues is None:
            return
        with suppress(StoreError):  # a resumed session may be on a break
            self.back_at = cues.room_cue(self.engine.session.id).back_at
        self.set_interval(LOOK_SECONDS, self.publish)
        self.publish()

    def _cues(self) -> RoomCues | None:
        store = getattr(self.app, "store", None)
        return store if isinstance(store, RoomCues) else None

    def now(self) -> datetime:
        """The time, from the app's clock."""
        return self._clock().now()

    def _clock(self) -> Clock:
        clock: Clock | None = getattr(self.app, "clock", None)
        return clock if clock is not None else SystemClock()

    @property
    def prompt(self) -> int | None:
        """The prompt in play on the current part (its index), if one was chosen."""
        return self._prompts.get(self.engine.index)

    def next_prompt(self) -> int | None:
        """Put the part's next prompt in play (after the last: none); the one now in play."""
        count = len(self.engine.part.prompts)
        if not count:
            return None
        now = self.prompt
        following = 0 if now is None else now + 1
        self._prompts[self.engine.index] = following if following < count else None
        self.publish()
        return self.prompt

    def publish(self) -> None:
        """Hand the selection and the theme to the writer if either moved."""
        try:
            item = self._in_play()
        except NoMatches:  # the board is being swapped: no selection for a moment
            return
        asked = (InPlay(self.engine.index, item, self.prompt), self.app.theme)
        cues = self._cues()
        if cues is None:
            return
        if self._writer is None:
            self._writer = CueWriter(cues, self.engine.session.id, self._clock().now)
        if self._writer.ask(asked):
            # Started by the app, in the app's context, not this widget's: a finished thread
            # worker stays referenced from its idle thread (Textual's active worker), with
            # the context it was started in, and must not keep this screen alive after it.
            write = self._writer.write_latest
            self.app.call_later(self.app.run_worker, write, thread=True, group="room-cues")

    def set_break(self, back_at: datetime | None) -> None:
        """Put the room on a break until ``back_at`` (None ends it); ``StoreError`` if refused."""
        cues = self._cues()
        if cues is None:
            raise StoreError("no room view can follow this session")
        cues.set_room_break(self.engine.session.id, back_at, self.now())
        self.back_at = back_at


class CueWriter:
    """Writes the latest selection and theme asked for, off the screen's thread.

    Holds nothing of the screen (only the store, the session's id and the clock), so a
    write still referenced after its screen has gone keeps no board alive.
    """

    def __init__(self, cues: RoomCues, session_id: int, now: Callable[[], datetime]) -> None:
        self._cues = cues
        self._session_id = session_id
        self._now = now
        self._asked: tuple[InPlay, str] | None = None
        """The latest selection and theme to write."""
        self._written: tuple[InPlay | None, str | None] = (None, None)
        self._lock = threading.Lock()
        self.writes = 0
        """How many selections were written (for tests and benchmarks)."""

    def ask(self, asked: tuple[InPlay, str]) -> bool:
        """Ask for ``asked`` to be written; False: it was asked for already."""
        if asked == self._asked:
            return False
        self._asked = asked
        return True

    def write_latest(self) -> None:
        """Write the latest selection and theme asked for, if not written yet (in a short
        thread of its own: the writes of a held arrow key queue on the lock, and each one
        that finds nothing newer ends at once). A refusal (the file busy for a moment) is
        tried again at the next look."""
        with self._lock:
            if self._asked is None:
                return
            in_play, theme = self._asked
            try:
                if in_play != self._written[0]:
                    self._cues.set_room_in_play(self._session_id, in_play, self._now())
                    self._written = (in_play, self._written[1])
                    self.writes += 1
                if theme != self._written[1]:
                    self._cues.set_room_theme(self._session_id, theme, self._now())
                    self._written = (self._written[0], theme)
            except StoreError:
                self._asked = None  # the next look asks again
