"""The sign-off panel: sections read aloud, then initialled by each role named."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Any, ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.widgets import OptionList, Static

from workshop_tui.content.model import SignoffActivity, SignoffSection
from workshop_tui.domain.signing import (
    completed_count,
    initials_of,
    next_incomplete,
    people_with_role,
)
from workshop_tui.domain.views import SectionProgress
from workshop_tui.screens.dialogs import Field, FormDialog
from workshop_tui.widgets.activity import ActivityPanel, PanelDetail
from workshop_tui.widgets.marked_list import MarkedList

if TYPE_CHECKING:
    from workshop_tui.content.model import Part
    from workshop_tui.domain.engine import SessionEngine


def local_time(moment: datetime) -> str:
    """The time of day on the facilitator's clock: "09:14"."""
    return moment.astimezone().strftime("%H:%M")


class SignoffPanel(ActivityPanel):
    """Sections of the agreement: pick one, read it aloud, record each role's initials."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "i",
            "initial",
            "Initial",
            tooltip="Record initials for the selected section",
            id="signoff.initial",
        ),
        Binding(
            "enter",
            "initial",
            "Initial",
            show=False,
            tooltip="Record initials for the selected section",
        ),
        Binding(
            "shift+down",
            "scroll_text(1)",
            "Scroll text",
            show=False,
            tooltip="Scroll the section text down",
        ),
        Binding(
            "shift+up",
            "scroll_text(-1)",
            "Scroll text up",
            show=False,
            tooltip="Scroll the section text up",
        ),
    ]

    DEFAULT_CSS = """
    SignoffPanel {
        height: 1fr;
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

    def __init__(self, engine: SessionEngine, part: Part, **kwargs: Any) -> None:
        super().__init__(engine, part, **kwargs)
        activity = part.activity
        assert isinstance(activity, SignoffActivity), "SignoffPanel shows a signoff part"
        self.activity = activity
        self._sections = {section.id: section for section in activity.sections}
        self._progress: dict[str, SectionProgress] = {}

    def compose(self) -> ComposeResult:
        yield Static("", id="signoff-summary", classes="panel-summary", markup=False)
        with Horizontal(id="signoff-body"):
            yield MarkedList(id="signoff-sections", classes="panel-list")
            with PanelDetail(id="signoff-detail"):
                yield Static("", id="signoff-title", markup=False)
                yield Static("", id="signoff-text", markup=False)
                yield Static("", id="signoff-roles")

    # -- drawing ---------------------------------------------------------------------------
    def sync(self, select: str | None = None) -> None:
        """Redraw every section's progress from the session's sign-offs."""
        progress = self.engine.signoff_progress(self.part)
        self._progress = {section.section_id: section for section in progress}
        done, total = completed_count(progress), len(progress)
        summary = self.query_one("#signoff-summary", Static)
        if done == total:
            summary.update(f"✔ All {total} sections complete")
        else:
            summary.update(f"{done} of {total} sections complete  ·  i: record initials")
        summary.set_class(done == total, "-all-done")
        sections = self.query_one("#signoff-sections", MarkedList)
        sections.show([(p.section_id, self._row(p)) for p in progress], select=select)
        self._show_detail()

    @staticmethod
    def _row(progress: SectionProgress) -> Content:
        if progress.complete:
            mark: tuple[str, str] = ("✔ complete", "$success")
        else:
            signed = len(progress.required) - len(progress.missing)
            mark = (f"{signed} of {len(progress.required)} initialled", "$text-muted")
        return Content.assemble(progress.title, "\n", mark)

    def _show_detail(self) -> None:
        section = self.selected_section
        title = self.query_one("#signoff-title", Static)
        text = self.query_one("#signoff-text", Static)
        roles = self.query_one("#signoff-roles", Static)
        if section is None:
            for widget in (title, text, roles):
                widget.update("")
            return
        progress = self._progress[section.id]
        title.update(section.title)
        text.update(progress.wording or section.text)  # as it reads now, with what it presents
        roles.update(self._roles(progress))
        self.query_one("#signoff-detail", VerticalScroll).scroll_home(animate=False)

    @staticmethod
    def _roles(progress: SectionProgress) -> Content:
        by_role = {row.role.strip().casefold(): row for row in progress.signoffs}
        lines: list[Content] = []
        for role in progress.required:
            row = by_role.get(role.strip().casefold())
            if row is None:
                lines.append(
                    Content.assemble(("○ ", "$warning"), (role, "bold"), (" · waiting", "italic"))
                )
            else:
                lines.append(
                    Content.assemble(
                        ("✔ ", "$success"),
                        (role, "bold"),
                        " · ",
                        (row.initials, "bold $accent"),
                        "\n    ",
                        row.person,
                        (f" at {local_time(row.at)}", "$text-muted"),
                    )
                )
        return Content("\n").join(lines)

    @property
    def selected_section(self) -> SignoffSection | None:
        selected = self.query_one("#signoff-sections", MarkedList).selected_id
        return self._sections.get(selected) if selected else None

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()
        self._show_detail()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()  # a mouse click only selects; initials are recorded with i or enter

    # -- actions ---------------------------------------------------------------------------
    def action_scroll_text(self, direction: int) -> None:
        detail = self.query_one("#signoff-detail", VerticalScroll)
        detail.scroll_relative(y=direction * 3, animate=False)

    def action_initial(self) -> None:
        """Ask who initials the selected section, for one of the roles still missing."""
        section = self.selected_section
        if section is None:
            return
        progress = self._progress[section.id]
        if progress.complete:
            self.notify(f'"{section.title}" is already initialled by everyone.', title="Complete")
            return
        first_role = progress.missing[0]
        participants = self.engine.session.setup.participants
        names = people_with_role(participants, first_role)
        name = names[0] if names else ""
        fields = [
            Field(
                "role",
                "Role",
                value=first_role,
                options=[(role, role) for role in progress.missing],
                required=True,
            ),
            Field(
                "person",
                "Name",
                value=name,
                placeholder="Who initials",
                required=True,
                suggestions=[p.name for p in participants],
            ),
            Field("initials", "Initials", value=initials_of(name), placeholder="Blank: from name"),
        ]
        intro = progress.wording or section.text
        dialog = FormDialog(f"Initial: {section.title}", fields, intro=intro, save_label="Record")

        def record(values: dict[str, str]) -> None:
            initials = values["initials"]
            if not initials or (values["person"] != name and initials == initials_of(name)):
                initials = initials_of(values["person"])
            self._sign(section.id, values["person"], values["role"], initials)

        self.ask(dialog, record)

    def _sign(self, section_id: str, person: str, role: str, initials: str) -> None:
        signed = self.perform(self.engine.sign, section_id, person, role, initials)
        if signed is None:
            return
        progress = self.engine.signoff_progress(self.part)
        if next((p.complete for p in progress if p.section_id == section_id), False):
            following = next_incomplete(progress, section_id)
            if following is not None:
                self.sync(select=following)
