"""Set-up: who is in the room, what was prepared, and the agenda with its planned times.

Every change is written aside as a draft (``setup_draft``) until the session
is created, so a crash or a database that will not open loses nothing typed;
the same script started again offers the draft back.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import DataTable, Header, Input, Label, SelectionList, Static
from textual.widgets.data_table import RowKey

from workshop_tui.app.messages import DraftKept, PickerRequested, SessionRequested
from workshop_tui.app.setup_draft import SetupDraft, load_draft, remove_draft, save_draft
from workshop_tui.content.durations import format_duration
from workshop_tui.dialogs.confirm import ConfirmDialog
from workshop_tui.dialogs.key_hold import dialog_flow
from workshop_tui.dialogs.text_field import TextField
from workshop_tui.domain.kinds import Side
from workshop_tui.domain.phrasing import counted
from workshop_tui.domain.records import Participant
from workshop_tui.domain.rules.roles import role_suggestions, second_signer, setup_warnings
from workshop_tui.domain.snapshot import SessionSetup
from workshop_tui.screens.renegotiation_note import RenegotiationNote
from workshop_tui.screens.setup_people import (
    COMMON_ROLES,
    person_dialog,
    person_from,
    side_label,
)
from workshop_tui.textual_fixes import KeepsLayoutUnderDialogs, WidthsFollowNewRows
from workshop_tui.widgets.footer import Footer
from workshop_tui.widgets.plain_text import notify, plain, plain_cells, plain_rich, typed, visible

if TYPE_CHECKING:
    from workshop_tui.app.living import Renegotiation
    from workshop_tui.content.loaded import LoadedScript
    from workshop_tui.content.model import Script
    from workshop_tui.domain.clock import Clock


class SetupScreen(KeepsLayoutUnderDialogs):
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
        Binding("escape", "back", "Back", tooltip="Back to the list of scripts and sessions"),
    ]

    def __init__(
        self,
        loaded: LoadedScript,
        clock: Clock,
        renegotiation: Renegotiation | None = None,
        *,
        facilitator: str = "",
    ) -> None:
        super().__init__()
        self.loaded = loaded
        self.facilitator = facilitator
        """Who runs the app (the settings' name), offered as the facilitator."""
        self.renegotiation = renegotiation
        """The earlier agreement this set-up renegotiates: its people prefill the form."""
        self._clock = clock
        self._participants: list[Participant] = []
        self._rows: list[RowKey] = []
        """The participants table's row of each participant, in order."""
        self._kept = SetupDraft()
        """What the draft on disk holds (saved_at aside); nothing is written while it is so."""
        self._offering = False

    @property
    def script(self) -> Script:
        return self.loaded.script

    def compose(self) -> ComposeResult:
        script = self.script
        yield Header(show_clock=True, icon="◷")
        with Vertical(id="setup"):
            yield Static(
                plain(f"Set up · {script.title} · {format_duration(script.duration)}"),
                id="setup-title",
            )
            yield Static(id="setup-problem")
            if self.renegotiation is not None:
                yield RenegotiationNote(self.renegotiation)
            with Horizontal(id="setup-names"):
                with Vertical():
                    yield Label("Customer or team *")
                    yield TextField(placeholder="e.g. Acme Health", id="customer")
                with Vertical():
                    yield Label("Supplier")
                    yield TextField(placeholder="your organisation", id="supplier")
                with Vertical():
                    yield Label("Facilitator")
                    yield TextField(placeholder="your name", id="facilitator")
            with Horizontal(id="setup-lists"):
                with Vertical(id="setup-people"):
                    yield Label("Participants (^A add, ^D remove)")
                    yield Static(id="setup-warnings")
                    yield WidthsFollowNewRows(id="participants", cursor_type="row")
                with Vertical(id="setup-agenda"):
                    yield Label("Agenda, starting now")
                    yield DataTable(id="agenda-preview", cursor_type="none")
            with Vertical(id="setup-materials"):
                yield Label("Prepared materials (Space ticks)")
                yield SelectionList[str](
                    *[(plain(item), item) for item in script.prepared_materials], id="materials"
                )
        yield Footer()

    def on_mount(self) -> None:
        self.title = visible(self.script.title)
        self.sub_title = "set-up"
        people = self.query_one("#participants", DataTable)
        people.add_columns(*plain_cells("Name", "Role", "Side"))
        agenda = self.query_one("#agenda-preview", DataTable)
        agenda.add_column(Text("Start"), width=5)
        agenda.add_column(Text("End"), width=5)
        agenda.add_column(Text("Part"))
        self._fill_agenda()
        self.set_interval(30, self._fill_agenda)
        self.query_one("#customer", Input).focus()
        self.query_one("#facilitator", Input).value = self.facilitator
        if self.renegotiation is not None:  # its people, not an older draft of the script
            self._prefill(self.renegotiation.setup)
            return
        draft = load_draft(self.script.id)
        if draft is not None:
            self._offer(draft)

    def _prefill(self, setup: SessionSetup) -> None:
        self.query_one("#customer", Input).value = setup.customer
        self.query_one("#supplier", Input).value = setup.supplier
        # the next version may be run by a colleague of the one who ran the last
        self.query_one("#facilitator", Input).value = self.facilitator or setup.facilitator
        for person in setup.participants:
            if person.present:  # who left last time is not expected this time
                self._add_person(replace(person, joined_at=None))

    def _fill_agenda(self) -> None:
        agenda = self.query_one("#agenda-preview", DataTable)
        agenda.clear()
        start: datetime = self._clock.now().astimezone()
        for part in self.script.parts:
            end = start + timedelta(seconds=part.duration)
            agenda.add_row(*plain_cells(f"{start:%H:%M}", f"{end:%H:%M}", part.name))
            start = end

    def _roles(self) -> list[str]:
        """Roles to complete as one is typed: the script's signing roles first."""
        return role_suggestions(self.script, COMMON_ROLES)

    def _warn(self) -> None:
        """Say which signing role nobody plays, and which one two people play."""
        warnings = setup_warnings(self.script, self._participants)
        line = self.query_one("#setup-warnings", Static)
        line.update(plain("\n".join(f"⚠ {warning}" for warning in warnings)))
        line.set_class(bool(warnings), "-shown")

    # -- the draft ---------------------------------------------------------------------------
    def draft(self) -> SetupDraft:
        """What the screen holds now."""
        return SetupDraft(
            customer=typed(self.query_one("#customer", Input).value),
            supplier=typed(self.query_one("#supplier", Input).value),
            facilitator=typed(self.query_one("#facilitator", Input).value),
            participants=tuple(self._participants),
            materials_checked=tuple(self.query_one("#materials", SelectionList).selected),
        )

    def _keep_draft(self) -> None:
        """Write the draft aside if it changed (never while a kept one is being offered)."""
        if self._offering or not self.is_mounted:
            return
        draft = self.draft()
        if _same(draft, self._kept):
            return
        try:
            path = save_draft(self.script.id, draft)
        except OSError as error:
            self._problem(f"The set-up cannot be kept aside ({error.strerror or error}).")
            return
        self._kept = draft
        self.post_message(DraftKept(None if draft.empty else path))

    @dialog_flow
    async def _offer(self, draft: SetupDraft) -> None:
        """Offer the set-up kept from an earlier start of this script."""
        self._offering = True
        when = draft.saved_at.astimezone().strftime("%A %d %B at %H:%M")
        restore = await self.app.push_screen_wait(
            ConfirmDialog(
                "Restore the set-up typed earlier?",
                f"Typed on {when}: {draft.summary()}.",
                yes="Restore",
                no="Start afresh",
            )
        )
        self._offering = False
        if not restore:
            remove_draft(self.script.id)
            self._kept = SetupDraft()
            return
        self._kept = draft
        self.query_one("#customer", Input).value = draft.customer
        self.query_one("#supplier", Input).value = draft.supplier
        self.query_one("#facilitator", Input).value = draft.facilitator
        for person in draft.participants:
            self._add_person(person)
        materials = self.query_one("#materials", SelectionList)
        for item in draft.materials_checked:
            if item in self.script.prepared_materials:
                materials.select(item)
        self.query_one("#customer", Input).focus()

    def store_failed(self, problem: str) -> None:
        """The database cannot be opened: say so, keep everything typed."""
        if not self.is_mounted:
            self.call_later(self.store_failed, problem)
            return
        sentence = problem if problem.rstrip().endswith((".", "!", "?")) else f"{problem.rstrip()}."
        self._problem(f"{sentence} Everything typed here is kept; Ctrl+S tries again.")

    def _problem(self, sentence: str) -> None:
        line = self.query_one("#setup-problem", Static)
        line.update(plain(sentence))
        line.add_class("-shown")

    def on_input_changed(self, _: Input.Changed) -> None:
        self._keep_draft()

    def on_selection_list_selected_changed(self, _: SelectionList.SelectedChanged[str]) -> None:
        self._keep_draft()

    # -- keys ------------------------------------------------------------------------------
    def on_input_submitted(self, event: Input.Submitted) -> None:
        if event.input.id == "customer":
            self.query_one("#supplier", Input).focus()
        elif event.input.id == "supplier":
            self.query_one("#facilitator", Input).focus()
        elif event.input.id == "facilitator":
            self.action_add_participant()

    @dialog_flow
    async def action_add_participant(self) -> None:
        draft = self.draft()
        side = self._participants[-1].side if self._participants else Side.CUSTOMER
        values = await self.app.push_screen_wait(
            person_dialog(self._roles(), draft.customer, draft.supplier, side)
        )
        if values:
            person = person_from(values)
            already = second_signer(self.script, self._participants, person)
            self._add_person(person)
            self._keep_draft()
            if already is not None:
                notify(
                    self,
                    f"{already} is {person.role} too, and initials for it: {person.name} "
                    "will not, unless named a delegate in someone's place.",
                    title="Two people, one role that signs",
                    severity="warning",
                    timeout=10,
                )

    def _add_person(self, person: Participant) -> None:
        """A row of its own (the table's columns widen for it; ``clear`` would keep them stale)."""
        self._participants.append(person)
        table = self.query_one("#participants", DataTable)
        draft = self.draft()
        side = side_label(person.side, draft.customer, draft.supplier)
        role = person.role or "—"
        if person.delegate_for:
            role = f"{role} (in place of {person.delegate_for})"
        self._rows.append(
            table.add_row(plain_rich(person.name), plain_rich(role), plain_rich(side))
        )
        self._warn()

    def action_remove_participant(self) -> None:
        table = self.query_one("#participants", DataTable)
        if not self._participants or table.cursor_row < 0:
            return
        row = min(table.cursor_row, len(self._participants) - 1)
        del self._participants[row]
        table.remove_row(self._rows.pop(row))
        self._keep_draft()
        self._warn()

    def action_back(self) -> None:
        """Back to the picker it came from; from ``workshop run``, to the picker too, asking
        first when something was typed (it stays kept aside, offered on the next run)."""
        if len(self.app.screen_stack) > 2:  # the picker is beneath (Textual's own is at 0)
            self.app.pop_screen()
            return
        self._leave()

    @dialog_flow
    async def _leave(self) -> None:
        draft = self.draft()
        if not draft.empty:
            leave = await self.app.push_screen_wait(
                ConfirmDialog(
                    "Leave the set-up?",
                    f"What you typed ({draft.summary()}) is kept aside: "
                    "choosing this script again offers it back.",
                    yes="Leave",
                    no="Stay",
                )
            )
            if not leave:
                return
        self.post_message(PickerRequested())

    def action_start(self) -> None:
        draft = self.draft()
        customer = draft.customer.strip()
        if not customer:
            notify(
                self,
                "Who is the workshop with? Type the customer or team name.",
                severity="warning",
            )
            self.query_one("#customer", Input).focus()
            return
        setup = SessionSetup(
            customer=customer,
            facilitator=draft.facilitator.strip(),
            participants=draft.participants,
            materials_checked=draft.materials_checked,
            supplier=draft.supplier.strip(),
        )
        missing = len(self.script.prepared_materials) - len(draft.materials_checked)
        if missing:
            notify(
                self, f"{counted(missing, 'prepared item')} not ticked; starting anyway.", timeout=4
            )
        self.post_message(SessionRequested(self.loaded, setup, self.renegotiation))


def _same(a: SetupDraft, b: SetupDraft) -> bool:
    """Whether two drafts hold the same set-up (whenever each was saved)."""
    return (a.customer, a.supplier, a.facilitator, a.participants, a.materials_checked) == (
        b.customer,
        b.supplier,
        b.facilitator,
        b.participants,
        b.materials_checked,
    )
