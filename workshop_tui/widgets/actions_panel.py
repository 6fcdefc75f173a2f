"""The actions panel: follow-ups with an owner and a due date, and the script's suggestions."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any, ClassVar

from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import DataTable, Static

from workshop_tui.content.model import ActionsActivity, ActionTemplate
from workshop_tui.dialogs.form import Field, FormDialog
from workshop_tui.domain import views
from workshop_tui.domain.due_dates import describe_due, is_overdue, parse_due
from workshop_tui.domain.records import ActionItem
from workshop_tui.widgets.activity import ActivityPanel
from workshop_tui.widgets.clamped_text import ClampedText, clamp

if TYPE_CHECKING:
    from workshop_tui.content.model import Part
    from workshop_tui.domain.engine import SessionEngine

DUE_HINT = "fri, 1 Dec, 2026-12-01, +7d, in 2 weeks, tomorrow; blank for none"
MARKER = "▶"
PADDING = 5 * 2  # one cell of padding either side of each of the five columns
TEXT_LINES = 2
"""Lines a recorded action's text may take in the table; the line under it shows the rest."""


@dataclass(frozen=True, slots=True)
class Row:
    """One line of the table: a recorded action, or a suggestion not added yet."""

    key: str
    action: ActionItem | None = None
    suggestion: ActionTemplate | None = None


