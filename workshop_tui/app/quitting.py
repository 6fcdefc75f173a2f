"""How the app quits: asking first while a part runs, pausing and saving, and saying where
set-up typed so far was kept."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from rich.text import Text

from workshop_tui.dialogs.key_hold import HoldsKeys, dialog_flow
from workshop_tui.widgets.plain_text import visible

if TYPE_CHECKING:
    from workshop_tui.app.workshop_app import Launch
    from workshop_tui.domain.engine import SessionEngine

QUIT = "Quit; while a part runs it asks first, pauses the timer and saves"
"""The tooltip of both quit keys (``q`` and Ctrl+Q), which behave the same."""


class QuitActions(HoldsKeys):
    """The app's quit keys, over the session it holds."""

    engine: SessionEngine | None
    launch: Launch
    _kept_draft: Path | None

    async def action_quit(self) -> None:
        """Textual's own quit key (Ctrl+Q) quits the way ``q`` does."""
        self.action_request_quit()

    @dialog_flow
    async def action_request_quit(self) -> None:
        """Quit, asking first while a part's timer is running."""
        engine = self.engine
        if engine is not None and engine.timing.running:
            from workshop_tui.dialogs.confirm import ConfirmDialog

            stay = not await self.push_screen_wait(
                ConfirmDialog(
                    "Quit while the part is running?",
                    "The timer is paused and everything is saved; "
                    "run “workshop resume” to come back to this screen.",
                    yes="Quit",
                    no="Stay",
                )
            )
            if stay:
                return
        self._quit()

    def _quit(self) -> None:
        engine = self.engine
        if engine is not None and engine.timing.running:
            from workshop_tui.domain.ports import StoreError

            try:
                engine.timing.pause()
            except StoreError as error:  # the last committed state is still safe
                self.exit(return_code=1, message=Text(visible(str(error))))
                return
        if self._kept_draft is not None and self.engine is None:
            ref = self.launch.script_ref or "SCRIPT"
            kept = (
                f"The set-up typed is kept in {self._kept_draft}; `workshop run {ref}` offers it."
            )
            self.error_console.soft_wrap = True  # one line, whole in a pipe
            self.exit(return_code=0, message=Text(visible(kept)))
            return
        self.exit(return_code=0)
