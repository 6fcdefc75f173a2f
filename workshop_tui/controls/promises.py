"""The promises board's keys: table, add, amend, mark with a reason, owner and note, history.

Agreeing asks for an optional note, declining, parking and amending for an
optional reason, each in the one dialog of that step (Enter saves it), so
the reason is stored with the status it was given for.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from textual.app import ComposeResult
from textual.binding import Binding

from workshop_tui.boards.promises import PromisesBoard
from workshop_tui.controls.base import ActivityControls
from workshop_tui.dialogs.form import Field, FormDialog
from workshop_tui.dialogs.key_hold import dialog_flow
from workshop_tui.domain.kinds import PromiseStatus
from workshop_tui.domain.read_models import standing
from workshop_tui.domain.read_models.in_play import entry_key
from workshop_tui.domain.read_models.promises import Entry, PromisesView, Wanted, promises_view
from workshop_tui.domain.records import Promise

if TYPE_CHECKING:
    from workshop_tui.content.model import Part
    from workshop_tui.domain.engine import SessionEngine

_MARK = Binding.Group("Mark", compact=True)

_ASKED = {
    PromiseStatus.AGREED: Field("note", "Note (optional)"),
    PromiseStatus.DECLINED: Field("reason", "Why is it declined? (optional)"),
    PromiseStatus.PARKED: Field("reason", "Why is it parked? (optional)"),
}
"""What marking a promise asks, in the same dialog: a note to an agreement, else a reason."""
_SAVE = {
    PromiseStatus.AGREED: "Agreed",
    PromiseStatus.DECLINED: "Declined",
    PromiseStatus.PARKED: "Parked",
}


class PromisesControls(ActivityControls):
    """One column per party; keys table, amend and mark the selected promise."""

    can_focus = True

    BINDINGS = [
        Binding("enter", "table", "Table", tooltip="Table the selected preloaded promise"),
        Binding("a", "add", "Add", tooltip="Add a promise for the selected party"),
        Binding(
            "m",
            "amend",
            "Amend",
            tooltip="Reword the promise (a prepared one is tabled in the new words); "
            "the earlier wording is kept",
        ),
        Binding("y", "mark('agreed')", "Agreed", tooltip="Mark the promise agreed", group=_MARK),
        Binding(
            "d", "mark('declined')", "Declined", tooltip="Mark the promise declined", group=_MARK
        ),
        Binding("k", "mark('parked')", "Parked", tooltip="Park the promise for later", group=_MARK),
        Binding("o", "owner", "Owner", tooltip="Set the promise's owner and note"),
        Binding("h", "history", "History", tooltip="Show or hide the promise's earlier wordings"),
        Binding("u", "mark('proposed')", "Proposed", show=False, tooltip="Back to proposed"),
        Binding("up", "step(-1)", "Previous", show=False, tooltip="Select the promise above"),
        Binding("down", "step(1)", "Next", show=False, tooltip="Select the promise below"),
        Binding("left", "column(-1)", "Party left", show=False, tooltip="The party to the left"),
        Binding("right", "column(1)", "Party right", show=False, tooltip="The party to the right"),
        Binding("home", "edge(0)", "First", show=False, tooltip="Select the first promise"),
        Binding("end", "edge(-1)", "Last", show=False, tooltip="Select the last promise"),
    ]

    DEFAULT_CSS = """
    PromisesControls:focus .party.-current {
        border-top: heavy $accent;
    }
    """

    def __init__(self, engine: SessionEngine, part: Part, **kwargs: Any) -> None:
        super().__init__(engine, part, **kwargs)
        self._view = promises_view(part, engine.session)

    @property
    def selected(self) -> Entry:
        """The entry the selection is on."""
        return self._view.selected

    def in_play(self) -> str | None:
        return entry_key(self._view.selected) if self._view.columns else None

    def compose(self) -> ComposeResult:
        yield PromisesBoard(self._view)

    def view(self, wanted: Wanted | None = None, at: tuple[int, int] | None = None) -> PromisesView:
        """A new view, the selection on ``wanted`` (else the same entry), or at ``at``."""
        here = self._view
        if wanted is None and at is None and here.columns:
            wanted = (here.selected.party, here.selected.ident)
        fallback = (here.col, here.row) if at is None else at
        return promises_view(self.part, self.engine.session, wanted, fallback)

    def redraw(self, wanted: Wanted | None = None, at: tuple[int, int] | None = None) -> None:
        self._view = self.view(wanted, at)
        if self.is_mounted:
            self.query_one(PromisesBoard).show(self._view)

    def action_history(self) -> None:
        """Show the selected promise's history under the columns, or its status again."""
        board = self.query_one(PromisesBoard)
        if not board.showing_history and not self.selected.history:
            self.say("Only a promise on the table has a history.")
            return
        board.show(self._view, history=not board.showing_history)

    def focus_main(self) -> None:
        self.focus()

    # -- moving the selection ------------------------------------------------------------
    def _select(self, col: int, row: int) -> None:
        columns = self._view.columns
        col = max(0, min(col, len(columns) - 1))
        row = max(0, min(row, len(columns[col].entries) - 1))
        self.redraw(at=(col, row))

    def action_step(self, delta: int) -> None:
        self._select(self._view.col, self._view.row + delta)

    def action_column(self, delta: int) -> None:
        self._select(self._view.col + delta, self._view.row)

    def action_edge(self, where: int) -> None:
        entries = self._view.columns[self._view.col].entries
        self._select(self._view.col, 0 if where == 0 else len(entries) - 1)

    def _follow(self, row: Promise | None) -> None:
        """Select a promise that was just tabled or added."""
        if row is not None:
            self.redraw(wanted=(row.party, row.key), at=(self._view.col, 0))

    # -- recording -----------------------------------------------------------------------
    def action_table(self) -> None:
        entry = self.selected
        if entry.template is None:
            self.say("Only a promise marked “to table” can be tabled; a adds a new one.")
            return
        self._table(entry, PromiseStatus.PROPOSED)

    def _table(self, entry: Entry, status: PromiseStatus, said: str = "") -> None:
        template = entry.template
        assert template is not None
        # The script's detail is its own wording, not a note anyone made in the room.
        note, reason = (said, "") if status is PromiseStatus.AGREED else ("", said)
        row = self.perform(
            self.engine.promises.add,
            entry.party,
            template.text,
            status=status,
            note=note,
            reason=reason,
        )
        self._follow(row)

    @dialog_flow
    async def action_mark(self, value: str) -> None:
        status = PromiseStatus(value)
        entry = self.selected
        if entry.thread is None and entry.template is None:
            self.say(f"{entry.party} has no promise to mark: a adds one.")
            return
        if entry.thread is not None and entry.thread.current.status is status:
            self.say(f"It is already {status.value}.")
            return
        field = _ASKED.get(status)
        said = ""
        if field is not None:
            title = f"{status.value.capitalize()}: a promise by {entry.party}"
            values = await self.ask(
                FormDialog(title, [field], intro=entry.wording, save_label=_SAVE[status])
            )
            if values is None:
                return
            said = values[field.name]
        if entry.template is not None:
            self._table(entry, status, said)
            return
        assert entry.thread is not None
        key = entry.thread.key
        if status is PromiseStatus.AGREED:
            self.perform(self.engine.promises.agree, key, said or None)
        else:
            self.perform(self.engine.promises.set, key, status=status, reason=said)

    @dialog_flow
    async def action_add(self) -> None:
        party = self.selected.party
        fields = [
            Field("text", "The promise", required=True),
            Field("owner", "Owner"),
            Field("note", "Note"),
        ]
        values = await self.ask(FormDialog(f"A promise by {party}", fields))
        if values:
            self._follow(
                self.perform(
                    self.engine.promises.add,
                    party,
                    values["text"],
                    owner=values["owner"],
                    note=values["note"],
                )
            )

    @dialog_flow
    async def action_amend(self) -> None:
        entry = self.selected
        if entry.template is not None:  # amended before it is tabled: tabled in new words
            await self._amend_prepared(entry)
            return
        thread = self._thread("amend")
        if thread is None:
            return
        current = thread.current

        def changed(values: dict[str, str]) -> str | None:
            return "Change the wording to amend it." if values["text"] == current.text else None

        fields = [
            Field("text", "New wording", value=current.text, required=True),
            Field("reason", "Why (optional)"),
        ]
        values = await self.ask(
            FormDialog(
                f"Amend a promise by {current.party}",
                fields,
                intro=f"Now: {current.text}",
                validate=changed,
            )
        )
        if values:
            self.perform(
                self.engine.promises.amend, current.key, values["text"], reason=values["reason"]
            )

    async def _amend_prepared(self, entry: Entry) -> None:
        template = entry.template
        assert template is not None

        def changed(values: dict[str, str]) -> str | None:
            same = values["text"] == template.text
            return (
                "Change the wording to amend it, or Enter on the board tables it." if same else None
            )

        fields = [
            Field("text", "New wording", value=template.text, required=True),
            Field("reason", "Why (optional)"),
        ]
        values = await self.ask(
            FormDialog(
                f"Amend a prepared promise by {entry.party}",
                fields,
                intro=f"Prepared: {template.text}\nIt is tabled in the new words.",
                validate=changed,
                save_label="Table amended",
            )
        )
        if values:
            self._follow(
                self.perform(
                    self.engine.promises.table_reworded,
                    entry.party,
                    template.text,
                    values["text"],
                    reason=values["reason"],
                )
            )

    @dialog_flow
    async def action_owner(self) -> None:
        thread = self._thread("give an owner to")
        if thread is None:
            return
        current = thread.current
        fields = [
            Field("owner", "Owner", value=current.owner),
            Field("note", "Note", value=current.note),
        ]
        values = await self.ask(FormDialog("Owner and note", fields, intro=current.text))
        if values and (values["owner"], values["note"]) != (current.owner, current.note):
            self.perform(
                self.engine.promises.set, current.key, owner=values["owner"], note=values["note"]
            )

    def _thread(self, verb: str) -> standing.PromiseThread | None:
        entry = self.selected
        if entry.thread is None:
            what = "table it first (enter)" if entry.template else "add one first (a)"
            self.say(f"Select a promise on the table to {verb}: {what}.")
        return entry.thread
