"""The promises board: one column per party, each promise with its status, owner and note.

The parties' preloaded promises from the script wait, dimmed, as "to table"
until the room puts them on the table. Every change is a new revision through
the engine, so earlier wordings stay in a promise's history.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Label

from workshop_tui.content.model import PromisesActivity, PromiseTemplate
from workshop_tui.domain import views
from workshop_tui.domain.kinds import PromiseStatus
from workshop_tui.domain.preloaded import begun_in, pending
from workshop_tui.domain.records import Promise
from workshop_tui.screens.dialogs import Field, FormDialog
from workshop_tui.widgets.activity import ActivityPanel
from workshop_tui.widgets.clamped_text import ClampedText
from workshop_tui.widgets.local_time import hhmm

if TYPE_CHECKING:
    from workshop_tui.content.model import Part
    from workshop_tui.domain.engine import SessionEngine

MARKER = "▶ "
TO_TABLE = "to table"
_MARK = Binding.Group("Mark", compact=True)


@dataclass(frozen=True, slots=True)
class Entry:
    """One line-up in a party's column: a promise, a preloaded one to table, or nothing yet."""

    party: str
    ident: str | None
    """The promise's key, ``"tpl:N"`` for the party's Nth preloaded promise, None when empty."""
    thread: views.PromiseThread | None = None
    template: PromiseTemplate | None = None

    @property
    def wording(self) -> str:
        if self.thread is not None:
            return self.thread.current.text
        if self.template is not None:
            return self.template.text
        return "no promises yet"

    @property
    def badge(self) -> str:
        if self.thread is not None:
            return self.thread.current.status.value
        return TO_TABLE if self.template is not None else ""


class PromiseCard(Vertical):
    """A promise as the room reads it: wording, status word, owner, note, amendments."""

    DEFAULT_CSS = """
    PromiseCard {
        height: auto;
        margin-bottom: 1;
    }
    PromiseCard.-template {
        color: $text-muted;
    }
    PromiseCard.-empty {
        color: $text-muted;
        text-style: italic;
    }
    PromiseCard.-selected {
        background: $accent 30%;
    }
    PromiseCard.-selected > .wording {
        background: $accent;
        color: $text;
        text-style: bold;
    }
    PromiseCard > .meta-row {
        height: auto;
        padding-left: 2;
    }
    PromiseCard .badge {
        padding: 0 1;
        margin-right: 1;
        text-style: bold;
        background: $panel;
        color: $foreground;
    }
    PromiseCard .badge.-proposed { background: $primary; color: auto; }
    PromiseCard .badge.-agreed { background: $success; color: auto; }
    PromiseCard .badge.-amended { background: $accent; color: auto; }
    PromiseCard .badge.-declined { background: $error; color: auto; }
    PromiseCard .badge.-parked { background: $warning; color: auto; }
    PromiseCard .badge.-to-table {
        background: $surface;
        color: $text-muted;
        text-style: italic;
    }
    PromiseCard .meta {
        width: 1fr;
    }
    PromiseCard > .note {
        padding-left: 2;
        color: $text-muted;
        text-style: italic;
    }
    """

    def __init__(self, entry: Entry, selected: bool) -> None:
        kind = "-template" if entry.template else "-empty" if entry.ident is None else ""
        super().__init__(classes=kind)
        self.entry = entry
        self._selected = selected

    def compose(self) -> ComposeResult:
        entry = self.entry
        yield ClampedText(entry.wording, max_lines=3, indent="  ", classes="wording")
        if entry.ident is None:
            return
        with Horizontal(classes="meta-row"):
            badge = entry.badge
            yield Label(badge.upper(), classes=f"badge -{badge.replace(' ', '-')}", markup=False)
            lines = 1 if entry.template is not None else 2
            yield ClampedText(self._meta(), max_lines=lines, classes="meta")
        note = self._note()
        if note:
            yield ClampedText(note, max_lines=1, classes="note")

    def on_mount(self) -> None:
        self.select(self._selected)

    def _meta(self) -> str:
        """Amendments and owner; for a preloaded promise, its detail beside the badge."""
        thread = self.entry.thread
        if thread is None:
            return self.entry.template.detail if self.entry.template else ""
        parts = []
        amended = len(thread.amendments)
        if amended:
            parts.append(f"(amended ×{amended})")
        if thread.current.owner:
            parts.append(f"owner {thread.current.owner}")
        return " · ".join(parts)

    def _note(self) -> str:
        return self.entry.thread.current.note if self.entry.thread is not None else ""

    def select(self, selected: bool) -> None:
        """Show or hide the selection (marker and highlight)."""
        self._selected = selected
        self.set_class(selected, "-selected")
        wording = self.query_one(".wording", ClampedText)
        wording.lead = MARKER if selected else "  "
        wording.refresh(layout=True)


