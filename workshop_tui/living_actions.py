"""The app-wide keys of living agreements: the review date, what changed, planned vs actual."""

from __future__ import annotations

from typing import TYPE_CHECKING

from workshop_tui.dialogs.key_hold import HoldsKeys, dialog_flow
from workshop_tui.plain_text import notify

if TYPE_CHECKING:
    from workshop_tui.domain.engine import SessionEngine
    from workshop_tui.domain.ports import SessionStore


class LivingAgreementActions(HoldsKeys):
    """Ctrl+R, Ctrl+G and Ctrl+O of the app, over its store and the session it holds."""

    store: SessionStore | None
    engine: SessionEngine | None

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
        from workshop_tui.domain.ports import StoreError
        from workshop_tui.living import lineage_for
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
        from workshop_tui.domain.part_stats import part_figures
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
