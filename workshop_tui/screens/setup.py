"""Set-up: who is in the room, what was prepared, and the agenda with its planned times."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import DataTable, Header, Input, Label, SelectionList, Static

from workshop_tui.content.durations import format_duration
from workshop_tui.dialogs.form import Field, FormDialog
from workshop_tui.domain.records import Participant
from workshop_tui.domain.snapshot import SessionSetup
from workshop_tui.messages import SessionRequested
from workshop_tui.widgets.footer import Footer

if TYPE_CHECKING:
    from workshop_tui.content.loader import LoadedScript
    from workshop_tui.content.model import Script
    from workshop_tui.domain.clock import Clock

COMMON_ROLES = (
    "Product Owner",
    "Scrum Master",
    "Developer",
    "Sponsor",
    "Customer representative",
    "Stakeholder",
    "Facilitator",
)


class SetupScreen(Screen[None]):
    """Names, participants and materials; Ctrl+S starts the workshop."""

    BINDINGS = [
        Binding(
            "ctrl+s",
            "start",
            "Start workshop",
            priority=True,
            tooltip="Create the session and go to the first part",
        ),
        Binding(
            "ctrl+a",
            "add_participant",
            "Add person",
            priority=True,
            tooltip="Add a participant and their role",
        ),
        Binding(
            "ctrl+d",
            "remove_participant",
            "Remove person",
            priority=True,
            tooltip="Remove the highlighted participant",
        ),
        Binding("escape", "back", "Back", tooltip="Back to the list of scripts"),
    ]

    def __init__(self, loaded: LoadedScript, clock: Clock) -> None:
        super().__init__()
        self.loaded = loaded
        self._clock = clock
        self._participants: list[Participant] = []

    @property
    def script(self) -> Script:
        return self.loaded.script

    def compose(self) -> ComposeResult:
        script = self.script
        yield Header(show_clock=True, icon="◷")
        with Vertical(id="setup"):
            yield Static(
                f"Set up · {script.title} · {format_duration(script.duration)}",
                id="setup-title",
                markup=False,
            )
            with Horizontal(id="setup-names"):
                with Vertical():
                    yield Label("Customer or team *")
                    yield Input(placeholder="e.g. Acme Health", id="customer")
                with Vertical():
                    yield Label("Facilitator")
                    yield Input(placeholder="your name", id="facilitator")
            with Horizontal(id="setup-lists"):
                with Vertical(id="setup-people"):
                    yield Label("Participants (^A add, ^D remove)")
                    yield DataTable(id="participants", cursor_type="row")
                with Vertical(id="setup-agenda"):
                    yield Label("Agenda, starting now")
                    yield DataTable(id="agenda-preview", cursor_type="none")
            with Vertical(id="setup-materials"):
                yield Label("Prepared materials (Space ticks)")
                yield SelectionList[str](
                    *[(item, item) for item in script.prepared_materials], id="materials"
                )
        yield Footer()

    def on_mount(self) -> None:
        self.title = self.script.title
        self.sub_title = "set-up"
        people = self.query_one("#participants", DataTable)
        people.add_columns("Name", "Role")
        agenda = self.query_one("#agenda-preview", DataTable)
        agenda.add_column("Start", width=5)
        agenda.add_column("End", width=5)
        agenda.add_column("Part")
        self._fill_agenda()
        self.set_interval(30, self._fill_agenda)
        self.query_one("#customer", Input).focus()

    def _fill_agenda(self) -> None:
        agenda = self.query_one("#agenda-preview", DataTable)
        agenda.clear()
        start: datetime = self._clock.now().astimezone()
        for part in self.script.parts:
            end = start + timedelta(seconds=part.duration)
            agenda.add_row(start.strftime("%H:%M"), end.strftime("%H:%M"), part.name)
            start = end

    def _roles(self) -> list[str]:
        roles = list(COMMON_ROLES)
        for part in self.script.parts:
            activity = part.activity
            if activity.kind == "signoff":
                for section in activity.sections:
                    roles += activity.roles_for(section)
        return list(dict.fromkeys(roles))

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if event.input.id == "customer":
            self.query_one("#facilitator", Input).focus()
        elif event.input.id == "facilitator":
            self.action_add_participant()

    def action_add_participant(self) -> None:
        def add(values: dict[str, str] | None) -> None:
            if values:
                self._participants.append(Participant(values["name"], values["role"]))
                self.query_one("#participants", DataTable).add_row(
                    values["name"], values["role"] or "—"
                )

        self.app.push_screen(
            FormDialog(
                "Add a participant",
                [
                    Field("name", "Name", required=True),
                    Field(
                        "role",
                        "Role (type; → completes)",
                        suggestions=self._roles(),
                        placeholder="e.g. Product Owner",
                    ),
                ],
            ),
            add,
        )

    def action_remove_participant(self) -> None:
        table = self.query_one("#participants", DataTable)
        if not self._participants or table.cursor_row < 0:
            return
        row = min(table.cursor_row, len(self._participants) - 1)
        del self._participants[row]
        table.clear()
        for person in self._participants:
            table.add_row(person.name, person.role or "—")

    def action_back(self) -> None:
        if len(self.app.screen_stack) > 1:
            self.app.pop_screen()

    def action_start(self) -> None:
        customer = self.query_one("#customer", Input).value.strip()
        if not customer:
            self.notify(
                "Who is the workshop with? Type the customer or team name.", severity="warning"
            )
            self.query_one("#customer", Input).focus()
            return
        ticked = tuple(self.query_one("#materials", SelectionList).selected)
        setup = SessionSetup(
            customer=customer,
            facilitator=self.query_one("#facilitator", Input).value.strip(),
            participants=tuple(self._participants),
            materials_checked=ticked,
        )
        missing = len(self.script.prepared_materials) - len(ticked)
        if missing:
            self.notify(f"{missing} prepared item(s) not ticked; starting anyway.", timeout=4)
        self.post_message(SessionRequested(self.loaded, setup))