class PromisesPanel(ActivityPanel):
    """One column per party; keys table, amend and mark the selected promise."""

    can_focus = True

    BINDINGS = [
        Binding("enter", "table", "Table", tooltip="Table the selected preloaded promise"),
        Binding("a", "add", "Add", tooltip="Add a promise for the selected party"),
        Binding("m", "amend", "Amend", tooltip="Reword the promise; the earlier wording is kept"),
        Binding("y", "mark('agreed')", "Agreed", tooltip="Mark the promise agreed", group=_MARK),
        Binding(
            "d", "mark('declined')", "Declined", tooltip="Mark the promise declined", group=_MARK
        ),
        Binding("k", "mark('parked')", "Parked", tooltip="Park the promise for later", group=_MARK),
        Binding("o", "owner", "Owner", tooltip="Set the promise's owner and note"),
        Binding("u", "mark('proposed')", "Proposed", show=False, tooltip="Back to proposed"),
        Binding("up", "step(-1)", "Previous", show=False, tooltip="Select the promise above"),
        Binding("down", "step(1)", "Next", show=False, tooltip="Select the promise below"),
        Binding("left", "column(-1)", "Party left", show=False, tooltip="The party to the left"),
        Binding("right", "column(1)", "Party right", show=False, tooltip="The party to the right"),
        Binding("home", "edge(0)", "First", show=False, tooltip="Select the first promise"),
        Binding("end", "edge(-1)", "Last", show=False, tooltip="Select the last promise"),
    ]

    DEFAULT_CSS = """
    PromisesPanel {
        height: 1fr;
    }
    PromisesPanel #promise-columns {
        height: 1fr;
        min-height: 4;
    }
    PromisesPanel .party {
        width: 1fr;
        height: 1fr;
        margin-right: 1;
        border-top: solid $primary;
        border-title-color: $text;
        border-title-style: bold;
        background: $boost;
        scrollbar-size-vertical: 1;
    }
    PromisesPanel .party:last-of-type {
        margin-right: 0;
    }
    PromisesPanel:focus .party.-current {
        border-top: heavy $accent;
    }
    PromisesPanel #promise-detail {
        height: auto;
        padding: 0 1;
        background: $panel;
    }
    """

    def __init__(self, engine: SessionEngine, part: Part, **kwargs: Any) -> None:
        super().__init__(engine, part, **kwargs)
        activity = part.activity
        self.activity = activity if isinstance(activity, PromisesActivity) else None
        self._columns: list[list[Entry]] = []
        self._parties: list[str] = []
        self._col = 0
        self._row = 0
        self._wanted: tuple[str, str | None] | None = None
        self._read()

    # -- reading the session -------------------------------------------------------------------
    @property
    def rows(self) -> list[Promise]:
        """Every revision of the promises made in this part."""
        return begun_in(self.engine.session.promises, self.part.id)

    def _read(self) -> None:
        """Rebuild the columns from the session, keeping the selection on the same promise."""
        parties = self.activity.parties if self.activity else []
        templates = {party.name: party.promises for party in parties}
        by_party = views.promises_by_party(self.rows, [party.name for party in parties])
        columns: list[list[Entry]] = []
        for party, threads in by_party.items():
            entries = [Entry(party, thread.key, thread=thread) for thread in threads]
            offered = templates.get(party, [])
            used = (row.text for thread in threads for row in thread.history)
            waiting = pending([t.text for t in offered], used)
            entries += [Entry(party, f"tpl:{i}", template=offered[i]) for i in waiting]
            columns.append(entries or [Entry(party, None)])
        wanted = self._wanted
        if wanted is None and self._columns:
            here = self.selected
            wanted = (here.party, here.ident)
        self._wanted = None
        self._columns = columns
        self._parties = list(by_party)
        self._col, self._row = _find(columns, wanted, (self._col, self._row))

    @property
    def selected(self) -> Entry:
        """The entry the selection is on."""
        return self._columns[self._col][self._row]

    def sync(self) -> None:
        self._read()
        if self.is_mounted:
            self.refresh(recompose=True)

    # -- drawing -------------------------------------------------------------------------------
    def compose(self) -> ComposeResult:
        tally = views.agreed_tally(self.rows)
        with Horizontal(id="promise-columns"):
            for col, (party, entries) in enumerate(zip(self._parties, self._columns, strict=True)):
                cards = [
                    PromiseCard(entry, (col, row) == (self._col, self._row))
                    for row, entry in enumerate(entries)
                ]
                column = VerticalScroll(
                    *cards,
                    classes="party" + (" -current" if col == self._col else ""),
                    can_focus=False,
                )
                column.border_title = f"{party} · {tally.get(party, 0)} agreed"
                yield column
        yield ClampedText(id="promise-detail", max_lines=2)

    def on_mount(self) -> None:
        self._show_selection()

    async def recompose(self) -> None:
        await super().recompose()
        self._show_selection()

    def on_resize(self, event: events.Resize) -> None:
        self._fit()

    def _fit(self) -> None:
        """The history line takes two rows only when the panel has them to spare."""
        lines = 2 if self.size.height >= 12 else 1
        self.query_one("#promise-detail", ClampedText).max_lines = lines

    def _show_selection(self) -> None:
        """Highlight the selected promise, scroll it into view, and show its history."""
        for index, column in enumerate(self.query(".party")):
            column.set_class(index == self._col, "-current")
        entry = self.selected
        for card in self.query(PromiseCard):
            chosen = (card.entry.party, card.entry.ident) == (entry.party, entry.ident)
            if card.is_mounted and card.query(".wording"):
                card.select(chosen)
            if chosen:
                card.scroll_visible(animate=False)
        self.query_one("#promise-detail", ClampedText).text = self._detail(entry)
        self._fit()

    def _detail(self, entry: Entry) -> str:
        if entry.template is not None:
            detail = entry.template.detail or entry.template.text
            return f"To table (enter): {detail}"
        if entry.thread is None:
            return f"{entry.party} has no promises yet: press a to add one."
        thread = entry.thread
        earlier = thread.amendments
        current = thread.current
        if not earlier:
            return (
                f"{current.status.value.capitalize()} since {hhmm(_status_since(thread))}"
                f" · first tabled at {hhmm(thread.first_at)}"
            )
        wordings = " → ".join(f"“{row.text}” ({hhmm(row.at)})" for row in earlier)
        return f"Earlier: {wordings} → now “{current.text}” ({hhmm(_worded_at(thread))})"

    # -- keys ----------------------------------------------------------------------------------
    def focus_main(self) -> None:
        self.focus()

    def _select(self, col: int, row: int) -> None:
        self._col = max(0, min(col, len(self._columns) - 1))
        self._row = max(0, min(row, len(self._columns[self._col]) - 1))
        self._show_selection()

    def action_step(self, delta: int) -> None:
        self._select(self._col, self._row + delta)

    def action_column(self, delta: int) -> None:
        self._select(self._col + delta, self._row)

    def action_edge(self, where: int) -> None:
        self._select(self._col, 0 if where == 0 else len(self._columns[self._col]) - 1)

    def action_table(self) -> None:
        entry = self.selected
        if entry.template is None:
            self.notify("Only a promise marked “to table” can be tabled; a adds a new one.")
            return
        self._table(entry, PromiseStatus.PROPOSED)

    def _table(self, entry: Entry, status: PromiseStatus) -> None:
        template = entry.template
        assert template is not None
        # The script's detail is its own wording, not a note anyone made in the room.
        row = self.perform(self.engine.add_promise, entry.party, template.text, status=status)
        self._follow(row)

    def action_mark(self, value: str) -> None:
        status = PromiseStatus(value)
        entry = self.selected
        if entry.template is not None:
            self._table(entry, status)
        elif entry.thread is None:
            self.notify(f"{entry.party} has no promise to mark: a adds one.")
        elif entry.thread.current.status is status:
            self.notify(f"It is already {status.value}.")
        else:
            self.perform(self.engine.set_promise, entry.thread.key, status=status)

    def action_add(self) -> None:
        party = self._parties[self._col]

        def add(values: dict[str, str]) -> None:
            row = self.perform(
                self.engine.add_promise,
                party,
                values["text"],
                owner=values["owner"],
                note=values["note"],
            )
            self._follow(row)

        fields = [
            Field("text", "The promise", required=True),
            Field("owner", "Owner"),
            Field("note", "Note"),
        ]
        self.ask(FormDialog(f"A promise by {party}", fields), add)

    def action_amend(self) -> None:
        thread = self._thread("amend")
        if thread is None:
            return
        current = thread.current

        def amend(values: dict[str, str]) -> None:
            self.perform(self.engine.amend_promise, current.key, values["text"], values["note"])

        def changed(values: dict[str, str]) -> str | None:
            if values["text"] == current.text:
                return "Change the wording to amend it."
            return None

        fields = [
            Field("text", "New wording", value=current.text, required=True),
            Field("note", "Note", value=current.note),
        ]
        self.ask(
            FormDialog(
                f"Amend a promise by {current.party}",
                fields,
                intro=f"Now: {current.text}",
                validate=changed,
            ),
            amend,
        )

    def action_owner(self) -> None:
        thread = self._thread("give an owner to")
        if thread is None:
            return
        current = thread.current

        def save(values: dict[str, str]) -> None:
            if (values["owner"], values["note"]) != (current.owner, current.note):
                self.perform(
                    self.engine.set_promise, current.key, owner=values["owner"], note=values["note"]
                )

        fields = [
            Field("owner", "Owner", value=current.owner),
            Field("note", "Note", value=current.note),
        ]
        self.ask(FormDialog("Owner and note", fields, intro=current.text), save)

    def _thread(self, verb: str) -> views.PromiseThread | None:
        entry = self.selected
        if entry.thread is None:
            what = "table it first (enter)" if entry.template else "add one first (a)"
            self.notify(f"Select a promise on the table to {verb}: {what}.")
        return entry.thread

    def _follow(self, row: Promise | None) -> None:
        """Select a promise that was just tabled or added."""
        if row is not None:
            self._col, self._row = _find(self._columns, (row.party, row.key), (self._col, 0))


def _find(
    columns: list[list[Entry]], wanted: tuple[str, str | None] | None, fallback: tuple[int, int]
) -> tuple[int, int]:
    """Where ``wanted`` (party, ident) is now; else ``fallback`` kept inside the columns."""
    if wanted is not None:
        for col, entries in enumerate(columns):
            for row, entry in enumerate(entries):
                if (entry.party, entry.ident) == wanted:
                    return col, row
    if not columns:
        return 0, 0
    col = max(0, min(fallback[0], len(columns) - 1))
    return col, max(0, min(fallback[1], len(columns[col]) - 1))


def _status_since(thread: views.PromiseThread) -> datetime:
    """When the promise took its current status."""
    since = thread.current.at
    for row in reversed(thread.history):
        if row.status is not thread.current.status:
            break
        since = row.at
    return since


def _worded_at(thread: views.PromiseThread) -> datetime:
    """When the promise took its current wording."""
    since = thread.current.at
    for row in reversed(thread.history):
        if row.text != thread.current.text:
            break
        since = row.at
    return since
