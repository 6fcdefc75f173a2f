"""What changed since the last version, during the session: the lineage as the room reads it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Header, Static

from workshop_tui.domain.living.change_lines import change_groups, changes_title, version_line
from workshop_tui.widgets.footer import Footer
from workshop_tui.widgets.plain_text import plain

if TYPE_CHECKING:
    from workshop_tui.domain.living.lineage import Lineage


def changes_content(lineage: Lineage) -> Content:
    """The version, each group of changes and the carried actions, as plain text."""
    pieces: list[Content | str] = [plain(version_line(lineage), "bold"), "\n"]
    if lineage.changes is not None:
        pieces += ["\n", plain(changes_title(lineage), "bold underline"), "\n"]
        groups = change_groups(lineage.changes)
        if not groups:
            pieces.append("Nothing changed yet.\n")
        for group in groups:
            pieces += ["\n", plain(group.title, "bold"), "\n"]
            for line in group.lines:
                pieces += ["  • ", plain(line), "\n"]
    else:
        pieces.append("\nThe first version: nothing to compare with.\n")
    if lineage.carried:
        pieces += ["\n", plain("Actions carried over", "bold"), "\n"]
        for entry in lineage.carried:
            note = f" ({entry.now.reason})" if entry.now.reason else ""
            origin = f"session {entry.carried.carried_from}"
            pieces += ["  • ", plain(f"{entry.now.text}: {entry.fate}{note}, from {origin}"), "\n"]
    return Content.assemble(*pieces)


class ChangesScreen(Screen[None]):
    """ "Changes since version N (date)": promises, decisions, sections to initial again."""

    BINDINGS = [Binding("escape", "app.pop_screen", "Back", tooltip="Back to the session")]
    DEFAULT_CSS = "ChangesScreen #changes { padding: 0 1; }"

    def __init__(self, lineage: Lineage) -> None:
        super().__init__()
        self._lineage = lineage

    def compose(self) -> ComposeResult:
        yield Header(show_clock=True, icon="◷")
        with VerticalScroll(id="changes"):
            yield Static(changes_content(self._lineage), id="changes-text")
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = "what changed"
