"""Sign-off on the projector: the section being initialled as a page, its signatories under it.

The section in play reads as it will be initialled, in full; under it, each role
and where it stands. A line above names every section and marks those
initialled, so the room sees how far it has come. No wording version and no
fingerprint: those are for the record.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Static

from workshop_tui.boards.projector.page_text import PageText
from workshop_tui.boards.projector.stage import Stage
from workshop_tui.domain.read_models.in_play import section_key
from workshop_tui.domain.read_models.signoff import RoleLine, SectionView, SignoffView
from workshop_tui.domain.rules.sections import RoleState
from workshop_tui.widgets.plain_text import plain

ROLE_MARKS = {
    RoleState.INITIALLED: "✓",
    RoleState.STALE: "↺",
    RoleState.HELD: "⏸",
    RoleState.WITHDRAWN: "✗",
    RoleState.MISSING: "○",
}
NO_SECTIONS = "No sections to initial in this part."


class SignoffStage(Stage):
    """The sections as a line, then the section in play as a page with its signatories."""

    DEFAULT_CSS = """
    SignoffStage #signoff-sections { height: auto; padding: 0 1; color: $text-muted; }
    SignoffStage #signoff-page {
        height: 1fr; border: round $text-muted 50%; padding: 0 1; border-title-color: $foreground;
    }
    SignoffStage #signoff-title { text-style: bold; color: $accent; }
    SignoffStage #signoff-text { height: 1fr; }
    SignoffStage #signoff-roles { height: auto; padding-top: 1; }
    """

    view: SignoffView

    def compose(self) -> ComposeResult:
        yield Static(id="signoff-sections")
        with Vertical(id="signoff-page"):
            yield Static(id="signoff-title")
            yield PageText(id="signoff-text")
            yield Static(id="signoff-roles")

    def draw(self) -> None:
        self.draw_in_play()

    def draw_in_play(self) -> None:
        view = self.view
        section = self.section()
        marks = [
            ("▶" if shown is section else "✓" if shown.complete else "○", shown.title)
            for shown in view.sections
        ]
        done = f"{view.complete_count} of {len(view.sections)} initialled"
        full = "   ".join([done, *(f"{m} {n}. {title}" for n, (m, title) in enumerate(marks, 1))])
        short = "  ".join([done, *(f"{m}{n}" for n, (m, _) in enumerate(marks, 1))])
        line = self.one_line(full, short) if view.sections else NO_SECTIONS
        self.query_one("#signoff-sections", Static).update(plain(line))
        page = self.query_one("#signoff-page", Vertical)
        page.display = section is not None
        if section is None:
            return
        page.border_title = plain("initialled" if section.complete else "to initial")
        self.query_one("#signoff-title", Static).update(plain(section.title))
        self.query_one("#signoff-text", PageText).text = section.text
        roles = "\n".join(_role(line) for line in section.roles)
        self.query_one("#signoff-roles", Static).update(plain(roles))

    def section(self) -> SectionView | None:
        """The section in play: the one selected on the console, else the first to initial."""
        sections = self.view.sections
        chosen = next((s for s in sections if section_key(s) == self.in_play), None)
        if chosen is None:
            chosen = next((s for s in sections if not s.complete), None)
        return chosen or (sections[0] if sections else None)


def _role(line: RoleLine) -> str:
    """``✓ Product Owner: Ana Lopez (AL) at 10:42``, ``○ Sponsor: waiting``, ..."""
    mark = ROLE_MARKS[line.state]
    if line.state is RoleState.MISSING:
        return f"{mark} {line.role}: waiting"
    who = f"{line.person} ({line.initials})" if line.initials else line.person
    said = {
        RoleState.INITIALLED: f"{who} at {line.time}",
        RoleState.STALE: f"{who} initialled an earlier wording; to initial again",
        RoleState.HELD: f"held by {who}",
        RoleState.WITHDRAWN: f"withdrawn by {who}",
    }[line.state]
    reason = f": {line.reason}" if line.reason and line.state is not RoleState.INITIALLED else ""
    return f"{mark} {line.role}: {said}{reason}"
