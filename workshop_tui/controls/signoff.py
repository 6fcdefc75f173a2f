"""The sign-off board's keys: initials for everyone present at once, or one by one; holds,
withdrawals and initials done again, each with its reason.

Every dialog shows the section's wording as it reads now: that is what the
initials are stored with. Once a section is complete the selection moves on to
the next one still incomplete, so a section is signed by all its roles in two
key presses (``a``, then Enter to confirm who initials).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import OptionList

from workshop_tui.boards.signoff import SignoffBoard
from workshop_tui.controls.base import ActivityControls
from workshop_tui.controls.signoff_words import as_shown, nothing_to, unsettled
from workshop_tui.dialogs.confirm import ConfirmDialog
from workshop_tui.dialogs.form import Field, FormDialog
from workshop_tui.dialogs.key_hold import dialog_flow
from workshop_tui.domain.read_models.in_play import section_key
from workshop_tui.domain.read_models.signoff import SectionView, SignoffView, signoff_view
from workshop_tui.domain.rules.sections import RoleState
from workshop_tui.domain.rules.signing import (
    everyone_present,
    holding,
    initials_of,
    next_incomplete,
    people_with_role,
)

if TYPE_CHECKING:
    from workshop_tui.content.model import Part
    from workshop_tui.domain.engine import SessionEngine

_FIX = Binding.Group("Hold/withdraw/redo", compact=True)
_SCROLL = Binding.Group("Scroll text", compact=True)


class SignoffControls(ActivityControls):
    """Pick a section, read it aloud, record the room's initials."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "a",
            "everyone",
            "All present",
            tooltip="Everyone present initials the selected section (they confirm aloud)",
            id="signoff.everyone",
        ),
        Binding(
            "i",
            "initial",
            "Initial",
            tooltip="Record one person's initials for the selected section",
            id="signoff.initial",
        ),
        Binding(
            "enter",
            "initial",
            "Initial",
            show=False,
            tooltip="Record one person's initials for the selected section",
        ),
        Binding("h", "hold", "Hold", tooltip="A role holds its initial, with a reason", group=_FIX),
        Binding(
            "w",
            "withdraw",
            "Withdraw",
            tooltip="Take back an initial, with a reason",
            group=_FIX,
        ),
        Binding("r", "redo", "Redo", tooltip="Record an initial again, with a reason", group=_FIX),
        Binding(
            "shift+down",
            "scroll_text(3)",
            "Read on",
            tooltip="Scroll the section's text down (what is read aloud)",
            group=_SCROLL,
        ),
        Binding(
            "shift+up",
            "scroll_text(-3)",
            "Read back",
            tooltip="Scroll the section's text up",
            group=_SCROLL,
        ),
    ]

    def __init__(self, engine: SessionEngine, part: Part, **kwargs: Any) -> None:
        super().__init__(engine, part, **kwargs)
        self._view = signoff_view(engine.script, part, engine.session)
        self._suggested = ""
        """The name the open dialog suggested (its initials are replaced if the name is)."""

    def view(self) -> SignoffView:
        return signoff_view(self.engine.script, self.part, self.engine.session)

    def compose(self) -> ComposeResult:
        yield SignoffBoard(self._view)

    @property
    def board(self) -> SignoffBoard:
        return self.query_one(SignoffBoard)

    def in_play(self) -> str | None:
        section = self.board.selected if self.is_mounted else None
        return section_key(section) if section is not None else None

    def redraw(self, select: str | None = None) -> None:
        self._view = self.view()
        if self.is_mounted:
            self.board.show(self._view, select=select)

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()

    def action_scroll_text(self, lines: int) -> None:
        self.board.scroll_text(lines)

    def _incomplete(self) -> SectionView | None:
        """The selected section, if it still waits for initials (else say so)."""
        section = self.board.selected
        if section is not None and section.complete:
            self.say(f'"{section.title}" is already initialled by everyone.', title="Complete")
            return None
        return section

    def _move_on(self, section_id: str, *, always: bool = False) -> None:
        """Select the next incomplete section once ``section_id`` is complete (``always``:
        whether or not it is, as after "all present" with somebody absent or holding)."""
        done = self._view.section(section_id)
        if done is not None and (always or done.complete):
            following = next_incomplete([s.progress for s in self._view.sections], section_id)
            if following is not None:
                self.redraw(select=following)

    @dialog_flow
    async def action_everyone(self) -> None:
        """Everyone present initials the section's current wording, recorded in one step; the
        selection then moves on, whoever is absent or holds."""
        section = self.board.selected
        if section is None:
            return
        if section.complete:
            self.say(f'"{section.title}" is already initialled by everyone.', title="Complete")
            self._move_on(section.section_id, always=True)
            return
        people = everyone_present(section.progress, self.engine.session.setup.participants)
        if not people:  # nobody present can: the engine says why in one sentence
            self.perform(
                self.engine.signoff.sign_for_everyone, section.section_id, part_id=self.part.id
            )
            self._move_on(section.section_id, always=True)
            return
        who = "\n".join(f"{role}: {person} ({initials_of(person)})" for role, person in people)
        held = [r.role for r in section.progress.roles if r.state is RoleState.HELD]
        later = f"\n{holding(held)}." if held else ""
        title = f"Initial “{section.title}” for everyone present?"
        if section.waiting:
            title = f"Initial “{section.title}” while it waits for something?"
        agreed = await self.ask(
            ConfirmDialog(
                title,
                f"{unsettled(section)}{as_shown(section)}\n\nEach confirms aloud:\n{who}{later}",
                yes="Initial",
                no="Not yet",
            )
        )
        if not agreed:
            return
        signed = self.perform(
            self.engine.signoff.sign_for_everyone, section.section_id, part_id=self.part.id
        )
        if signed:
            self._move_on(section.section_id, always=True)

    @dialog_flow
    async def action_initial(self) -> None:
        """Ask who initials the selected section, for one of the roles still missing."""
        section = self._incomplete()
        if section is None:
            return
        if section.waiting and not await self.ask(
            ConfirmDialog(
                f"Initial “{section.title}” while it waits for something?",
                f"{unsettled(section)}Initials are given for the section as it reads now.",
                yes="Go on",
                no="Not yet",
            )
        ):
            return
        missing = list(section.progress.missing)
        values = await self.ask(self._who_dialog(section, missing, "Initial", "Record"))
        if not values:
            return
        signed = self.perform(
            self.engine.signoff.sign,
            section.section_id,
            values["person"],
            values["role"],
            self._initials(values),
            part_id=self.part.id,
        )
        if signed is not None:
            self._move_on(section.section_id)

    @dialog_flow
    async def action_hold(self) -> None:
        """A role does not initial yet: record it, and why."""
        section = self._incomplete()
        if section is None:
            return
        roles = [r.role for r in section.progress.roles if r.state is not RoleState.INITIALLED]
        fields = [
            _role_field(roles),
            Field("reason", "Why is it held?", required=True),
        ]
        values = await self.ask(
            FormDialog(f"Hold: {section.title}", fields, intro=as_shown(section), save_label="Hold")
        )
        if values:
            self.perform(
                self.engine.signoff.hold,
                section.section_id,
                values["role"],
                values["reason"],
                part_id=self.part.id,
            )

    @dialog_flow
    async def action_withdraw(self) -> None:
        """Take back a role's initial, saying why; the section waits for that role again."""
        section = self.board.selected
        roles = self._initialled_roles(section, "withdraw")
        if section is None or not roles:
            return
        fields = [_role_field(roles), Field("reason", "Why is it withdrawn?", required=True)]
        values = await self.ask(
            FormDialog(
                f"Withdraw an initial: {section.title}",
                fields,
                intro=as_shown(section),
                save_label="Withdraw",
            )
        )
        if values:
            self.perform(
                self.engine.signoff.withdraw,
                section.section_id,
                values["role"],
                values["reason"],
                part_id=self.part.id,
            )

    @dialog_flow
    async def action_redo(self) -> None:
        """Record a role's initial again in place of a wrong one, saying why."""
        section = self.board.selected
        roles = self._initialled_roles(section, "do again")
        if section is None or not roles:
            return
        dialog = self._who_dialog(section, roles, "Initial again", "Record", reason=True)
        values = await self.ask(dialog)
        if values:
            self.perform(
                self.engine.signoff.redo,
                section.section_id,
                values["role"],
                values["person"],
                self._initials(values),
                values["reason"],
                part_id=self.part.id,
            )

    # -- the dialogs' pieces ---------------------------------------------------------------
    def _initialled_roles(self, section: SectionView | None, verb: str) -> list[str]:
        """Roles with an initial standing (for this wording or an earlier one) to ``verb``."""
        if section is None:
            return []
        roles = [
            r.role
            for r in section.progress.roles
            if r.state in (RoleState.INITIALLED, RoleState.STALE)
        ]
        if not roles:
            self.say(nothing_to(section, verb))
        return roles

    def _who_dialog(
        self,
        section: SectionView,
        roles: list[str],
        verb: str,
        save: str,
        *,
        reason: bool = False,
    ) -> FormDialog:
        participants = self.engine.session.setup.participants
        names = people_with_role(participants, roles[0]) if roles else []
        self._suggested = names[0] if names else ""
        fields = [
            _role_field(roles),
            Field(
                "person",
                "Name",
                value=self._suggested,
                placeholder="Who initials",
                required=True,
                suggestions=[p.name for p in participants],
            ),
            Field(
                "initials",
                "Initials",
                value=initials_of(self._suggested),
                placeholder="Blank: from name",
            ),
        ]
        if reason:
            fields.append(Field("reason", "Why again?", required=True))

        def follow(changed: str, values: dict[str, str]) -> dict[str, str]:
            """Another role chosen: offer whoever plays it (unless a name was typed)."""
            if changed != "role" or values["person"] != self._suggested:
                return {}
            present = people_with_role(participants, values["role"])
            self._suggested = present[0] if present else ""
            return {"person": self._suggested, "initials": initials_of(self._suggested)}

        return FormDialog(
            f"{verb}: {section.title}",
            fields,
            intro=as_shown(section),
            save_label=save,
            follow=follow,
        )

    def _initials(self, values: dict[str, str]) -> str:
        """The typed initials, or the name's when left blank or left at another name's."""
        initials = values["initials"]
        suggested = self._suggested
        if not initials or (values["person"] != suggested and initials == initials_of(suggested)):
            return initials_of(values["person"])
        return initials


def _role_field(roles: list[str]) -> Field:
    return Field(
        "role",
        "Role",
        value=roles[0] if roles else "",
        options=[(r, r) for r in roles],
        required=True,
    )
