"""The sign-off board: sections read aloud, then initialled by each role named."""

from __future__ import annotations

from typing import Any

from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.widgets import OptionList, Static

from workshop_tui.boards.board import Board, PanelDetail
from workshop_tui.boards.marked_list import MarkedList
from workshop_tui.domain.read_models.signoff import SectionView, SignoffView
from workshop_tui.plain_text import plain


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
            margin: 1 0;
            color: $foreground;
        }
        #signoff-roles { padding: 0 1; }
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
            summary.update(Content(f"{done} of {total} sections complete  ·  i: record initials"))
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
            return
        title.update(plain(section.title))
        text.update(plain(section.text))
        roles.update(_roles(section))
        self.query_one("#signoff-detail", VerticalScroll).scroll_home(animate=False)

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        self._show_detail()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()  # a mouse click only selects

    def scroll_text(self, lines: int) -> None:
        """Scroll the section's text (the list keeps its place)."""
        self.query_one("#signoff-detail", VerticalScroll).scroll_relative(y=lines, animate=False)


def _row(section: SectionView) -> Content:
    if section.complete:
        mark: tuple[str, str] = ("✔ complete", "$success")
    else:
        mark = (f"{section.signed_count} of {len(section.roles)} initialled", "$text-muted")
    return Content.assemble(plain(section.title), "\n", mark)


def _roles(section: SectionView) -> Content:
    lines: list[Content] = []
    for line in section.roles:
        if not line.signed:
            lines.append(
                Content.assemble(
                    ("○ ", "$warning"), plain(line.role, "bold"), (" · waiting", "italic")
                )
            )
        else:
            lines.append(
                Content.assemble(
                    ("✔ ", "$success"),
                    plain(line.role, "bold"),
                    " · ",
                    plain(line.initials, "bold $accent"),
                    "\n    ",
                    plain(line.person),
                    (f" at {line.time}", "$text-muted"),
                )
            )
    return Content("\n").join(lines)
