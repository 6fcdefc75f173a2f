"""The engine's clock: elapsed, remaining and allowed time, and moving through the parts."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from workshop_tui.domain.engine.core import EngineBase, EngineError
from workshop_tui.domain.kinds import SessionState
from workshop_tui.domain.read_models.time_report import AgendaRow, agenda_rows
from workshop_tui.domain.snapshot import PartTiming


class TimingMixin(EngineBase):
    """Reading the clock, starting and pausing, giving or taking time, changing parts."""

    # -- reading the clock -----------------------------------------------------------------
    @property
    def timing(self) -> PartTiming:
        return self.session.timings[self.session.current_part]

    @property
    def running(self) -> bool:
        return self._run_began is not None

    def today(self) -> date:
        """The local date, by the engine's clock (for due dates typed as "fri" or "+7d")."""
        return self._clock.now().astimezone().date()

    def elapsed(self, index: int | None = None) -> float:
        """Seconds part ``index`` (default: the current one) has run, live."""
        index = self.index if index is None else index
        timing = self.session.timings[index]
        live = 0.0
        if index == self.index and self._run_began is not None:
            live = max(0.0, self._clock.monotonic() - self._run_began)
        return timing.elapsed_seconds + live

    def remaining(self) -> float:
        """Seconds left in the current part; negative when over time."""
        return self.timing.allowed_seconds - self.elapsed()

    def workshop_remaining(self) -> float:
        """Seconds left of the whole workshop; extensions spend it, they add nothing."""
        spent = sum(self.elapsed(i) for i in range(len(self.session.timings)))
        return self.script.duration - spent

    def slack(self) -> float:
        """Budget left after the planned time of the work still to do; negative: behind plan."""
        to_do = max(0.0, self.remaining())
        for i in range(self.index + 1, len(self.session.timings)):
            timing = self.session.timings[i]
            if not timing.done:
                to_do += max(0.0, timing.allowed_seconds - timing.elapsed_seconds)
        return self.workshop_remaining() - to_do

    def agenda(self) -> list[AgendaRow]:
        """Every part with its planned slot, from the start (or now, before the start)."""
        start = self.session.started_at or self._clock.now()
        elapsed = [self.elapsed(i) for i in range(len(self.session.timings))]
        return agenda_rows(self.script, self.session, elapsed, start)

    # -- timing actions --------------------------------------------------------------------
    def start(self) -> None:
        """Start the workshop, or resume the current part's timer."""
        self._require_open()
        if self.running:
            return
        now = self._clock.now()
        if self.session.started_at is None:
            self.session.started_at = now
        timing = replace(self.timing, running_since=now, started_at=self.timing.started_at or now)
        self._save(SessionState.RUNNING, self.index, {self.index: timing})
        self._run_began = self._clock.monotonic()

    def pause(self) -> None:
        """Stop the current part's timer where it is."""
        if not self.running:
            return
        self._save(SessionState.PAUSED, self.index, {self.index: self._stopped(self.index)})
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
        self._require_open()
        allowed = self.timing.allowed_seconds + seconds
        if allowed <= 0:
            raise EngineError("a part cannot be shortened to nothing; skip it instead")
        timing = replace(
            self._live_copy(self.index),
            extra_seconds=self.timing.extra_seconds + seconds,
            removed_seconds=self.timing.removed_seconds + max(0, -seconds),
        )
        self._save(self.session.state, self.index, {self.index: timing})

    def next_part(self) -> bool:
        """Close the current part and move to the next; False on the last part."""
        return self._move(self.index + 1, skip=False)

    def skip(self) -> bool:
        """Leave the current part as skipped and move to the next; False on the last part."""
        return self._move(self.index + 1, skip=True)

    def previous_part(self) -> bool:
        """Go back to the part before; False on the first part."""
        return self._move(self.index - 1, skip=False)

    def go_to(self, index: int) -> bool:
        """Move to any part; False if it is already current or out of range."""
        return self._move(index, skip=False)

    def finish(self) -> None:
        """End the workshop: the current part is closed and the session marked finished.

        A part that had finished already (the last one, in a session reopened to
        correct it) keeps the time it first finished.
        """
        if self.finished:
            return
        now = self._clock.now()
        timing = replace(self._stopped(self.index), finished_at=self.timing.finished_at or now)
        self.session.finished_at = now
        self._save(SessionState.FINISHED, self.index, {self.index: timing})
        self._run_began = None

    # -- internals ---------------------------------------------------------------------------
    def _move(self, target: int, *, skip: bool) -> bool:
        self._require_open()
        if target == self.index or not 0 <= target < len(self.session.timings):
            return False
        now = self._clock.now()
        was_running = self.running
        leaving = self._stopped(self.index)
        forward = target > self.index
        if forward and skip and leaving.started_at is None:
            leaving = replace(leaving, skipped=True)
        elif forward:
            leaving = replace(leaving, finished_at=now, skipped=False)
        arriving = self.session.timings[target]
        arriving = replace(arriving, finished_at=None, skipped=False)
        if was_running:
            arriving = replace(arriving, running_since=now, started_at=arriving.started_at or now)
        state = SessionState.RUNNING if was_running else self.session.state
        self._save(state, target, {self.index: leaving, target: arriving})
        self._run_began = self._clock.monotonic() if was_running else None
        return True

    def _live_copy(self, index: int) -> PartTiming:
        return replace(self.session.timings[index])

    def _stopped(self, index: int) -> PartTiming:
        """A copy of the part's timing with the current run folded into its elapsed time."""
        timing = self.session.timings[index]
        if index != self.index or self._run_began is None:
            return replace(timing, running_since=None)
        return replace(timing, elapsed_seconds=self.elapsed(index), running_since=None)
