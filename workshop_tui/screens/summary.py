"""The end of the workshop: planned against actual, what was agreed, and the notes."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import DataTable, Header, Static

from workshop_tui.app.messages import SessionMoved
from workshop_tui.console.room_cues import RoomCues
from workshop_tui.content.durations import format_duration
from workshop_tui.dialogs.form import Field, FormDialog
from workshop_tui.dialogs.key_hold import dialog_flow
from workshop_tui.domain.clock import Clock, SystemClock
from workshop_tui.domain.engine import EngineError
from workshop_tui.domain.ports import StoreError
from workshop_tui.domain.read_models.agreement import agreement_of
from workshop_tui.domain.read_models.figures import figures_of
from workshop_tui.domain.read_models.time_report import timing_report, timing_totals
from workshop_tui.screens.exporting import ExportDocument, export_notes
from workshop_tui.screens.notes_preview import NotesPreview
from workshop_tui.textual_fixes import KeepsLayoutUnderDialogs
from workshop_tui.widgets.footer import Footer
from workshop_tui.widgets.plain_text import notify, plain, plain_cells

if TYPE_CHECKING:
    from workshop_tui.domain.engine import SessionEngine


class SummaryScreen(KeepsLayoutUnderDialogs):
    """A finished (or finishing) session at a glance, with its notes rendered."""

    BINDINGS = [
        Binding("x", "export", "Export notes", tooltip="Write the full notes to a Markdown file"),
        Binding(
            "a",
            "export(True)",
            "Export agreement",
            tooltip="Write the agreement alone (for a contract appendix) to a Markdown file",
        ),
        Binding(
            "c", "reopen", "Reopen to correct", tooltip="Open the finished session again to fix it"
        ),
        Binding(
            "r",
            "close_room",
            "Close room screen",
            tooltip="Take the closing screen off the room view",
        ),
        Binding("tab", "app.focus_next", "Next pane", show=False),
    ]

    def __init__(self, engine: SessionEngine, exports_dir: Path | None) -> None:
        super().__init__()
        self.engine = engine
        self._exports_dir = exports_dir
        self._exported: dict[str, Path] = {}
        self._document: ExportDocument | None = None
        """The full notes as the preview shows them and as x writes them (at compose)."""

    def compose(self) -> ComposeResult:
        self._document = ExportDocument.of(self, self.engine)
        yield Header(show_clock=True, icon="◷")
        with Horizontal(id="summary"):
            with Vertical(id="summary-side"):
                yield Static("Agenda: planned and actual", classes="section-title")
                yield DataTable(id="summary-agenda", cursor_type="row", zebra_stripes=True)
                yield Static(plain(self._counts()), id="summary-counts")
                yield Static(
                    plain(
                        "x: the full notes · a: the agreement · c: reopen to correct it"
                        " · r: close the room's closing screen"
                    ),
                    id="export-path",
                )
            yield NotesPreview(self._document.text, id="summary-notes")
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one("#summary-agenda", DataTable)
        table.add_columns(*plain_cells("Part", "Plan", "+/-", "Actual", "Over"))
        report = timing_report(self.engine.script, self.engine.session.timings)
        totals = timing_totals(report)
        for row in report:
            actual = "skipped" if row.skipped else format_duration(row.actual_seconds)
            table.add_row(
                *plain_cells(
                    row.name,
                    format_duration(row.planned_seconds),
                    changed(row.added_seconds, row.removed_seconds),
                    actual,
                    over(row.overrun_seconds),
                )
            )
        table.add_row(
            *plain_cells(
                "Total",
                format_duration(totals.planned_seconds),
                changed(totals.added_seconds, totals.removed_seconds),
                format_duration(totals.actual_seconds),
                over(totals.overrun_seconds),
            )
        )
        table.focus()
        self.call_after_refresh(self._fit_agenda)

    def _fit_agenda(self) -> None:
        """The side is at least as wide as the agenda's columns: none is cut at 80x24."""
        table = self.query_one("#summary-agenda", DataTable)
        side = self.query_one("#summary-side")
        needed = table.virtual_size.width + side.styles.gutter.width + table.scrollbar_size_vertical
        side.styles.min_width = min(58, max(36, needed))  # its max-width in app.tcss

    def action_close_room(self) -> None:
        """Take the closing screen off the room view: a cue beside the session, not a record."""
        if self._cue_closed(True):
            notify(self, "The room view's closing screen is closed.")

    def _cue_closed(self, closed: bool) -> bool:
        """Tell the room view whether its closing screen is closed; False if it cannot be told."""
        store = getattr(self.app, "store", None)
        if not isinstance(store, RoomCues):
            return False
        try:
            store.set_room_closed(self.engine.session.id, closed, self._now())
        except StoreError as error:
            notify(self, f"The room view was not told: {error}", severity="error")
            return False
        return True

    def _now(self) -> datetime:
        clock: Clock = getattr(self.app, "clock", None) or SystemClock()
        return clock.now()

    def _counts(self) -> str:
        """What the session produced: the lines the notes export ends with, counted once."""
        engine = self.engine
        agreement = agreement_of(engine.script, engine.session)
        return "\n".join(figures_of(agreement, engine.session).lines() or ["Nothing recorded yet"])

    def action_export(self, agreement: bool = False) -> None:
        """Write the full notes (or the agreement); show where every document went."""
        path = export_notes(
            self, self.engine, self._exports_dir, agreement=agreement, document=self._document
        )
        if path is None:
            return
        what = "Agreement" if agreement else "Notes"
        self._exported[what] = path
        lines = [f"{name} exported to:\n{where}" for name, where in self._exported.items()]
        self.query_one("#export-path", Static).update(plain("\n".join(lines)))
        notify(self, f"{what} exported to {path}", title="Exported", timeout=10)

    @dialog_flow
    async def action_reopen(self) -> None:
        """Open the finished session again, with the reason, and carry on facilitating it."""
        if not self.engine.finished:
            notify(self, "The session is not finished: correct it as it goes.")
            return
        values = await self.app.push_screen_wait(
            FormDialog(
                "Reopen the session to correct it",
                [Field("reason", "What is to be corrected?", required=True)],
                intro="Nothing stored is removed: every correction is a new revision.",
                save_label="Reopen",
            )
        )
        if not values:
            return
        try:
            self.engine.corrections.reopen(values["reason"])
        except (EngineError, StoreError) as error:
            notify(self, str(error), title="Not reopened", severity="error")
            return
        self._cue_closed(False)  # finished again, the room shows its closing screen again
        self.post_message(SessionMoved(self.engine))


def changed(added: int, removed: int) -> str:
    """Time added and taken away: ``+5m``, ``-15m``, ``+1m -5m``; empty when neither."""
    pieces = [f"+{format_duration(added)}" if added else ""]
    pieces.append(f"-{format_duration(removed)}" if removed else "")
    return " ".join(piece for piece in pieces if piece)


def over(seconds: int) -> str:
    """Time run beyond the time allowed, ``+3m``; empty when within it."""
    return f"+{format_duration(seconds)}" if seconds >= 1 else ""
