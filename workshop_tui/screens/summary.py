"""The end of the workshop: planned against actual, what was agreed, and the notes."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import DataTable, Header, MarkdownViewer, Static

from workshop_tui.content.durations import format_duration
from workshop_tui.domain import views
from workshop_tui.export.markdown import render_markdown
from workshop_tui.plain_text import notify, plain, plain_rich
from workshop_tui.screens.exporting import export_notes
from workshop_tui.screens.footer import Footer

if TYPE_CHECKING:
    from workshop_tui.domain.engine import SessionEngine


class SummaryScreen(Screen[None]):
    """A finished (or finishing) session at a glance, with its notes rendered."""

    BINDINGS = [
        Binding("x", "export", "Export notes", tooltip="Write the notes to a Markdown file"),
        Binding("tab", "app.focus_next", "Next pane", show=False),
    ]

    def __init__(self, engine: SessionEngine, exports_dir: Path | None) -> None:
        super().__init__()
        self.engine = engine
        self._exports_dir = exports_dir

    def compose(self) -> ComposeResult:
        session = self.engine.session
        yield Header(show_clock=True, icon="◷")
        with Horizontal(id="summary"):
            with Vertical(id="summary-side"):
                yield Static("Agenda: planned and actual", classes="section-title")
                yield DataTable(id="summary-agenda", cursor_type="row", zebra_stripes=True)
                yield Static(plain(self._counts()), id="summary-counts")
                yield Static(id="export-path")
            yield MarkdownViewer(
                render_markdown(self.engine.script, session),
                show_table_of_contents=False,
                id="summary-notes",
            )
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one("#summary-agenda", DataTable)
        table.add_columns("Part", "Planned", "Actual", "Over")
        report = views.timing_report(self.engine.script, self.engine.session.timings)
        totals = views.timing_totals(report)
        for row in report:
            over = f"+{format_duration(row.overrun_seconds)}" if row.overrun_seconds >= 1 else ""
            actual = "skipped" if row.skipped else format_duration(row.actual_seconds)
            table.add_row(plain_rich(row.name), format_duration(row.planned_seconds), actual, over)
        table.add_row(
            "Total",
            format_duration(totals.planned_seconds),
            format_duration(totals.actual_seconds),
            f"+{format_duration(totals.overrun_seconds)}" if totals.overrun_seconds >= 1 else "",
        )
        table.focus()

    def _counts(self) -> str:
        session = self.engine.session
        tally = views.agreed_tally(session.promises)
        promises = ", ".join(f"{party}: {count}" for party, count in tally.items()) or "none"
        decisions = views.current_decisions(session.decisions)
        actions = views.current_actions(session.actions)
        open_actions = sum(1 for action in actions if not action.done)
        return "\n".join(
            [
                f"Agreed promises: {promises}",
                f"Decisions: {len(decisions)}",
                f"Actions: {len(actions)} ({open_actions} open)",
                f"Sign-offs: {len(session.signoffs)} initials",
                f"Notes: {len(session.notes)}",
            ]
        )

    def action_export(self) -> None:
        path = export_notes(self, self.engine, self._exports_dir)
        if path is None:
            return
        self.query_one("#export-path", Static).update(plain(f"Exported to:\n{path}"))
        notify(self, f"Notes exported to {path}", title="Exported", timeout=10)
