"""The session engine: runs one session of a script, storing every change before it returns.

Remaining time is computed from clock readings (monotonic while a part runs,
wall-clock timestamps in the store), never by counting ticks. Running over
time is a state: the remaining time goes negative.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING, TypeVar

from workshop_tui.domain import views
from workshop_tui.domain.agility import AGILITY_QUESTION, AgilityAdvice, advise
from workshop_tui.domain.clock import Clock
from workshop_tui.domain.kinds import (
    CynefinDomain,
    DecisionMethod,
    PromiseStatus,
    SessionState,
)
from workshop_tui.domain.ports import SessionStore
from workshop_tui.domain.records import (
    ActionItem,
    Classification,
    Decision,
    Note,
    Objection,
    Promise,
    Record,
    SignOff,
)
from workshop_tui.domain.snapshot import PartTiming, SessionSetup, SessionSnapshot

if TYPE_CHECKING:
    from workshop_tui.content.model import Part, Script

R = TypeVar("R", bound=Record)
K = TypeVar("K", Classification, Promise, Decision, ActionItem)


class EngineError(ValueError):
    """A facilitator action that cannot be done; the message says why, in one sentence."""


@dataclass(frozen=True, slots=True)
class AgendaRow:
    """One line of the agenda: where a part stands, planned against actual."""

    index: int
    part_id: str
    name: str
    status: str  # "done", "skipped", "current", "upcoming"
    planned_start: datetime
    planned_end: datetime
    planned_seconds: int
    allowed_seconds: int
    actual_seconds: float


@dataclass(frozen=True, slots=True)
class Resumed:
    """What happened while the session was away."""

    away_seconds: float
    was_running: bool


def new_key() -> str:
    """A stable key for a record that may be revised."""
    return uuid.uuid4().hex[:12]


class SessionEngine:
    """One running session of a script."""

    def __init__(
        self, script: Script, session: SessionSnapshot, store: SessionStore, clock: Clock
    ) -> None:
        self.script = script
        self.session = session
        self._store = store
        self._clock = clock
        self._run_began: float | None = None  # monotonic reading when the current run began
        if session.timings and session.timings[session.current_part].running_since is not None:
            self._run_began = clock.monotonic()

    # -- opening ---------------------------------------------------------------------------
    @classmethod
    def begin(
        cls,
        script: Script,
        script_source: str,
        setup: SessionSetup,
        store: SessionStore,
        clock: Clock,
    ) -> SessionEngine:
        """Create and store a new session of ``script``; the first part waits to be started."""
        _require_text(setup.customer, "the customer or team name")
        now = clock.now()
        timings = [PartTiming(part.id, part.duration) for part in script.parts]
        session_id = store.create_session(script, script_source, setup, timings, now)
        session = SessionSnapshot(
            id=session_id,
            script_id=script.id,
            script_title=script.title,
            setup=setup,
            state=SessionState.SETUP,
            current_part=0,
            created_at=now,
            last_seen_at=now,
            timings=timings,
        )
        return cls(script, session, store, clock)

    @classmethod
    def reopen(
        cls, session_id: int, store: SessionStore, clock: Clock
    ) -> tuple[SessionEngine, Resumed]:
        """Hold a stored session for writing and load it; a running part is paused where it was
        last seen. ``SessionInUse`` if another workshop-tui has it open."""
        script, session = store.open_session(session_id, clock.now())
        now = clock.now()
        away = max(0.0, (now - session.last_seen_at).total_seconds())
        timing = session.timings[session.current_part] if session.timings else None
        was_running = timing is not None and timing.running_since is not None
        engine = cls(script, session, store, clock)
        engine._run_began = None
        if timing is not None and timing.running_since is not None:
            ran = max(0.0, (session.last_seen_at - timing.running_since).total_seconds())
            stopped = replace(
                timing, elapsed_seconds=timing.elapsed_seconds + ran, running_since=None
            )
            engine._save(SessionState.PAUSED, session.current_part, {session.current_part: stopped})
        return engine, Resumed(away, was_running)

    # -- reading the clock -----------------------------------------------------------------
    @property
    def part(self) -> Part:
        return self.script.parts[self.session.current_part]

    @property
    def index(self) -> int:
        return self.session.current_part

    @property
    def timing(self) -> PartTiming:
        return self.session.timings[self.session.current_part]

    @property
    def running(self) -> bool:
        return self._run_began is not None

    @property
    def finished(self) -> bool:
        return self.session.state is SessionState.FINISHED

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
        rows: list[AgendaRow] = []
        offset = 0
        for i, (part, timing) in enumerate(
            zip(self.script.parts, self.session.timings, strict=True)
        ):
            if i == self.index and not self.finished:
                status = "current"
            elif timing.skipped:
                status = "skipped"
            elif timing.finished_at is not None:
                status = "done"
            else:
                status = "upcoming"
            planned_start = start + timedelta(seconds=offset)
            offset += part.duration
            rows.append(
                AgendaRow(
                    i,
                    part.id,
                    part.name,
                    status,
                    planned_start,
                    start + timedelta(seconds=offset),
                    part.duration,
                    timing.allowed_seconds,
                    self.elapsed(i),
                )
            )
        return rows

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
        """Give the current part more time (or less, with a negative amount)."""
        self._require_open()
        allowed = self.timing.allowed_seconds + seconds
        if allowed <= 0:
            raise EngineError("a part cannot be shortened to nothing; skip it instead")
        timing = replace(
            self._live_copy(self.index), extra_seconds=self.timing.extra_seconds + seconds
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
        """End the workshop: the current part is closed and the session marked finished."""
        if self.finished:
            return
        now = self._clock.now()
        timing = replace(self._stopped(self.index), finished_at=now)
        self.session.finished_at = now
        self._save(SessionState.FINISHED, self.index, {self.index: timing})
        self._run_began = None

    def heartbeat(self) -> None:
        """Tell the store the session is alive, so a crash loses at most a beat of timing."""
        now = self._clock.now()
        self._store.touch(self.session.id, now)
        self.session.last_seen_at = now

    def close(self) -> None:
        """Let go of the session, so another workshop-tui may open it; the engine writes no more."""
        self._store.release(self.session.id)

    def update_setup(self, setup: SessionSetup) -> None:
        """Change who is in the room or which materials are ticked."""
        _require_text(setup.customer, "the customer or team name")
        now = self._clock.now()
        self._store.save_setup(self.session.id, setup, now)
        self.session.setup = setup
        self.session.last_seen_at = now

    # -- records -----------------------------------------------------------------------------
    def add_note(self, text: str) -> Note:
        """Capture a note on the current part."""
        _require_text(text, "the note")
        return self._add(Note(self.part.id, self._clock.now(), text.strip()), self.session.notes)

    def classify(
        self, item: str, domain: CynefinDomain, rationale: str = "", key: str | None = None
    ) -> Classification:
        """Place an item in a Cynefin domain; with ``key``, re-classify it (history is kept)."""
        _require_text(item, "the item")
        row = Classification(
            self.part.id,
            self._clock.now(),
            key or new_key(),
            item.strip(),
            domain,
            rationale.strip(),
        )
        return self._add(row, self.session.classifications)

    def move_item(
        self, key: str, domain: CynefinDomain, rationale: str | None = None
    ) -> Classification:
        """Move a classified item to another domain, keeping its wording."""
        current = self._latest(self.session.classifications, key, "item")
        text = current.rationale if rationale is None else rationale
        return self.classify(current.item, domain, text, key=key)

    def add_promise(
        self,
        party: str,
        text: str,
        *,
        status: PromiseStatus = PromiseStatus.PROPOSED,
        owner: str = "",
        note: str = "",
    ) -> Promise:
        """Put a party's promise on the table."""
        _require_text(party, "the party")
        _require_text(text, "the promise")
        row = Promise(
            self.part.id,
            self._clock.now(),
            new_key(),
            party.strip(),
            text.strip(),
            status,
            owner.strip(),
            note.strip(),
        )
        return self._add(row, self.session.promises)

    def amend_promise(self, key: str, text: str, note: str | None = None) -> Promise:
        """Reword a promise; the earlier wording stays in its history."""
        _require_text(text, "the promise")
        current = self._latest(self.session.promises, key, "promise")
        if text.strip() == current.text:
            raise EngineError("the new wording is the same as the current one")
        row = replace(
            current,
            at=self._clock.now(),
            part_id=self.part.id,
            text=text.strip(),
            status=PromiseStatus.AMENDED,
            note=current.note if note is None else note.strip(),
            id=None,
        )
        return self._add(row, self.session.promises)

    def set_promise(
        self,
        key: str,
        *,
        status: PromiseStatus | None = None,
        owner: str | None = None,
        note: str | None = None,
    ) -> Promise:
        """Change a promise's status, owner or note."""
        current = self._latest(self.session.promises, key, "promise")
        row = replace(
            current,
            at=self._clock.now(),
            part_id=self.part.id,
            status=current.status if status is None else status,
            owner=current.owner if owner is None else owner.strip(),
            note=current.note if note is None else note.strip(),
            id=None,
        )
        return self._add(row, self.session.promises)

    def sign(self, section_id: str, person: str, role: str, initials: str) -> SignOff:
        """Record that ``person`` initialled a section of the current part's agreement."""
        activity = self.part.activity
        if activity.kind != "signoff":
            raise EngineError(f'"{self.part.name}" has no sections to sign')
        section = next((s for s in activity.sections if s.id == section_id), None)
        if section is None:
            raise EngineError(f'"{self.part.name}" has no section "{section_id}"')
        roles = activity.roles_for(section)
        if role not in roles:
            raise EngineError(f'"{section.title}" is initialled by {", ".join(roles)}, not {role}')
        _require_text(initials, "the initials")
        row = SignOff(
            self.part.id,
            self._clock.now(),
            section.id,
            section.title,
            person.strip(),
            role,
            initials.strip(),
        )
        return self._add(row, self.session.signoffs)

    def signoff_progress(self, part: Part | None = None) -> list[views.SectionProgress]:
        """Which sections of a sign-off part are complete, and who is still to initial."""
        part = part or self.part
        activity = part.activity
        if activity.kind != "signoff":
            return []
        sections = [(s.id, s.title, activity.roles_for(s)) for s in activity.sections]
        rows = [row for row in self.session.signoffs if row.part_id == part.id]
        return views.signoff_progress(sections, rows)

    def record_decision(
        self,
        question: str,
        method: DecisionMethod,
        *,
        outcome: str = "",
        agreed: bool | None = None,
        votes: dict[str, int] | None = None,
        rounds: tuple[dict[str, int], ...] = (),
        objections: tuple[Objection, ...] = (),
        key: str | None = None,
    ) -> Decision:
        """Record a decision, or with ``key`` a new revision of one (a new round, an outcome)."""
        _require_text(question, "the question")
        if votes and any(count < 0 for count in votes.values()):
            raise EngineError("votes cannot be negative")
        for counts in rounds:
            if any(count < 0 for count in counts.values()):
                raise EngineError("a show of fingers cannot be negative")
        row = Decision(
            self.part.id,
            self._clock.now(),
            key or new_key(),
            question.strip(),
            method,
            outcome.strip(),
            agreed,
            dict(votes or {}),
            tuple(dict(r) for r in rounds),
            tuple(objections),
        )
        return self._add(row, self.session.decisions)

    def agility_advice(self) -> AgilityAdvice:
        """What the Cynefin board says about how much agility the work calls for."""
        return advise(views.current_classifications(self.session.classifications))

    def agility_decision(self) -> Decision | None:
        """The recorded agility decision, if any."""
        for row in reversed(self.session.decisions):
            if row.question == AGILITY_QUESTION:
                return row
        return None

    def accept_agility(self) -> Decision:
        """Record the board's advice as the room's decision."""
        advice = self.agility_advice()
        if advice.leading is None:
            raise EngineError("classify some of the work before deciding how much agility it needs")
        return self._agility(advice.summary)

    def overrule_agility(self, outcome: str) -> Decision:
        """Record the room's own answer instead of the board's advice."""
        _require_text(outcome, "the room's decision")
        return self._agility(f"Overruled: {outcome.strip()}")

    def add_action(self, text: str, owner: str = "", due: date | None = None) -> ActionItem:
        """Add a follow-up with its owner and due date."""
        _require_text(text, "the action")
        row = ActionItem(
            self.part.id, self._clock.now(), new_key(), text.strip(), owner.strip(), due
        )
        return self._add(row, self.session.actions)

    def update_action(
        self,
        key: str,
        *,
        text: str | None = None,
        owner: str | None = None,
        due: date | None | bool = False,
        done: bool | None = None,
    ) -> ActionItem:
        """Change an action; ``due=None`` clears the date, the default keeps it."""
        current = self._latest(self.session.actions, key, "action")
        if text is not None:
            _require_text(text, "the action")
        row = replace(
            current,
            at=self._clock.now(),
            text=current.text if text is None else text.strip(),
            owner=current.owner if owner is None else owner.strip(),
            due=current.due if due is False else due,  # type: ignore[arg-type]
            done=current.done if done is None else done,
            id=None,
        )
        return self._add(row, self.session.actions)

    # -- internals ---------------------------------------------------------------------------
    def _agility(self, outcome: str) -> Decision:
        previous = self.agility_decision()
        return self.record_decision(
            AGILITY_QUESTION,
            DecisionMethod.FACILITATOR,
            outcome=outcome,
            agreed=True,
            key=previous.key if previous else None,
        )

    def _add(self, row: R, rows: list[R]) -> R:
        self._require_open()
        stored = replace(row, id=self._store.add_record(self.session.id, row))
        rows.append(stored)
        self.session.last_seen_at = stored.at
        return stored

    def _latest(self, rows: list[K], key: str, what: str) -> K:
        for row in reversed(rows):
            if row.key == key:
                return row
        raise EngineError(f"no {what} with key {key}")

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

    def _save(self, state: SessionState, current: int, changed: dict[int, PartTiming]) -> None:
        """Store first; only once it is committed does the engine's state change."""
        now = self._clock.now()
        self._store.save_progress(
            self.session.id,
            state=state,
            current_part=current,
            timings=list(changed.values()),
            at=now,
        )
        for index, timing in changed.items():
            self.session.timings[index] = timing
        self.session.state = state
        self.session.current_part = current
        self.session.last_seen_at = now

    def _require_open(self) -> None:
        if self.finished:
            raise EngineError("this session is finished; its records can be read and exported")


def _require_text(text: str, what: str) -> None:
    """Refuse text with nothing printable in it: blank, or only control or format characters."""
    stripped = text.strip()
    if stripped.isprintable():  # the usual case, at C speed
        visible = bool(stripped)
    else:
        visible = any(char.isprintable() and not char.isspace() for char in stripped)
    if not visible:
        raise EngineError(f"{what} cannot be empty")