class ActionTable(DataTable[Text], inherit_bindings=False):
    """A row-cursor table moved with the arrows and home/end only."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("up", "cursor_up", "Up", show=False),
        Binding("down", "cursor_down", "Down", show=False),
        Binding("home", "first_row", "First", show=False),
        Binding("end", "last_row", "Last", show=False),
    ]

    def action_first_row(self) -> None:
        self.move_cursor(row=0)

    def action_last_row(self) -> None:
        self.move_cursor(row=self.row_count - 1)


class ActionsPanel(ActivityPanel):
    """Actions recorded in the session, then the suggestions still to add."""

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
    ]

    DEFAULT_CSS = """
    ActionsPanel {
        height: 1fr;
        #actions-detail {
            padding: 0 1;
            color: $text-muted;
            border-top: hkey $panel;
        }
        #actions-table {
            height: 1fr;
            border: none;
            overflow-x: hidden;
            scrollbar-size-vertical: 1;
        }
    }
    """

    def __init__(self, engine: SessionEngine, part: Part, **kwargs: Any) -> None:
        super().__init__(engine, part, **kwargs)
        activity = part.activity
        assert isinstance(activity, ActionsActivity), "ActionsPanel shows an actions part"
        self.activity = activity
        self._rows: dict[str, Row] = {}
        self._marked: str | None = None

    def compose(self) -> ComposeResult:
        yield Static("", id="actions-summary", classes="panel-summary", markup=False)
        yield ActionTable(id="actions-table", cursor_type="row", show_cursor=True)
        yield ClampedText("", max_lines=2, id="actions-detail")

    @property
    def today(self) -> date:
        """Today, by the engine's clock."""
        return self.engine.today()

    # -- drawing ---------------------------------------------------------------------------
    def rows(self) -> list[Row]:
        """Recorded actions in the order first written, then suggestions not yet added."""
        actions = views.current_actions(self.engine.session.actions)
        written = {action.text.casefold() for action in actions}
        rows = [Row(f"action:{action.key}", action=action) for action in actions]
        rows += [
            Row(f"suggested:{index}", suggestion=template)
            for index, template in enumerate(self.activity.suggested)
            if template.text.casefold() not in written
        ]
        return rows

    def sync(self, select: str | None = None) -> None:
        """Rebuild the table from the session's actions, keeping the cursor on its row."""
        table = self.query_one(ActionTable)
        keep = select or self.selected_key
        rows = self.rows()
        self._rows = {row.key: row for row in rows}
        actions = [row.action for row in rows if row.action is not None]
        done = sum(1 for action in actions if action.done)
        left = len(rows) - len(actions)
        summary = f"{len(actions)} action{'s' if len(actions) != 1 else ''} · {done} done"
        if left:
            summary += f" · {left} suggested"
        self.query_one("#actions-summary", Static).update(summary + "  ·  a: add")
        table.clear(columns=True)
        cells = [self._cells(row) for row in rows]
        owner_width = _fit(cells, 3, "Owner", 14 if table.size.width >= 60 else 9)
        due_width = _fit(cells, 4, "Due", 12)
        fixed = 1 + 1 + owner_width + due_width + PADDING + 1  # and a column for the scroll bar
        table.add_column("", key="mark", width=1)
        table.add_column("✔", key="done", width=1)
        text_width = max(10, table.size.width - fixed)
        table.add_column("Action", key="text", width=text_width)
        table.add_column("Owner", key="owner", width=owner_width)
        table.add_column("Due", key="due", width=due_width)
        for row, row_cells in zip(rows, cells, strict=True):
            height = 1  # a suggestion stays on one line
            if row.action is not None:
                text = row_cells[2]
                lines = clamp(text.plain, text_width, TEXT_LINES) or [""]
                row_cells[2] = Text("\n".join(lines), style=text.style, no_wrap=True)
                height = len(lines)
            table.add_row(*row_cells, key=row.key, height=height)
        self._marked = None
        if not rows:
            self.query_one("#actions-detail", ClampedText).text = self._describe(None)
        if rows:
            index = list(self._rows).index(keep) if keep in self._rows else 0
            table.move_cursor(row=min(index, len(rows) - 1))
            self._mark(table)

    def _cells(self, row: Row) -> list[Text]:
        def cell(value: str, style: str = "") -> Text:
            return Text(value, style=style, no_wrap=True, overflow="ellipsis")

        if row.action is None:
            assert row.suggestion is not None
            return [
                cell(" "),
                cell("·", "dim"),
                cell(row.suggestion.text, "dim italic"),
                cell(row.suggestion.owner, "dim italic"),
                cell("suggested", "dim italic"),
            ]
        action = row.action
        due = describe_due(action.due, self.today)
        due_style = ""
        if is_overdue(action.due, self.today, done=action.done):
            due, due_style = f"⚠ {due}", "bold reverse"
        return [
            cell(" "),
            cell("✔" if action.done else "☐", "bold" if action.done else ""),
            cell(action.text, "strike dim" if action.done else ""),
            cell(action.owner),
            cell(due, due_style),
        ]

    def _mark(self, table: ActionTable) -> None:
        """Put the ▶ marker on the cursor row only."""
        key = self.selected_key
        if self._marked == key:
            return
        if self._marked in self._rows:
            table.update_cell(self._marked, "mark", Text(" "))
        if key is not None:
            table.update_cell(key, "mark", Text(MARKER, style="bold"))
        self._marked = key
        self.query_one("#actions-detail", ClampedText).text = self._describe(self.selected)

    def _describe(self, row: Row | None) -> str:
        """The selected row in full, for when the table cuts it short."""
        if row is None:
            return "No actions yet: press a to add one."
        if row.action is None:
            assert row.suggestion is not None
            return f"Suggested: {row.suggestion.text} (enter adds it)"
        action = row.action
        parts = [action.text]
        if action.owner:
            parts.append(f"owner {action.owner}")
        if action.due:
            parts.append(f"due {describe_due(action.due, self.today)}")
        return " · ".join(parts)

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        event.stop()
        self._mark(self.query_one(ActionTable))

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()  # a click only moves the cursor; enter edits

    def on_resize(self, event: events.Resize) -> None:
        self.call_after_refresh(self.sync)

    @property
    def selected_key(self) -> str | None:
        table = self.query_one(ActionTable)
        if table.row_count == 0 or not self._rows:
            return None
        index = table.cursor_row
        keys = list(self._rows)
        return keys[index] if 0 <= index < len(keys) else None

    @property
    def selected(self) -> Row | None:
        key = self.selected_key
        return self._rows.get(key) if key else None

    # -- actions ---------------------------------------------------------------------------
    def action_add(self) -> None:
        self._ask("Add an action")

    def action_open(self) -> None:
        row = self.selected
        if row is None:
            self.action_add()
        elif row.action is not None:
            action = row.action
            self._ask(
                "Edit the action", text=action.text, owner=action.owner, due=action.due,
                key=action.key,
            )  # fmt: skip
        else:
            assert row.suggestion is not None
            suggestion = row.suggestion
            self._ask("Add the suggested action", text=suggestion.text, owner=suggestion.owner)

    def action_toggle_done(self) -> None:
        row = self.selected
        if row is None:
            return
        if row.action is None:
            self.notify("Add the suggestion first (enter), then mark it done.", title="Suggested")
            return
        self.perform(self.engine.update_action, row.action.key, done=not row.action.done)

    def _ask(
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
            ),
        ]

        def check(values: dict[str, str]) -> str | None:
            try:
                parse_due(values["due"], today)
            except ValueError as error:
                return str(error)
            return None

        def save(values: dict[str, str]) -> None:
            when = parse_due(values["due"], today)
            if key is not None:
                self.perform(
                    self.engine.update_action,
                    key,
                    text=values["text"],
                    owner=values["owner"],
                    due=when,
                )
                return
            added = self.perform(self.engine.add_action, values["text"], values["owner"], when)
            if added is not None:
                self.sync(select=f"action:{added.key}")

        intro = f"Today is {describe_due(today, today)}. Due: {DUE_HINT}."
        self.ask(FormDialog(title, fields, intro=intro, validate=check), save)


def _fit(cells: list[list[Text]], column: int, heading: str, most: int) -> int:
    """The width a column needs for its heading and cells, at most ``most``."""
    widest = max((row[column].cell_len for row in cells), default=0)
    return min(most, max(len(heading), widest))
