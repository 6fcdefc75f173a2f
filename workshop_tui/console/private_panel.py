"""The facilitator's private panel: notes, tips and what comes next, and the room view's link.

While a room view follows the session (its heartbeat in the store is fresh),
the projector shows the room view and this screen is the facilitator's own:
the panel stays open beside the activity, with the next part's name and
prompts, and its border says "room view connected"; ``B`` blanks the room view.
With none, this screen is what the room sees: ``t`` shows the panel as before,
and its border says plainly that it is visible to the room.
"""

from __future__ import annotations

import contextlib
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any, Protocol, runtime_checkable

from textual.containers import VerticalScroll
from textual.reactive import reactive
from textual.widgets import Static

from workshop_tui.domain.clock import SystemClock
from workshop_tui.domain.ports import StoreError
from workshop_tui.widgets.plain_text import notify, plain

if TYPE_CHECKING:
    from textual.app import ComposeResult

    from workshop_tui.domain.engine import SessionEngine

CHECK_SECONDS = 2.0
"""How often the store is asked whether a room view follows."""
FRESH = timedelta(seconds=6)
"""A room view that beat this recently is connected (it beats every 2 seconds)."""

CONNECTED = "▣ room view connected"
VISIBLE = "the room sees this · t hides"


@runtime_checkable
class RoomSignals(Protocol):
    """What the store offers the console about room views (``SqlSessionStore`` has it)."""

    def room_view_seen(self, session_id: int, since: datetime) -> bool: ...

    def room_blanked(self, session_id: int) -> bool: ...

    def set_room_blank(self, session_id: int, blanked: bool, at: datetime) -> None: ...


class PrivatePanel(VerticalScroll, can_focus=False):
    """Private notes and tips of the part, the next part, and whether a room view follows."""

    requested: reactive[bool] = reactive(False)
    """The facilitator asked to see it (``t``)."""
    connected: reactive[bool] = reactive(False)
    """A room view follows this session."""
    blanked: reactive[bool] = reactive(False)
    """The room view was asked to go blank."""

    def __init__(self, engine: SessionEngine, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.engine = engine

    def compose(self) -> ComposeResult:
        yield Static(id="private-text")

    def on_mount(self) -> None:
        signals = self._signals()
        if signals is not None:
            with contextlib.suppress(StoreError):
                self.blanked = signals.room_blanked(self.engine.session.id)
            self.check_room()
            self.set_interval(CHECK_SECONDS, self.check_room)
        self._draw()

    def _signals(self) -> RoomSignals | None:
        store = getattr(self.app, "store", None)
        return store if isinstance(store, RoomSignals) else None

    def _now(self) -> datetime:
        clock = getattr(self.app, "clock", None)
        return clock.now() if clock is not None else SystemClock().now()

    def check_room(self) -> None:
        """Ask the store whether a room view followed this session in the last seconds."""
        signals = self._signals()
        if signals is None:
            return
        since = self._now() - FRESH
        try:
            self.connected = signals.room_view_seen(self.engine.session.id, since)
        except StoreError:
            self.connected = False

    def toggle_blank(self) -> None:
        """Blank the room view, or show the session on it again."""
        signals = self._signals()
        if signals is None:
            notify(self, "No room view can follow this session.", timeout=4)
            return
        blanked = not self.blanked
        try:
            signals.set_room_blank(self.engine.session.id, blanked, self._now())
        except StoreError as error:
            notify(self, str(error), title="Not done", severity="error")
            return
        self.blanked = blanked
        word = "blanked" if blanked else "showing the session again"
        suffix = "" if self.connected else " (none is connected now)"
        notify(self, f"Room view {word}{suffix}.", timeout=3)

    def show(self, requested: bool | None = None) -> None:
        """Draw the current part's notes (``requested``: whether ``t`` asked for the panel)."""
        if requested is not None:
            self.requested = requested
        self._draw()

    def watch_requested(self) -> None:
        self._draw()

    def watch_connected(self) -> None:
        self._draw()

    def watch_blanked(self) -> None:
        self._draw()

    def _draw(self) -> None:
        if not self.is_mounted:
            return
        engine = self.engine
        script, index = engine.script, engine.index
        part = script.parts[index]
        lines = [f"• {note}" for note in part.facilitator_notes]
        if script.facilitation_tips:
            lines.append("Tips")
            lines += [f"• {tip}" for tip in script.facilitation_tips]
        if self.connected and index + 1 < len(script.parts):
            following = script.parts[index + 1]
            lines.append(f"Next: {index + 2}. {following.name}")
            lines += [f"❝ {prompt} ❞" for prompt in following.prompts]
        self.query_one("#private-text", Static).update(plain("\n".join(lines)))
        self.border_title = plain(CONNECTED if self.connected else VISIBLE)
        self.border_subtitle = plain(
            ("private · room view blanked (B)" if self.blanked else "private · B blanks the room")
            if self.connected
            else ""
        )
        self.set_class(self.connected, "-connected")
        self.display = self.connected or self.requested
