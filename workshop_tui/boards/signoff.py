"""The sign-off board: sections read aloud, then initialled by each role named."""

from __future__ import annotations

from typing import Any

from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.widgets import OptionList, Static

from workshop_tui.boards.board import Board, PanelDetail
from workshop_tui.domain.read_models.audience import Wording
from workshop_tui.domain.read_models.signoff import SectionView, SignoffView
from workshop_tui.domain.rules.sections import RoleState
from workshop_tui.widgets.marked_list import MarkedList
from workshop_tui.widgets.plain_text import plain

ALL_PRESENT_KEY = Wording(" · a: all present initial", "")
"""After the sections' progress: the key that records everyone present (the console's)."""


class SignoffBoard(Board):
    """Sections of the agreement on the left; the highlighted one's text and roles beside."""

    DEFAULT_CSS = """
    SignoffBoard {
        #signoff-summary.-all-done { color: $success; }
        #signoff-body { height: 1fr; }
        #signoff-sections { min-width: 21; }
        #signoff-title { text-style: bold; color: $accent; padding: 0 1; }
        #signoff-text {
            padding: 0 2;
            margin: 1 0 0 0;
            color: $foreground;
        }
        #signoff-roles { padding: 0 1; margin-top: 1; }
        #signoff-waiting { padding: 0 1; margin-top: 1; color: $text-warning; }
        #signoff-waiting.-settled { display: none; }
    }
    """

    def __init__(self, view: SignoffView, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._view = view

    @property
    def selected(self) -> SectionView | None:
        """The highlighted section."""
        return self._view.section(self.query_one("#signoff-sections", MarkedList).selected_id)

    def compose(self) -> ComposeResult:
        yield Static(id="signoff-summary", classes="panel-summary")
        with Horizontal(id="signoff-body"):
            yield MarkedList(id="signoff-sections", classes="panel-list")
            with PanelDetail(id="signoff-detail"):
                yield Static(id="signoff-title")
                yield Static(id="signoff-text")
                yield Static(id="signoff-waiting")
                yield Static(id="signoff-roles")

    def on_mount(self) -> None:
        self.show(self._view)

    def show(self, view: SignoffView, select: str | None = None) -> None:
        """Draw every section's progress; highlight ``select`` (else the same section)."""
        self._view = view
        done, total = view.complete_count, len(view.sections)
        summary = self.query_one("#signoff-summary", Static)
        if done == total:
            summary.update(Content(f"✔ All {total} sections complete"))
        else:
            key = ALL_PRESENT_KEY.to(view.audience)
            summary.update(Content(f"{done} of {total} complete{key}"))
        summary.set_class(done == total, "-all-done")
        rows = [(section.section_id, _row(section)) for section in view.sections]
        self.query_one("#signoff-sections", MarkedList).show(rows, select=select)
        self._show_detail()

    def _show_detail(self) -> None:
        section = self.selected
        title = self.query_one("#signoff-title", Static)
        text = self.query_one("#signoff-text", Static)
        roles = self.query_one("#signoff-roles", Static)
        if section is None:
            for widget in (title, text, roles):
                widget.update("")
            self.query_one("#signoff-waiting", Static).add_class("-settled")
            return
        version = max(1, section.version)
        title.update(plain(section.title))  # then the text read aloud, first of all
        text.update(plain(section.text))
        waiting = self.query_one("#signoff-waiting", Static)
        waiting.update(plain(f"⚠ Waiting for: {'; '.join(section.waiting)}"))
        waiting.set_class(not section.waiting, "-settled")
        print_line = (f"\n\nwording {version} · fingerprint {section.digest}", "$text-muted")
        roles.update(Content.assemble(_roles(section), print_line))
        self.query_one("#signoff-detail", VerticalScroll).scroll_home(animate=False)

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        self._show_detail()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()  # a mouse click only selects

    def scroll_text(self, lines: int) -> None:
        """Scroll the section's text (the list keeps its place)."""
        self.query_one("#signoff-detail", VerticalScroll).scroll_relative(y=lines, animate=False)


def _row(section: SectionView) -> Content:
    stale = section.count(RoleState.STALE)
    held = section.count(RoleState.HELD)
    if section.complete:
        mark: tuple[str, str] = ("✔ complete", "$text-success")
    else:
        mark = (f"{section.signed_count}/{len(section.roles)} initialled", "$text-muted")
    extra: list[str | tuple[str, str]] = []  # a line each: the list's column is narrow
    if stale:
        extra += ["\n", (f"↺ {stale} earlier", "$text-warning")]
    if held:
        extra += ["\n", (f"‖ {held} held", "$text-error")]
    if section.waiting and not section.complete:
        extra += ["\n", ("⚠ waiting", "$text-warning")]
    return Content.assemble(plain(section.title), "\n", mark, *extra)


_MARKS: dict[RoleState, tuple[str, str]] = {
    RoleState.INITIALLED: ("✔ ", "$text-success"),
    RoleState.STALE: ("↺ ", "$text-warning"),
    RoleState.HELD: ("‖ ", "$text-error"),
    RoleState.WITHDRAWN: ("○ ", "$text-warning"),
    RoleState.MISSING: ("○ ", "$text-warning"),
}


def _roles(section: SectionView) -> Content:
    """One line per role: its mark, the role, and its initials, a hold or what it waits for."""
    lines: list[Content] = []
    for line in section.roles:
        head = Content.assemble(_MARKS[line.state], plain(line.role, "bold"), " ")
        said = plain(f": {line.reason}", "italic") if line.reason else Content("")
        if line.state is RoleState.INITIALLED:
            who = f" {line.person}, for {line.signs_for}" if line.signs_for else ""
            body = Content.assemble(
                plain(line.initials, "bold $text-accent"),
                (f" {line.time}", "$text-muted"),
                plain(who, "$text-muted"),
            )
        elif line.state is RoleState.STALE:
            body = Content.assemble(
                plain(line.initials, "bold"),
                (" for an earlier wording", "bold $text-warning"),
            )
        elif line.state is RoleState.HELD:
            body = Content.assemble(("held", "bold $text-error"), said)
        elif line.state is RoleState.WITHDRAWN:
            body = Content.assemble(("withdrawn, waiting", "italic"), said)
        else:
            body = Content.assemble(("waiting", "italic"))
        lines.append(Content.assemble(head, body))
    return Content("\n").join(lines)
