"""The engine's clock: elapsed, remaining and allowed time, and moving through the parts.

Remaining time is computed from clock readings (monotonic while a part runs,
wall-clock timestamps in the store), never by counting ticks. Running over
time is a state: the remaining time goes negative.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from workshop_tui.domain.engine.core import EngineError, SessionCore
from workshop_tui.domain.kinds import SessionState
from workshop_tui.domain.read_models.time_report import AgendaRow, agenda_rows
from workshop_tui.domain.snapshot import PartTiming


class Timing:
    """Reading the clock, starting and pausing, giving or taking time, changing parts."""

    def __init__(self, core: SessionCore) -> None:
        self._core = core
        session = core.session
        self._run_began: float | None = None  # monotonic reading when the current run began
        if session.timings and session.timings[session.current_part].running_since is not None:
            self._run_began = core.clock.monotonic()

    # -- reading the clock -----------------------------------------------------------------
    @property
    def current(self) -> PartTiming:
        """The current part's timing, as stored."""
        session = self._core.session
        return session.timings[session.current_part]

    @property
    def running(self) -> bool:
        return self._run_began is not None

    def today(self) -> date:
        """The local date, by the engine's clock (for due dates typed as "fri" or "+7d")."""
        return self._core.clock.now().astimezone().date()

    def elapsed(self, index: int | None = None) -> float:
        """Seconds part ``index`` (default: the current one) has run, live."""
        core = self._core
        index = core.index if index is None else index
        timing = core.session.timings[index]
        live = 0.0
        if index == core.index and self._run_began is not None:
            live = max(0.0, core.clock.monotonic() - self._run_began)
        return timing.elapsed_seconds + live

    def remaining(self) -> float:
        """Seconds left in the current part; negative when over time."""
        return self.current.allowed_seconds - self.elapsed()

    def workshop_remaining(self) -> float:
        """Seconds left of the whole workshop; extensions spend it, they add nothing."""
        spent = sum(self.elapsed(i) for i in range(len(self._core.session.timings)))
        return self._core.script.duration - spent

    def slack(self) -> float:
        """Budget left after the planned time of the work still to do; negative: behind plan."""
        timings = self._core.session.timings
        to_do = max(0.0, self.remaining())
        for i in range(self._core.index + 1, len(timings)):
            timing = timings[i]
            if not timing.done:
                to_do += max(0.0, timing.allowed_seconds - timing.elapsed_seconds)
        return self.workshop_remaining() - to_do

    def agenda(self) -> list[AgendaRow]:
        """Every part with its planned slot, from the start (or now, before the start)."""
        core = self._core
        start = core.session.started_at or core.clock.now()
        elapsed = [self.elapsed(i) for i in range(len(core.session.timings))]
        return agenda_rows(core.script, core.session, elapsed, start)

    # -- timing actions --------------------------------------------------------------------
    def start(self) -> None:
        """Start the workshop, or resume the current part's timer."""
        core = self._core
        core.require_open()
        if self.running:
            return
        now = core.clock.now()
        if core.session.started_at is None:
            core.session.started_at = now
        current = self.current
        timing = replace(current, running_since=now, started_at=current.started_at or now)
        core.save(SessionState.RUNNING, core.index, {core.index: timing})
        self._run_began = core.clock.monotonic()

    def pause(self) -> None:
        """Stop the current part's timer where it is."""
        if not self.running:
            return
        index = self._core.index
        self._core.save(SessionState.PAUSED, index, {index: self._stopped(index)})
        self._run_began = None

    def toggle(self) -> None:
        """Pause a running part, start a paused one."""
        if self.running:
            self.pause()
        else:
            self.start()

    def extend(self, seconds: int) -> None:
        """Give the current part more time, or take some away with a negative amount.

        Both are kept: the net change (``extra_seconds``) and, apart, all the
        time taken away (``removed_seconds``), so the time added is known too.
        """
        core = self._core
        core.require_open()
        current = self.current
        allowed = current.allowed_seconds + seconds
        if allowed <= 0:
            raise EngineError("a part cannot be shortened to nothing; skip it instead")
        timing = replace(
            current,
            extra_seconds=current.extra_seconds + seconds,
            removed_seconds=current.removed_seconds + max(0, -seconds),
        )
        core.save(core.session.state, core.index, {core.index: timing})

    def next_part(self) -> bool:
        """Close the current part and move to the next; False on the last part."""
        return self._move(self._core.index + 1, skip=False)

    def skip(self) -> bool:
        """Leave the current part as skipped (never as done, however long its timer ran) and
        move to the next; False on the last part."""
        return self._move(self._core.index + 1, skip=True)

    def previous_part(self) -> bool:
        """Go back to the part before; False on the first part."""
        return self._move(self._core.index - 1, skip=False)

    def go_to(self, index: int) -> bool:
        """Move to any part; False if it is already current or out of range."""
        return self._move(index, skip=False)

    def finish(self) -> None:
        """End the workshop: the current part is closed and the session marked finished.

        A part that had finished already (the last one, in a session reopened to
        correct it) keeps the time it first finished.
        """
        core = self._core
        if core.finished:
            return
        now = core.clock.now()
        timing = replace(self._stopped(core.index), finished_at=self.current.finished_at or now)
        core.session.finished_at = now
        core.save(SessionState.FINISHED, core.index, {core.index: timing})
        self._run_began = None

    # -- internals ---------------------------------------------------------------------------
    def _move(self, target: int, *, skip: bool) -> bool:
        core = self._core
        core.require_open()
        here = core.index
        timings = core.session.timings
        if target == here or not 0 <= target < len(timings):
            return False
        now = core.clock.now()
        was_running = self.running
        leaving = self._stopped(here)
        forward = target > here
        if forward and skip:  # skipped, even after its timer ran a moment: it was not done
            leaving = replace(leaving, skipped=True, finished_at=None)
        elif forward:
            leaving = replace(leaving, finished_at=now, skipped=False)
        arriving = replace(timings[target], finished_at=None, skipped=False)
        if was_running:
            arriving = replace(arriving, running_since=now, started_at=arriving.started_at or now)
        state = SessionState.RUNNING if was_running else core.session.state
        core.save(state, target, {here: leaving, target: arriving})
        self._run_began = core.clock.monotonic() if was_running else None
        return True

    def _stopped(self, index: int) -> PartTiming:
        """A copy of the part's timing with the current run folded into its elapsed time."""
        timing = self._core.session.timings[index]
        if index != self._core.index or self._run_began is None:
            return replace(timing, running_since=None)
        return replace(timing, elapsed_seconds=self.elapsed(index), running_since=None)
