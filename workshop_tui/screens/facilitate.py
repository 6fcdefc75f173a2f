"""The facilitation screen: one part at a time, with the countdown the back row can read."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.reactive import reactive
from textual.screen import Screen
from textual.widgets import Header, Static

from workshop_tui.content.durations import format_clock, format_duration
from workshop_tui.domain.engine import EngineError
from workshop_tui.domain.kinds import ActivityKind
from workshop_tui.domain.ports import StoreError
from workshop_tui.screens.dialogs import ConfirmDialog, Field, FormDialog
from workshop_tui.screens.exporting import export_notes
from workshop_tui.widgets.activity import ActivityPanel
from workshop_tui.widgets.agenda import AgendaView
from workshop_tui.widgets.countdown import BigCountdown
from workshop_tui.widgets.footer import Footer
from workshop_tui.widgets.panels import panel_for
from workshop_tui.widgets.status_lines import StatusLines

if TYPE_CHECKING:
    from workshop_tui.domain.engine import Resumed, SessionEngine

TICK_SECONDS = 0.2
HEARTBEAT_SECONDS = 15.0


MOVE = Binding.Group("Next/Back")
EXTEND = Binding.Group("+1m/+5m")


class FacilitateScreen(Screen[None]):
    """Runs the session: timing keys here, activity keys on the panel below."""

    PAUSE_GC_ON_KEYS: ClassVar[bool] = True
    """Collections wait while a key is answered here, where every key must feel instant."""

    BINDINGS = [
        Binding(
            "space",
            "toggle_timer",
            "Timer",
            priority=True,
            tooltip="Start the part's timer, or pause it",
        ),
        Binding(
            "pagedown,greater_than_sign",
            "next_part",
            "Next part",
            priority=True,
            group=MOVE,
            key_display="PgDn",
            tooltip="Close this part and go to the next",
        ),
        Binding(
            "pageup,less_than_sign",
            "previous_part",
            "Previous part",
            priority=True,
            group=MOVE,
            key_display="PgUp",
            tooltip="Go back to the previous part",
        ),
        Binding(
            "e", "extend(60)", "+1 minute", tooltip="Give this part one more minute", group=EXTEND
        ),
        Binding(
            "E",
            "extend(300)",
            "+5 minutes",
            tooltip="Give this part five more minutes",
            group=EXTEND,
        ),
        Binding("n", "note", "Note", tooltip="Capture a note on this part"),
        Binding(
            "shift+pagedown",
            "scroll_brief(1)",
            "Scroll steps",
            show=False,
            tooltip="Scroll the prompts and steps down",
        ),
        Binding(
            "shift+pageup",
            "scroll_brief(-1)",
            "Scroll steps up",
            show=False,
            tooltip="Scroll the prompts and steps up",
        ),
        Binding(
            "q",
            "app.request_quit",
            "Quit",
            show=False,
            tooltip="Quit; the timer is paused and everything is saved",
        ),
        Binding(
            "t",
            "toggle_private",
            "Tips",
            show=False,
            tooltip="Show or hide the facilitator's private notes",
        ),
        Binding("x", "export", "Export", show=False, tooltip="Export the notes so far to Markdown"),
        Binding("g", "go_to", "Go to", show=False, tooltip="Jump to any part, earlier or later"),
        Binding(
            "b", "toggle_bell", "Bell", show=False, tooltip="Ring the terminal bell when time is up"
        ),
        Binding(
            "ctrl+e",
            "extend_by",
            "Extend by…",
            show=False,
            tooltip="Give this part any amount of time (or take some away)",
        ),
        Binding(
            "ctrl+k", "skip", "Skip part", show=False, tooltip="Skip this part and go to the next"
        ),
        Binding(
            "f", "finish", "Finish", show=False, tooltip="End the workshop and see the summary"
        ),
    ]

    bell_on: reactive[bool] = reactive(False)
    show_private: reactive[bool] = reactive(False)

    def __init__(
        self, engine: SessionEngine, resumed: Resumed | None, exports_dir: Path | None
    ) -> None:
        super().__init__()
        self.engine = engine
        self._resumed = resumed
        self._exports_dir = exports_dir
        self._shown_part: int | None = None
        self._was_over = False

    # -- layout ------------------------------------------------------------------------------
    def compose(self) -> ComposeResult:
        yield Header(show_clock=True, icon="◷")
        with Horizontal(id="facilitate"):
            with Vertical(id="stage"):
                with VerticalScroll(id="brief"):
                    yield Static(id="part-title", markup=False)
                    yield Static(id="part-meta", markup=False)
                    yield Static(id="part-goal", markup=False)
                    yield Static(id="room-prompt", markup=False)
                    yield Static(id="steps", markup=False)
                yield Vertical(id="activity")
            with Vertical(id="side"):
                with Vertical(id="timer"):
                    yield BigCountdown(id="countdown")
                    yield StatusLines(id="workshop-line")
                with VerticalScroll(id="agenda-box"):
                    yield Static("Agenda", id="agenda-title")
                    yield AgendaView(id="agenda")
                with VerticalScroll(id="private"):
                    yield Static(id="private-text", markup=False)
        yield Footer(show_command_palette=False)  # Ctrl+P still opens it; ? says so

    def on_mount(self) -> None:
        self._show_part()
        self.set_interval(TICK_SECONDS, self._tick)
        self.set_interval(HEARTBEAT_SECONDS, self._heartbeat)
        if self._resumed is not None:
            where = format_clock(self.engine.remaining())
            away = (
                format_duration(self._resumed.away_seconds)
                if self._resumed.away_seconds >= 60
                else ""
            )
            self.notify(
                f'Back at "{self.engine.part.name}", paused at {where}.'
                + (f" Away for {away}." if away else "")
                + " Press space to carry on.",
                title="Session resumed",
                timeout=8,
            )

    # -- drawing -------------------------------------------------------------------------------
    def _show_part(self) -> None:
        """Redraw everything that belongs to the current part."""
        engine = self.engine
        part = engine.part
        index = engine.index
        total = len(engine.script.parts)
        self.query_one("#part-title", Static).update(part.name)
        kind = ActivityKind(part.activity.kind).label
        self.query_one("#part-meta", Static).update(
            f"Part {index + 1} of {total} · {kind} · {format_duration(part.duration)}"
        )
        goal = self.query_one("#part-goal", Static)
        goal.update(part.goal)
        goal.display = bool(part.goal)
        prompts = "\n".join(f"❝ {prompt} ❞" for prompt in part.prompts)
        prompt_widget = self.query_one("#room-prompt", Static)
        prompt_widget.update(prompts)
        prompt_widget.display = bool(prompts)
        steps = "\n".join(f"{n}. {step}" for n, step in enumerate(part.steps, 1))
        steps_widget = self.query_one("#steps", Static)
        steps_widget.update(steps)
        steps_widget.display = bool(steps)
        self._show_private_notes()
        self.set_class(part.activity.kind == "discussion", "-discussion")
        if self._shown_part != index:
            self._shown_part = index
            self._mount_panel()
        self._refresh_status()

    def _mount_panel(self) -> None:
        holder = self.query_one("#activity", Vertical)
        holder.remove_children()
        panel = panel_for(self.engine, self.engine.part)
        holder.mount(panel)
        self.call_after_refresh(panel.focus_main)

    def _show_private_notes(self) -> None:
        widget = self.query_one("#private-text", Static)
        part = self.engine.part
        lines = ["Private · facilitator only (t hides)"]
        lines += [f"• {note}" for note in part.facilitator_notes]
        if self.engine.script.facilitation_tips:
            lines.append("Tips")
            lines += [f"• {tip}" for tip in self.engine.script.facilitation_tips]
        widget.update("\n".join(lines))
        self.query_one("#private").display = self.show_private

    def _refresh_status(self) -> None:
        """The parts of the screen that move with time."""
        engine = self.engine
        remaining = engine.remaining()
        countdown = self.query_one(BigCountdown)
        countdown.seconds = remaining
        countdown.paused = not engine.running
        slack = engine.slack()
        if abs(slack) < 60:
            plan = "on plan"
        elif slack > 0:
            plan = f"{format_duration(round(slack / 60) * 60)} ahead of plan"
        else:
            plan = f"{format_duration(round(-slack / 60) * 60)} behind plan"
        if engine.running:
            state = "running"
        else:
            state = "not started" if engine.session.started_at is None else "paused"
        left = format_clock(engine.workshop_remaining())
        extra = engine.timing.extra_seconds
        extra_time = f"{'+' if extra > 0 else '-'}{format_duration(abs(extra))}" if extra else ""
        given = f" · {extra_time} given" if extra else ""
        short_given = f" · {extra_time}" if extra else ""
        bell = " · bell on" if self.bell_on else ""
        short_bell = " · bell" if self.bell_on else ""
        part_line = (  # the longest wording that fits the side bar is shown
            f"Part {state}{given}{bell}",
            f"Part {state}{short_given}{bell}",
            f"{state.capitalize()}{short_given}{short_bell}",
        )
        self.query_one("#workshop-line", StatusLines).show(
            (part_line, f"Workshop {left} left", plan)
        )
        self.query_one(AgendaView).show(engine.agenda())
        if remaining < 0 and not self._was_over and engine.running and self.bell_on:
            self.app.bell()
        self._was_over = remaining < 0

    def _tick(self) -> None:
        if self.engine.running:
            self._refresh_status()

    def _heartbeat(self) -> None:  # paused or not: the beat keeps this app's claim fresh
        self._attempt(self.engine.heartbeat)

    def watch_show_private(self) -> None:
        if self.is_mounted:
            self.query_one("#private").display = self.show_private

    def on_resize(self) -> None:
        self.set_class(self.size.height < 28, "-short")

    def action_scroll_brief(self, pages: int) -> None:
        brief = self.query_one("#brief", VerticalScroll)
        brief.scroll_relative(y=pages * max(1, brief.size.height - 2))

    def on_activity_panel_changed(self, _: ActivityPanel.Changed) -> None:
        self._refresh_status()

    # -- actions -------------------------------------------------------------------------------
    def _attempt(self, action, *args) -> bool:  # type: ignore[no-untyped-def]
        """Run an engine action; say why in one sentence if it could not be done."""
        try:
            action(*args)
        except (EngineError, StoreError) as error:
            self.notify(str(error), title="Not done", severity="error")
            return False
        return True

    def action_toggle_timer(self) -> None:
        if self._attempt(self.engine.toggle):
            self._refresh_status()

    def action_next_part(self) -> None:
        if self.engine.index == len(self.engine.script.parts) - 1:
            self.notify("This is the last part: press f to finish the workshop.", timeout=5)
            return
        if self._attempt(self.engine.next_part):
            self._show_part()

    def action_previous_part(self) -> None:
        if self.engine.index == 0:
            self.notify("This is the first part.", timeout=3)
            return
        if self._attempt(self.engine.previous_part):
            self._show_part()

    def action_skip(self) -> None:
        if self._attempt(self.engine.skip):
            self._show_part()

    def action_extend(self, seconds: int) -> None:
        if self._attempt(self.engine.extend, seconds):
            self._refresh_status()  # the countdown and the status line show the extra time

    def action_extend_by(self) -> None:
        def validate(values: dict[str, str]) -> str | None:
            from workshop_tui.content.durations import DurationError, parse_duration

            text = values["amount"].lstrip("-")
            try:
                parse_duration(text)
            except DurationError as error:
                return str(error)
            return None

        def extend(values: dict[str, str] | None) -> None:
            from workshop_tui.content.durations import parse_duration

            if not values:
                return
            text = values["amount"]
            seconds = parse_duration(text.lstrip("-")) * (-1 if text.startswith("-") else 1)
            self.action_extend(seconds)

        self.app.push_screen(
            FormDialog(
                "Extend this part",
                [
                    Field(
                        "amount",
                        "How much time? (e.g. 3m, 90s; -2m takes time away)",
                        required=True,
                    )
                ],
                validate=validate,
            ),
            extend,
        )

    def action_note(self) -> None:
        def save(values: dict[str, str] | None) -> None:
            if values and self._attempt(self.engine.add_note, values["text"]):
                self.notify("Note saved.", timeout=2)
                self._current_panel().sync()
                self._refresh_status()

        self.app.push_screen(
            FormDialog(
                f"Note on “{self.engine.part.name}”", [Field("text", "Note", required=True)]
            ),
            save,
        )

    def action_toggle_private(self) -> None:
        self.show_private = not self.show_private

    def action_toggle_bell(self) -> None:
        self.bell_on = not self.bell_on
        self.notify(
            "The bell rings when a part's time is up." if self.bell_on else "Bell off.", timeout=3
        )
        self._refresh_status()

    def action_go_to(self) -> None:
        options = [
            (f"{i + 1}. {part.name}", str(i)) for i, part in enumerate(self.engine.script.parts)
        ]

        def go(values: dict[str, str] | None) -> None:
            if values and values["part"] and self._attempt(self.engine.go_to, int(values["part"])):
                self._show_part()

        self.app.push_screen(
            FormDialog(
                "Go to part", [Field("part", "Part", str(self.engine.index), options=options)]
            ),
            go,
        )

    def action_export(self) -> None:
        path = export_notes(self, self.engine, self._exports_dir)
        if path is None:
            return
        self.notify(f"Notes so far exported to {path}", title="Exported", timeout=8)

    def action_finish(self) -> None:
        def finish(yes: bool | None) -> None:
            if yes and self._attempt(self.engine.finish):
                from workshop_tui.screens.summary import SummaryScreen

                self.app.switch_screen(SummaryScreen(self.engine, self._exports_dir))

        self.app.push_screen(
            ConfirmDialog(
                "Finish the workshop?",
                "The session is closed and its summary shown; its notes can be exported any time.",
                yes="Finish",
                no="Not yet",
            ),
            finish,
        )

    def _current_panel(self) -> ActivityPanel:
        return self.query_one("#activity", Vertical).query_one(ActivityPanel)
