"""The console's activity area: the current part's controls, its neighbours ready out of sight.

Mounting a big board (a promises part of a busy session holds hundreds of
widgets) takes longer than drawing it, and a part change waits for its board,
so the parts next to the current one are mounted ahead, hidden, while the room
talks. Moving to one of them shows it and draws it again from the session; any
other part is mounted then. Parts further away are let go.

After a part change the neighbours wait a moment, and for any dialog to close:
mounting one takes 100-200 ms on a busy session, and a facilitator who opens a
dialog (or moves again) straight away would wait behind it.
"""

from __future__ import annotations

import asyncio
from typing import TYPE_CHECKING, Any

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.timer import Timer
from textual.widget import MountError

from workshop_tui.controls.base import ActivityControls
from workshop_tui.controls.registry import controls_for
from workshop_tui.textual_fixes import release_removed_widgets

if TYPE_CHECKING:
    from textual.widget import AwaitMount

    from workshop_tui.domain.engine import SessionEngine

NEIGHBOURS = 1
"""Parts either side of the current one kept ready."""

QUIET_SECONDS = 0.6
"""How long after a part change its neighbours wait (and again while a dialog is open)."""


class ActivityStage(Vertical):
    """Holds one part's controls on show, and its neighbours' hidden."""

    def __init__(self, engine: SessionEngine, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.engine = engine
        self._shown = engine.index
        self._ready: dict[int, ActivityControls] = {}
        self._mounting: dict[int, AwaitMount] = {}
        self._waiting: Timer | None = None

    def compose(self) -> ComposeResult:
        yield self._controls(self._shown)

    @property
    def current(self) -> ActivityControls:
        """The controls on show."""
        return self._ready[self._shown]

    def _controls(self, index: int) -> ActivityControls:
        controls = controls_for(self.engine, self.engine.script.parts[index])
        self._ready[index] = controls
        return controls

    async def show(self, index: int) -> ActivityControls:
        """Put part ``index``'s controls on show, drawn from the session as it is now
        (mounted now unless they were ready); hide the others. Call it in a batch update."""
        controls = self._ready.get(index)
        if controls is None:
            controls = self._controls(index)
            await self.mount(controls)
        else:
            mounting = self._mounting.pop(index, None)
            if mounting is not None:
                await mounting
            controls.redraw()  # made ready earlier: the session may have moved on
        for number, other in self._ready.items():
            other.display = number == index
        self._shown = index
        return controls

    def prepare_neighbours(self, *, soon: bool = False) -> None:
        """Mount the shown part's neighbours (and let go of parts further away): now, or
        ``soon`` (after a part change); never while a screen is over the console."""
        if self._waiting is not None:
            self._waiting.stop()
            self._waiting = None
        if soon:
            self._waiting = self.set_timer(QUIET_SECONDS, self._prepare_when_free)
        else:
            self._prepare_when_free()

    def _prepare_when_free(self) -> None:
        self._waiting = None
        if not self.is_attached:
            return
        if self.app.screen is not self.screen:  # a dialog is open: once it has closed
            self._waiting = self.set_timer(QUIET_SECONDS, self._prepare_when_free)
            return
        self.run_worker(self.tidy(), group="stage", exclusive=True)

    async def tidy(self) -> None:
        """Let go of parts away from the current one; mount its neighbours, hidden."""
        near = range(self._shown - NEIGHBOURS, self._shown + NEIGHBOURS + 1)
        far = [number for number in self._ready if number not in near]
        for number in far:
            self._mounting.pop(number, None)
        if far:
            removal = self.remove_children([self._ready.pop(number) for number in far])
            # Shielded: a part change that starts the next tidy cancels this one, and a
            # cancelled wait on a removal cancels the removed widgets' tasks, which Textual's
            # own loop waits on too: the app stopped handling anything (keys included).
            await asyncio.shield(asyncio.ensure_future(removal))
            release_removed_widgets()
        for index in near:
            if not self.is_attached:  # the screen is going: mount nothing more
                return
            if 0 <= index < len(self.engine.script.parts) and index not in self._ready:
                controls = self._controls(index)
                controls.display = False
                try:
                    self._mounting[index] = self.mount(controls)
                    await self._mounting[index]
                except MountError:  # the stage left the screen while a neighbour mounted
                    return
