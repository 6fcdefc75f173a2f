"""The actions board: follow-ups with an owner and a due date, then the script's suggestions."""

from __future__ import annotations

from typing import Any, ClassVar

from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.widgets import DataTable, Static

from workshop_tui.boards.board import Board
from workshop_tui.domain.read_models.actions import ActionRow, ActionsView
from workshop_tui.domain.read_models.audience import Wording
from workshop_tui.widgets.clamped_text import ClampedText, clamp
from workshop_tui.widgets.plain_text import plain_rich

MARKER = "▶"
PADDING = 5 * 2  # one cell of padding either side of each of the five columns
TEXT_LINES = 2
"""Lines a recorded action's text may take in the table; the line under it shows the rest."""
OWNER_LINES = 3
"""Lines a recorded action's owner may wrap to in a narrow table."""
ADD_KEY = Wording("  ·  a: add", "")
"""After the summary: the key that adds an action (the room is not told it)."""


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


class ActionsBoard(Board):
    """Actions recorded in the session, then the suggestions still to add."""

    DEFAULT_CSS = """
    ActionsBoard {
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

    def __init__(self, view: ActionsView, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._view = view
        self._keys: list[str] = []
        self._marked: str | None = None

    def compose(self) -> ComposeResult:
        yield Static(id="actions-summary", classes="panel-summary")
        yield ActionTable(id="actions-table", cursor_type="row", show_cursor=True)
        yield ClampedText("", max_lines=2, id="actions-detail")

    def on_mount(self) -> None:
        self.show(self._view)

    @property
    def selected(self) -> ActionRow | None:
        """The row the cursor is on."""
        table = self.query_one(ActionTable)
        index = table.cursor_row
        if table.row_count == 0 or not 0 <= index < len(self._keys):
            return None
        return self._view.find(self._keys[index])

    def show(self, view: ActionsView, select: str | None = None) -> None:
        """Rebuild the table, keeping the cursor on its row (or moving it to ``select``)."""
        here = self.selected
        keep = select or (here.key if here else None)
        self._view = view
        table = self.query_one(ActionTable)
        summary = f"{view.recorded} action{'s' if view.recorded != 1 else ''} · {view.done} done"
        if view.suggested:
            summary += f" · {view.suggested} suggested"
        self.query_one("#actions-summary", Static).update(
            Content(summary + ADD_KEY.to(view.audience))
        )
        table.clear(columns=True)
        cells = [_cells(row) for row in view.rows]
        owner_width = _fit(cells, 3, "Owner", 14 if table.size.width >= 60 else 9)
        due_width = _fit(cells, 4, "Due", 16)  # "Wed 30 Sep 2027" is never cut
        fixed = 1 + 1 + owner_width + due_width + PADDING + 1  # and a column for the scroll bar
        table.add_column(Text(""), key="mark", width=1)
        table.add_column(Text("✔"), key="done", width=1)
        text_width = max(10, table.size.width - fixed)
        table.add_column(Text("Action"), key="text", width=text_width)
        table.add_column(Text("Owner"), key="owner", width=owner_width)
        table.add_column(Text("Due"), key="due", width=due_width)
        for row, row_cells in zip(view.rows, cells, strict=True):
            height = 1  # a suggestion stays on one line
            if row.action is not None:
                text = row_cells[2]
                lines = clamp(text.plain, text_width, TEXT_LINES) or [""]
                row_cells[2] = Text("\n".join(lines), style=text.style, no_wrap=True)
                owner = row_cells[3]
                owner_lines = clamp(owner.plain, owner_width, OWNER_LINES) or [""]
                row_cells[3] = Text("\n".join(owner_lines), style=owner.style, no_wrap=True)
                height = max(len(lines), len(owner_lines))  # the owner wraps, never cut
            table.add_row(*row_cells, key=row.key, height=height)
        self._keys = [row.key for row in view.rows]
        self._marked = None
        if not view.rows:
            self.query_one("#actions-detail", ClampedText).text = view.empty
            return
        index = self._keys.index(keep) if keep in self._keys else 0
        table.move_cursor(row=min(index, len(self._keys) - 1))
        self._mark()

    def _mark(self) -> None:
        """Put the ▶ marker on the cursor row only, and the row in full under the table."""
        row = self.selected
        key = row.key if row else None
        if self._marked == key:
            return
        table = self.query_one(ActionTable)
        if self._marked in self._keys:
            table.update_cell(self._marked, "mark", Text(" "))
        if key is not None:
            table.update_cell(key, "mark", Text(MARKER, style="bold"))
        self._marked = key
        self.query_one("#actions-detail", ClampedText).text = (
            row.detail if row else self._view.empty
        )

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        event.stop()
        self._mark()

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()  # a click only moves the cursor; enter edits

    def on_resize(self, event: events.Resize) -> None:
        self.call_after_refresh(self.show, self._view)


def _cells(row: ActionRow) -> list[Text]:
    def cell(value: str, style: str = "") -> Text:
        return plain_rich(value, style=style, no_wrap=True, overflow="ellipsis")

    if row.action is None:
        return [
            cell(" "),
            cell("·", "dim"),
            cell(row.text, "dim italic"),
            cell(row.owner, "dim italic"),
            cell(row.due, "dim italic"),
        ]
    done = row.done
    dropped = row.action.dropped
    carried = "↻ " if row.action.carried_from is not None else ""  # from an earlier session
    return [
        cell(" "),
        cell("✗" if dropped else "✔" if done else "☐", "bold" if done else ""),
        cell(carried + row.text, "strike dim" if done or dropped else ""),
        cell(row.owner),
        cell(row.due, "bold reverse" if row.overdue else ""),
    ]


def _fit(cells: list[list[Text]], column: int, heading: str, most: int) -> int:
    """The width a column needs for its heading and cells, at most ``most``."""
    widest = max((row[column].cell_len for row in cells), default=0)
    return min(most, max(len(heading), widest))
