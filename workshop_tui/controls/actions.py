"""The actions board's keys: add a follow-up, correct it (with a reason), mark it done."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any, ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType

from workshop_tui.boards.actions import ActionsBoard
from workshop_tui.controls.base import ActivityControls
from workshop_tui.dialogs.form import Field, FormDialog
from workshop_tui.dialogs.key_hold import dialog_flow
from workshop_tui.domain.read_models.actions import ActionRow, ActionsView, actions_view
from workshop_tui.domain.read_models.in_play import action_key
from workshop_tui.domain.rules.due_dates import describe_due, parse_due, understood

if TYPE_CHECKING:
    from workshop_tui.content.model import Part
    from workshop_tui.domain.engine import SessionEngine

DUE_HINT = "fri, 1 Dec, 2026-12-01, +7d, in 2 weeks, tomorrow; blank for none"


class ActionsControls(ActivityControls):
    """Keys on the actions board: a, enter and d."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("a", "add", "Add", tooltip="Add a follow-up", id="actions.add"),
        Binding(
            "enter",
            "open",
            "Edit",
            tooltip="Edit the selected action, or add the selected suggestion",
            id="actions.edit",
        ),
        Binding("d", "toggle_done", "Done", tooltip="Mark the selected action done or not done"),
        Binding("k", "keep", "Keep", show=False, tooltip="Keep a carried action open, with a note"),
        Binding("delete", "drop", "Drop", show=False, tooltip="Drop the action, with a note"),
    ]

    def __init__(self, engine: SessionEngine, part: Part, **kwargs: Any) -> None:
        super().__init__(engine, part, **kwargs)
        self._view = self.view()

    @property
    def today(self) -> date:
        """Today, by the engine's clock."""
        return self.engine.timing.today()

    def view(self) -> ActionsView:
        return actions_view(self.part, self.engine.session, self.today)

    def compose(self) -> ComposeResult:
        yield ActionsBoard(self._view)

    @property
    def board(self) -> ActionsBoard:
        return self.query_one(ActionsBoard)

    @property
    def selected(self) -> ActionRow | None:
        return self.board.selected

    def in_play(self) -> str | None:
        row = self.selected if self.is_mounted else None
        return action_key(row) if row is not None else None

    def redraw(self, select: str | None = None) -> None:
        self._view = self.view()
        if self.is_mounted:
            self.board.show(self._view, select=select)

    def action_add(self) -> None:
        self._ask("Add an action")

    def action_open(self) -> None:
        row = self.selected
        if row is None:
            self._ask("Add an action")
        elif row.action is not None:
            action = row.action
            self._ask(
                "Edit the action", text=action.text, owner=action.owner, due=action.due,
                key=action.key,
            )  # fmt: skip
        else:
            self._ask("Add the suggested action", text=row.text, owner=row.owner)

    def action_toggle_done(self) -> None:
        row = self.selected
        if row is None:
            return
        if row.action is None:
            self.say("Add the suggestion first (enter), then mark it done.", title="Suggested")
            return
        self.perform(self.engine.actions.update, row.action.key, done=not row.action.done)

    @dialog_flow
    async def action_keep(self) -> None:
        """A carried action stays to do: a note (and the engine records it as kept)."""
        row = self.selected
        if row is None or row.action is None:
            return
        values = await self.app.push_screen_wait(
            FormDialog("Keep the action open", [Field("note", "Note", placeholder="why, or how")])
        )
        if values is not None:
            self.perform(self.engine.actions.keep, row.action.key, values["note"])

    @dialog_flow
    async def action_drop(self) -> None:
        """Take the action off the list, with the reason."""
        row = self.selected
        if row is None or row.action is None:
            return
        values = await self.app.push_screen_wait(
            FormDialog("Drop the action", [Field("note", "Why it is dropped")])
        )
        if values is not None:
            self.perform(self.engine.actions.drop, row.action.key, values["note"])

    @dialog_flow
    async def _ask(
        self,
        title: str,
        *,
        text: str = "",
        owner: str = "",
        due: date | None = None,
        key: str | None = None,
    ) -> None:
        """The action dialog; with ``key`` it edits that action, else it adds one."""
        today = self.today

        def check(values: dict[str, str]) -> str | None:
            try:
                parse_due(values["due"], today)
            except ValueError as error:
                return str(error)
            return None

        fields = [
            Field("text", "Action", value=text, required=True),
            Field(
                "owner",
                "Owner",
                value=owner,
                placeholder="Who (a name from the room, or anyone)",
                suggestions=[p.name for p in self.engine.session.setup.participants],
            ),
            Field(
                "due",
                "Due",
                value=due.isoformat() if due else "",
                placeholder=DUE_HINT,
                understood=lambda typed: understood(typed, today),
            ),
        ]
        if key is not None:  # a correction keeps the earlier revision and says why
            fields.append(Field("reason", "Why the change? (optional)"))
        intro = f"Today is {describe_due(today, today)}. Due: {DUE_HINT}."
        values = await self.ask(FormDialog(title, fields, intro=intro, validate=check))
        if not values:
            return
        when = parse_due(values["due"], today)
        if key is not None:
            self.perform(
                self.engine.actions.update,
                key,
                text=values["text"],
                owner=values["owner"],
                due=when,
                reason=values["reason"],
            )
            return
        added = self.perform(self.engine.actions.add, values["text"], values["owner"], when)
        if added is not None:
            self.redraw(select=f"action:{added.key}")
