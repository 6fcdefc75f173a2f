"""The first screen: pick a script to run, or an unfinished session to resume."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from rich.table import Table
from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.widgets import Header, OptionList, Static
from textual.widgets.option_list import Option

from workshop_tui.app.messages import RenegotiationChosen, ScriptChosen, SessionChosen
from workshop_tui.content.catalog import list_scripts
from workshop_tui.content.durations import format_duration
from workshop_tui.domain.living.chain import successors, versions
from workshop_tui.screens.picker_finished import describe_finished, finished_options
from workshop_tui.textual_fixes import KeepsLayoutUnderDialogs
from workshop_tui.widgets.footer import Footer
from workshop_tui.widgets.plain_text import notify, plain, plain_rich

if TYPE_CHECKING:
    from workshop_tui.content.catalog import CatalogEntry
    from workshop_tui.domain.ports import SessionStore
    from workshop_tui.domain.snapshot import SessionSummary


class PickerScreen(KeepsLayoutUnderDialogs):
    """Scripts (bundled and the user's own) and unfinished sessions, in one list."""

    BINDINGS = [
        Binding(
            "enter",
            "choose",
            "Open",
            priority=True,
            tooltip="Set up this script, or resume this session",
        ),
        Binding("r", "reload", "Reload", tooltip="Read the scripts folders again"),
        Binding(
            "n",
            "renegotiate",
            "Renegotiate",
            tooltip="Set up the next version of the highlighted finished agreement",
        ),
    ]

    def __init__(self, store: SessionStore, scripts_dirs: Sequence[Path]) -> None:
        super().__init__()
        self._store = store
        self._scripts_dirs = list(scripts_dirs)
        self._entries: dict[str, CatalogEntry] = {}
        self._sessions: dict[str, SessionSummary] = {}
        self._finished: dict[str, SessionSummary] = {}
        """The latest version of each finished agreement, by option id."""

    def compose(self) -> ComposeResult:
        yield Header(show_clock=True, icon="◷")
        with Horizontal(id="picker"):
            yield OptionList(id="choices")
            with VerticalScroll(id="details"):
                yield Static(id="details-text")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#choices", OptionList).focus()
        self.action_reload()

    def action_reload(self) -> None:
        self._load()

    @work(thread=True, exclusive=True)
    def _load(self) -> None:

        entries = list_scripts(self._scripts_dirs)

        every = self._store.list_sessions()
        sessions = [s for s in every if s.state != "finished"]
        renegotiated = successors(every)
        numbers = versions(every)
        finished = [
            (s, numbers[s.id]) for s in every if s.state == "finished" and s.id not in renegotiated
        ]
        self.app.call_from_thread(self._show, entries, sessions, finished)

    def _show(
        self,
        entries: list[CatalogEntry],
        sessions: list[SessionSummary],
        finished: Sequence[tuple[SessionSummary, int]] = (),
    ) -> None:
        choices = self.query_one("#choices", OptionList)
        choices.clear_options()
        self._entries.clear()
        self._sessions.clear()
        self._finished.clear()
        options: list[Option | None] = [Option(Text("Scripts", style="bold"), disabled=True)]
        for entry in entries:
            option_id = f"script-{len(self._entries)}"
            self._entries[option_id] = entry
            if entry.problems:
                options.append(
                    Option(_row(f"⚠ {entry.path.name}", "cannot be run", ""), id=option_id)
                )
            else:
                title = entry.title + (" (yours)" if entry.origin != "bundled" else "")
                row = _row(title, format_duration(entry.duration), f"{entry.parts} parts")
                options.append(Option(row, id=option_id))
        if sessions:
            options.append(None)
            options.append(Option(Text("Unfinished sessions", style="bold"), disabled=True))
            for summary in sessions:
                option_id = f"session-{summary.id}"
                self._sessions[option_id] = summary
                seen = summary.last_seen_at.astimezone().strftime("%a %d %b %H:%M")
                part = min(summary.parts_done + 1, summary.parts_total)
                row = _row(
                    f"#{summary.id} {summary.customer} · {summary.script_title}",
                    f"part {part}/{summary.parts_total}",
                    seen,
                    widths=(10, 16),
                )
                options.append(Option(row, id=option_id))
        options += finished_options(finished, self._finished)
        choices.add_options(options)
        choices.highlighted = 1

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        self.query_one("#details-text", Static).update(self._describe(event.option.id))

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self._choose(event.option.id)

    def action_choose(self) -> None:
        choices = self.query_one("#choices", OptionList)
        if choices.highlighted is not None:
            self._choose(choices.get_option_at_index(choices.highlighted).id)

    def _choose(self, option_id: str | None) -> None:
        if option_id in self._entries:
            entry = self._entries[option_id]
            if entry.problems:
                notify(
                    self,
                    str(entry.problems[0]),
                    title="This script cannot be run",
                    severity="error",
                )
                return
            self.post_message(ScriptChosen(str(entry.path)))
        elif option_id in self._sessions:
            self.post_message(SessionChosen(self._sessions[option_id].id))
        elif option_id in self._finished:
            self.post_message(SessionChosen(self._finished[option_id].id))

    def action_renegotiate(self) -> None:
        choices = self.query_one("#choices", OptionList)
        if choices.highlighted is None:
            return
        option_id = choices.get_option_at_index(choices.highlighted).id
        if option_id in self._finished:
            self.post_message(RenegotiationChosen(self._finished[option_id].id))
        else:
            notify(self, "Highlight a finished agreement to renegotiate it.", timeout=4)

    def _describe(self, option_id: str | None) -> Content:
        if option_id in self._entries:
            entry = self._entries[option_id]
            if entry.problems:
                problems = "\n".join(str(p) for p in entry.problems)
                return Content.assemble(
                    plain(entry.path.name, "bold"),
                    "\n\n",
                    plain(problems),
                    "\n\nFix it, then press r.",
                )
            return Content.assemble(
                plain(entry.title, "bold"),
                "\n",
                f"{format_duration(entry.duration)} · {entry.parts} parts · {entry.origin}\n\n",
                plain(entry.purpose),
                "\n\n",
                plain(str(entry.path), "dim"),
                "\n\nEnter: set up this workshop",
            )
        if option_id in self._sessions:
            s = self._sessions[option_id]
            started = s.created_at.astimezone().strftime("%A %d %B %Y, %H:%M")
            return Content.assemble(
                plain(s.customer, "bold"),
                "\n",
                plain(s.script_title),
                f"\n\nStarted {started}\n",
                f"State: {s.state} · {s.parts_done} of {s.parts_total} parts done\n\n",
                "Enter: resume where it was (the timer waits, paused)",
            )
        if option_id in self._finished:
            return describe_finished(self._finished[option_id])
        return Content("")


def _row(name: str, middle: str, right: str, widths: tuple[int, int] = (6, 9)) -> Table:
    """One line of the list: the name takes the room left, cut with an ellipsis."""
    table = Table.grid(expand=True, padding=(0, 1))
    table.add_column(ratio=1, no_wrap=True, overflow="ellipsis")
    table.add_column(justify="right", no_wrap=True, width=widths[0])
    table.add_column(justify="right", no_wrap=True, width=widths[1])
    table.add_row(plain_rich(name), Text(middle, style="dim"), Text(right, style="dim"))
    return table
