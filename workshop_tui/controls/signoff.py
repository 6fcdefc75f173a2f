"""The sign-off board's keys: record a person's initials for one of the roles still missing."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import OptionList

from workshop_tui.boards.signoff import SignoffBoard
from workshop_tui.controls.base import ActivityControls
from workshop_tui.dialogs.form import Field, FormDialog
from workshop_tui.dialogs.key_hold import dialog_flow
from workshop_tui.domain.read_models.signoff import SignoffView, signoff_view
from workshop_tui.domain.signing import initials_of, next_incomplete, people_with_role

if TYPE_CHECKING:
    from workshop_tui.content.model import Part
    from workshop_tui.domain.engine import SessionEngine


class SignoffControls(ActivityControls):
    """Pick a section, read it aloud, record each role's initials."""

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
            "scroll_text(3)",
            "Scroll text",
            show=False,
            tooltip="Scroll the section text down",
        ),
        Binding(
            "shift+up",
            "scroll_text(-3)",
            "Scroll text up",
            show=False,
            tooltip="Scroll the section text up",
        ),
    ]

    def __init__(self, engine: SessionEngine, part: Part, **kwargs: Any) -> None:
        super().__init__(engine, part, **kwargs)
        self._view = signoff_view(engine.script, part, engine.session)

    def view(self) -> SignoffView:
        return signoff_view(self.engine.script, self.part, self.engine.session)

    def compose(self) -> ComposeResult:
        yield SignoffBoard(self._view)

    @property
    def board(self) -> SignoffBoard:
        return self.query_one(SignoffBoard)

    def redraw(self, select: str | None = None) -> None:
        self._view = self.view()
        if self.is_mounted:
            self.board.show(self._view, select=select)

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()

    def action_scroll_text(self, lines: int) -> None:
        self.board.scroll_text(lines)

    @dialog_flow
    async def action_initial(self) -> None:
        """Ask who initials the selected section, for one of the roles still missing."""
        section = self.board.selected
        if section is None:
            return
        progress = section.progress
        if progress.complete:
            self.say(f'"{section.title}" is already initialled by everyone.', title="Complete")
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
        title = f"Initial: {section.title}"
        values = await self.ask(FormDialog(title, fields, intro=section.text, save_label="Record"))
        if not values:
            return
        initials = values["initials"]
        if not initials or (values["person"] != name and initials == initials_of(name)):
            initials = initials_of(values["person"])
        signed = self.perform(
            self.engine.sign, section.section_id, values["person"], values["role"], initials
        )
        done = self._view.section(section.section_id)
        if signed is not None and done is not None and done.complete:
            following = next_incomplete([s.progress for s in self._view.sections], done.section_id)
            if following is not None:
                self.redraw(select=following)
