"""The facilitation screen: one part at a time, with the countdown the back row can read.

It composes the boards (brief, countdown, agenda) and the current part's
controls; its own keys time the part and move between parts. A part change is
drawn as one frame: brief, countdown, status, agenda and the new part's board
appear together, never the new name over the old countdown.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from time import monotonic
from typing import TYPE_CHECKING, ClassVar

from textual.app import ComposeResult
from textual.binding import ActiveBinding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.reactive import reactive
from textual.widgets import Header, Static

from workshop_tui.app.messages import SessionMoved, SyncChanged
from workshop_tui.boards.agenda import AgendaBoard
from workshop_tui.boards.brief import BriefBoard
from workshop_tui.boards.timer import TimerBoard
from workshop_tui.console.private_panel import PrivatePanel
from workshop_tui.console.room_cues import RoomCuer
from workshop_tui.console.store_health import StoreHealth
from workshop_tui.console.sync_mark import SyncMark
from workshop_tui.content.durations import (
    DurationError,
    format_clock,
    format_duration,
    parse_duration,
)
from workshop_tui.controls.base import ActivityControls, form_commit, sentence
from workshop_tui.controls.corrections import correct_note
from workshop_tui.controls.stage import ActivityStage
from workshop_tui.dialogs.confirm import ConfirmDialog
from workshop_tui.dialogs.form import Field, FormDialog
from workshop_tui.dialogs.key_hold import dialog_flow
from workshop_tui.domain.engine import EngineError
from workshop_tui.domain.ports import StoreError, StoreUnreachable
from workshop_tui.domain.read_models.brief import part_brief
from workshop_tui.domain.read_models.local_time import hhmm
from workshop_tui.domain.read_models.notes import notes_view
from workshop_tui.domain.read_models.open_points import open_points
from workshop_tui.domain.read_models.timing import timer_view
from workshop_tui.domain.rules import breaks
from workshop_tui.screens.exporting import export_notes
from workshop_tui.screens.facilitate_keys import FACILITATE_KEYS
from workshop_tui.screens.full_timer import FullTimerScreen
from workshop_tui.screens.part_notes import PartNotesScreen
from workshop_tui.screens.people import change_people
from workshop_tui.textual_fixes import KeepsLayoutUnderDialogs
from workshop_tui.widgets.footer import Footer
from workshop_tui.widgets.plain_text import notify

if TYPE_CHECKING:
    from collections.abc import Callable

    from workshop_tui.domain.engine import Resumed, SessionEngine

TICK_SECONDS = 0.2
PRIVATE_NOTE = "Only you see it: never on the room view, never in the agreement."
HEARTBEAT_SECONDS = 15.0
RETRY_SECONDS = 5.0
"""How often a store that could not be reached is tried again (by the heartbeat)."""


class FacilitateScreen(KeepsLayoutUnderDialogs):
    """Runs the session: timing keys here, activity keys on the controls below."""

    PAUSE_GC_ON_KEYS: ClassVar[bool] = True
    """Collections wait while a key is answered here, where every key must feel instant."""

    BINDINGS = FACILITATE_KEYS

    bell_on: reactive[bool] = reactive(False)
    show_private: reactive[bool] = reactive(False)

    def __init__(
        self, engine: SessionEngine, resumed: Resumed | None, exports_dir: Path | None
    ) -> None:
        super().__init__()
        self.engine = engine
        self._resumed = resumed
        self._exports_dir = exports_dir
        self._was_over = False
        self._shown_part = engine.index
        self._last_beat = monotonic()

    # -- layout ------------------------------------------------------------------------------
    def compose(self) -> ComposeResult:
        engine = self.engine
        yield Header(show_clock=True, icon="◷")
        yield StoreHealth(id="store-health")
        with Horizontal(id="facilitate"):
            with Vertical(id="stage"):
                yield BriefBoard(id="brief")
                yield ActivityStage(engine, id="activity")
            with Vertical(id="side"):
                yield SyncMark(id="sync-mark")
                yield TimerBoard(id="timer")
                with VerticalScroll(id="agenda-box"):
                    yield Static("Agenda", id="agenda-title")
                    yield AgendaBoard(id="agenda")
                yield PrivatePanel(engine, id="private")
        yield RoomCuer(engine, lambda: self.controls.in_play())
        yield Footer(show_command_palette=False)  # Ctrl+P still opens it; ? says so

    def on_mount(self) -> None:
        self.query_one(SyncMark).show(getattr(self.app, "sync_state", None))
        self._draw_part()
        self.call_after_refresh(self.controls.focus_main)
        self.call_after_refresh(self.query_one(ActivityStage).prepare_neighbours)
        self.set_interval(TICK_SECONDS, self._tick)
        if self._resumed is not None:
            notify(
                self, resumed_line(self.engine, self._resumed), title="Session resumed", timeout=8
            )

    @property
    def active_bindings(self) -> dict[str, ActiveBinding]:
        """The screen's and the app's keys first: the footer never drops timer, note or help."""
        found = super().active_bindings
        own = {key: bound for key, bound in found.items() if bound.node in (self, self.app)}
        return {**own, **found}

    @property
    def controls(self) -> ActivityControls:
        """The current part's controls (and board)."""
        return self.query_one(ActivityStage).current

    # -- drawing -------------------------------------------------------------------------------
    def _draw_part(self) -> None:
        """Draw everything of the current part but its board: brief, private notes, status."""
        engine = self.engine
        prompt = self.query_one(RoomCuer).prompt
        self.query_one(BriefBoard).show(part_brief(engine.script, engine.index), prompt)
        self._show_private_notes()
        self.set_class(engine.part.activity.kind == "discussion", "-discussion")
        self._refresh_status()

    async def _change_part(self) -> None:
        """Draw the part the engine moved to, brief to board, as one frame."""
        engine = self.engine
        if engine.index == self._shown_part:
            self._draw_part()
            return
        self._shown_part = engine.index
        stage = self.query_one(ActivityStage)
        with self.app.batch_update():
            self._draw_part()
            # a new part opens with its name and goal in view, wherever the last was scrolled
            self.query_one(BriefBoard).scroll_home(animate=False, immediate=True)
            controls = await stage.show(engine.index)
            controls.focus_main()  # in the same frame: a focus moved after it drew all again
        stage.prepare_neighbours(soon=True)

    def _show_private_notes(self) -> None:
        self.query_one(PrivatePanel).show(self.show_private)

    def _refresh_status(self) -> None:
        """The parts of the screen that move with time."""
        engine = self.engine
        elapsed = [engine.timing.elapsed(index) for index in range(len(engine.session.timings))]
        view = timer_view(engine.script, engine.session, elapsed)
        self.query_one(TimerBoard).show(view, bell_on=self.bell_on)
        self.query_one(AgendaBoard).show(view.agenda)
        over = view.remaining < 0
        if over and not self._was_over and view.running and self.bell_on:
            self.app.bell()
        self._was_over = over

    def _tick(self) -> None:
        if self.engine.timing.running:
            self._refresh_status()
        self._heartbeat()

    def _heartbeat(self) -> None:
        """Paused or not, keep this app's claim on the session fresh, every 15 s.

        On the tick rather than an interval of its own: a 15-s timer, once stopped, leaves
        its handle with the loop until it falls due, and the handle keeps this screen (and
        every board in it) alive up to 15 s after the screen has gone.
        """
        now = monotonic()
        unreachable = self.query_one(StoreHealth).since is not None
        if now - self._last_beat >= (RETRY_SECONDS if unreachable else HEARTBEAT_SECONDS):
            self._last_beat = now
            self._attempt(self.engine.heartbeat)

    def watch_show_private(self) -> None:
        if self.is_mounted:
            self.query_one(PrivatePanel).show(self.show_private)

    def on_resize(self) -> None:
        self.set_class(self.size.height < 28, "-short")

    def action_scroll_brief(self, pages: int) -> None:
        brief = self.query_one(BriefBoard)
        brief.scroll_relative(y=pages * max(1, brief.size.height - 2))

    def on_activity_controls_changed(self, _: ActivityControls.Changed) -> None:
        self._store_back()
        self._refresh_status()

    def on_sync_changed(self, message: SyncChanged) -> None:
        self.query_one(SyncMark).show(message.state)

    def on_activity_controls_unreachable(self, _: ActivityControls.Unreachable) -> None:
        self._store_trouble()

    def _store_trouble(self) -> None:
        self.query_one(StoreHealth).trouble(datetime.now(UTC))

    def _store_back(self) -> None:
        if self.query_one(StoreHealth).back():
            notify(self, "The team store is back: carry on.", title="Stored again", timeout=6)

    # -- actions -------------------------------------------------------------------------------
    def _attempt(self, action: Callable[..., object], *args: object) -> bool:
        """Run an engine action; say why in one sentence if it could not be done."""
        try:
            action(*args)
        except (EngineError, StoreError) as error:
            if isinstance(error, StoreUnreachable):
                self.query_one(StoreHealth).trouble(datetime.now(UTC))
                if action == self.engine.heartbeat:
                    return False  # the line says it; no toast every few seconds
            notify(self, str(error), title="Not done", severity="error")
            return False
        self._store_back()
        return True

    def action_toggle_timer(self) -> None:
        if self._attempt(self.engine.timing.toggle):
            self._refresh_status()

    async def action_next_part(self) -> None:
        if self.engine.index == len(self.engine.script.parts) - 1:
            notify(self, "This is the last part: press f to finish the workshop.", timeout=5)
            return
        if self._attempt(self.engine.timing.next_part):
            await self._change_part()

    async def action_previous_part(self) -> None:
        if self.engine.index == 0:
            notify(self, "This is the first part.", timeout=3)
            return
        if self._attempt(self.engine.timing.previous_part):
            await self._change_part()

    @dialog_flow
    async def action_skip(self) -> None:
        """Skip this part, once the facilitator confirms: it is recorded as skipped, not done."""
        engine = self.engine
        if engine.index == len(engine.script.parts) - 1:
            notify(self, "This is the last part: press f to finish the workshop.", timeout=5)
            return
        skip = await self.app.push_screen_wait(
            ConfirmDialog(
                f"Skip “{engine.part.name}”?",
                "It is recorded as skipped, not done, in the agenda and both exports; "
                "anything recorded on it stays. g goes back to it.",
                yes="Skip",
                no="Not yet",
            )
        )
        if skip and self._attempt(engine.timing.skip):
            await self._change_part()

    def action_extend(self, seconds: int) -> None:
        if self._attempt(self.engine.timing.extend, seconds):
            self._refresh_status()  # the countdown and the status line show the extra time

    @dialog_flow
    async def action_extend_by(self) -> None:
        def validate(values: dict[str, str]) -> str | None:
            try:
                parse_duration(values["amount"].lstrip("-"))
            except DurationError as error:
                return str(error)
            return None

        amount = Field(
            "amount", "How much time? (e.g. 3m, 90s; -2m takes time away)", required=True
        )
        values = await self.app.push_screen_wait(
            FormDialog("Extend this part", [amount], validate=validate)
        )
        if values:
            text = values["amount"]
            self.action_extend(parse_duration(text.lstrip("-")) * (-1 if text[0] == "-" else 1))

    @dialog_flow
    async def action_note(self, private: bool = False) -> None:
        """Capture a note on this part; a private one the room never sees."""
        part = self.engine.part.name
        title = f"Private note on “{part}”" if private else f"Note on “{part}”"
        intro = PRIVATE_NOTE if private else ""
        commit = form_commit(
            lambda v: self.engine.notes.add(v["text"], private), lambda: self._store_trouble()
        )
        values = await self.app.push_screen_wait(
            FormDialog(title, [Field("text", "Note", required=True)], intro=intro, commit=commit)
        )
        if values:
            self._store_back()
            shown = self.engine.part.activity.kind == "discussion"
            saved = "Private note saved" if private else "Note saved"
            notify(self, f"{saved}." if shown else f"{saved}; N shows this part's notes.")
            self.controls.redraw()
            self._refresh_status()

    @dialog_flow
    async def action_people(self) -> None:
        """Someone joins, leaves or takes another's place, or a delegate is named."""
        if await change_people(self, self.engine):
            self.controls.redraw()
            self._refresh_status()

    def action_undo(self) -> None:
        """Take back the last action of the session, as a correction, and say what it was."""
        engine = self.engine
        try:
            _, action = engine.undo.take_back()
        except (EngineError, StoreError) as error:
            notify(self, sentence(str(error)), title="Nothing taken back", severity="warning")
            return
        names = {part.id: part.name for part in engine.script.parts}
        where = ""
        if action.part_id != engine.part.id and action.part_id in names:
            where = f" (on “{names[action.part_id]}”)"
        notify(self, f"Took back {action.description}{where}.", title="Undone", timeout=8)
        self.controls.redraw()
        self._refresh_status()

    @dialog_flow
    async def action_correct_note(self) -> None:
        if await correct_note(self, self.engine):
            self.controls.redraw()
            self._refresh_status()

    def action_part_notes(self) -> None:
        part = self.engine.part
        view = notes_view(part, self.engine.session)
        self.app.push_screen(PartNotesScreen(part.name, view), self._after_part_notes)

    def _after_part_notes(self, correct: bool | None) -> None:
        if correct:
            self.action_correct_note()

    def action_full_timer(self) -> None:
        self.app.push_screen(FullTimerScreen(self))

    def action_toggle_private(self) -> None:
        self.show_private = not self.show_private

    def action_blank_room(self) -> None:
        self.query_one(PrivatePanel).toggle_blank()

    def action_next_prompt(self) -> None:
        """Put the part's next prompt in play, for the room view (and marked on the brief)."""
        if not self.engine.part.prompts:
            notify(self, "This part has no prompt to the room.", timeout=3)
            return
        self.query_one(RoomCuer).next_prompt()
        self._draw_part()

    @dialog_flow
    async def action_room_break(self) -> None:
        """A break: the room view shows when the room comes back; again, the break ends."""
        cuer = self.query_one(RoomCuer)
        back_at: datetime | None = None
        if cuer.back_at is None:
            now = cuer.now()
            field = Field("back", "Back at (11:08) or in (10m)", "10m", required=True)
            values = await self.app.push_screen_wait(
                FormDialog("A break", [field], validate=lambda v: _break_problem(v, now))
            )
            if not values:
                return
            back_at = breaks.back_at(values["back"], now)
        if self._attempt(cuer.set_break, back_at):
            said = f"Break: back at {hhmm(back_at)}." if back_at else "The break is over."
            notify(self, said, timeout=4)

    def action_toggle_bell(self) -> None:
        self.bell_on = not self.bell_on
        bell = "The bell rings when a part's time is up." if self.bell_on else "Bell off."
        notify(self, bell, timeout=3)
        self._refresh_status()

    @dialog_flow
    async def action_go_to(self) -> None:
        parts = [
            (f"{i + 1}. {part.name}", str(i)) for i, part in enumerate(self.engine.script.parts)
        ]
        field = Field("part", "Part", str(self.engine.index), options=parts, required=True)
        values = await self.app.push_screen_wait(FormDialog("Go to part", [field]))
        if (
            values
            and values["part"]
            and self._attempt(self.engine.timing.go_to, int(values["part"]))
        ):
            await self._change_part()

    def action_export(self, agreement: bool = False) -> None:
        path = export_notes(self, self.engine, self._exports_dir, agreement=agreement)
        if path is not None:
            what = "The agreement" if agreement else "Notes"
            notify(self, f"{what} so far exported to {path}", title="Exported", timeout=8)

    @dialog_flow
    async def action_finish(self) -> None:
        points = open_points(self.engine.script, self.engine.session)
        if points.settled:
            detail = "Nothing is left open. "
        else:
            listed = "\n".join(f"• {line}" for line in points.lines())
            detail = f"Still open:\n{listed}\n\nFinish anyway, or go back and settle them. "
        finish = await self.app.push_screen_wait(
            ConfirmDialog(
                "Finish the workshop?",
                detail + "The session is closed and its summary shown; the agreement opens "
                "with what is still open, and both can be exported any time.",
                yes="Finish",
                no="Go back",
            )
        )
        if finish and self._attempt(self.engine.timing.finish):
            self.post_message(SessionMoved(self.engine))


def _break_problem(values: dict[str, str], now: datetime) -> str | None:
    """Why the time said cannot end the break; None: it can."""
    try:
        breaks.back_at(values["back"], now)
    except breaks.BreakError as error:
        return str(error)
    return None


def resumed_line(engine: SessionEngine, resumed: Resumed) -> str:
    """Where a resumed session is: the time of day it was last seen, and the time left."""
    left = format_clock(engine.timing.remaining())
    seen = f" at {hhmm(resumed.last_seen)}" if resumed.last_seen is not None else ""
    if resumed.was_running:
        where = f"its timer stopped when it was last seen{seen}, with {left} left on the part."
    else:
        where = f"last seen{seen}, with {left} left on the part."
    away = resumed.away_seconds
    gone = f" Away for {format_duration(away)}." if away >= 60 else ""
    return f'Back at "{engine.part.name}": {where}{gone} Press space to carry on.'
