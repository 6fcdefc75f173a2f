"""Living agreements across sessions: the app's keys for the review date, what changed and
planned vs actual; the renegotiation of a finished agreement and the carry-over of a
customer's open actions into a new session."""

from __future__ import annotations

from typing import TYPE_CHECKING

from workshop_tui.dialogs.key_hold import HoldsKeys, dialog_flow
from workshop_tui.screens.opening import OpeningScreen
from workshop_tui.widgets.plain_text import notify

if TYPE_CHECKING:
    from workshop_tui.app.workshop_app import Launch
    from workshop_tui.domain.clock import Clock
    from workshop_tui.domain.engine import SessionEngine
    from workshop_tui.domain.living.renegotiation import CarryOver
    from workshop_tui.domain.ports import SessionStore
    from workshop_tui.domain.snapshot import SessionSetup


class LivingAgreementActions(HoldsKeys):
    """Ctrl+R, Ctrl+G and Ctrl+O of the app, and renegotiation, over its store and the
    session it holds."""

    store: SessionStore | None
    engine: SessionEngine | None
    launch: Launch
    clock: Clock

    def fail(self, message: str) -> None:
        """Stop at start-up with one sentence (the app says how)."""
        raise NotImplementedError

    @dialog_flow
    async def action_review_date(self) -> None:
        """Set the review date of the session's agreement (any time, finished or not)."""
        from workshop_tui.screens.review_date import ask_review_date

        if self.engine is None:
            notify(self, "Open a session first: the review date belongs to its agreement.")
            return
        await ask_review_date(self, self.engine)

    def action_show_changes(self) -> None:
        """What changed since the version this session renegotiates."""
        from workshop_tui.app.living import lineage_for
        from workshop_tui.domain.ports import StoreError
        from workshop_tui.screens.changes import ChangesScreen

        if self.engine is None or self.store is None:
            notify(self, "Open a session first: its changes are against its last version.")
            return
        if isinstance(self.screen, ChangesScreen):
            return
        try:
            lineage = lineage_for(self.store, self.engine.script, self.engine.session)
        except StoreError as error:
            notify(self, str(error), title="Cannot compare", severity="error")
            return
        self.push_screen(ChangesScreen(lineage))

    def action_show_stats(self) -> None:
        """Planned against actual per part: this session's script, or every script."""
        from workshop_tui.domain.living.part_stats import part_figures
        from workshop_tui.domain.ports import StoreError
        from workshop_tui.screens.stats import StatsScreen

        if self.store is None or isinstance(self.screen, StatsScreen):
            return
        wanted = self.engine.script.id if self.engine is not None else None
        try:
            summaries = [s for s in self.store.list_sessions() if wanted in (None, s.script_id)]
            runs = [self.store.load_session(s.id) for s in sorted(summaries, key=lambda s: s.id)]
        except StoreError as error:
            notify(self, str(error), title="Cannot read the sessions", severity="error")
            return
        what = self.engine.script.title if self.engine is not None else "every script"
        self.push_screen(StatsScreen(part_figures(runs), what))

    def _carry_over(self, setup: SessionSetup) -> CarryOver | None:
        """The open actions of the customer's last session, for a new session with them."""
        from workshop_tui.domain.living.chain import last_of_customer
        from workshop_tui.domain.living.renegotiation import carry_over

        assert self.store is not None
        last = last_of_customer(self.store.list_sessions(), setup.customer)
        if last is None:
            return None
        found = carry_over(self.store.load_session(last.id)[1])
        if found.actions:
            notify(
                self,
                f"{len(found.actions)} open action(s) carried over from session {last.id}: "
                "mark each done, kept or dropped on the actions part.",
                title="Carried over",
                timeout=8,
            )
        return found if found.actions else None

    def renegotiate(
        self, session_id: int, *, current_script: bool = False, ask: bool = False
    ) -> None:
        """Set up the next version of a finished session's agreement, prefilled.

        With ``ask``, a script file that differs from the stored copy is offered first.
        """
        from workshop_tui.app.living import prepare_renegotiation
        from workshop_tui.domain.ports import StoreError
        from workshop_tui.screens.setup import SetupScreen

        assert self.store is not None
        try:
            plan = prepare_renegotiation(
                self.store, session_id, self.launch.scripts_dirs, current_script=current_script
            )
        except StoreError as error:
            if isinstance(self.screen, OpeningScreen):
                self.fail(str(error))
            else:
                notify(self, str(error), title="Cannot renegotiate", severity="error")
            return
        if ask and plan.file_differs:
            self._offer_current_script(session_id, plan.script_note)
            return
        screen = SetupScreen(plan.loaded, self.clock, plan)
        if isinstance(self.screen, OpeningScreen):
            self.switch_screen(screen)
        else:
            self.push_screen(screen)
        notify(self, plan.script_note, title="Script", timeout=8)

    @dialog_flow
    async def _offer_current_script(self, session_id: int, note: str) -> None:
        from workshop_tui.dialogs.confirm import ConfirmDialog

        current = await self.push_screen_wait(
            ConfirmDialog(
                "The script file has changed since that session",
                f"{note} Use the current file for the new version?",
                yes="Current file",
                no="Stored copy",
            )
        )
        self.renegotiate(session_id, current_script=bool(current))
