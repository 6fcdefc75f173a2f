"""How the console quits: asking first while a part runs, pausing and saving, and saying where
set-up typed so far was kept."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from rich.text import Text
from textual.app import App

from workshop_tui.dialogs.confirm import ConfirmDialog
from workshop_tui.domain.ports import StoreError
from workshop_tui.widgets.plain_text import visible

if TYPE_CHECKING:
    from workshop_tui.domain.engine import SessionEngine

QUIT = "Quit; while a part runs it asks first, pauses the timer and saves"
"""The tooltip of both quit keys (``q`` and Ctrl+Q), which behave the same."""


async def confirm_quit(app: App[Any], engine: SessionEngine | None) -> bool:
    """Whether to quit: asks first while a part's timer is running."""
    if engine is None or not engine.timing.running:
        return True
    answer = await app.push_screen_wait(
        ConfirmDialog(
            "Quit while the part is running?",
            "The timer is paused and everything is saved; "
            "run “workshop resume” to come back to this screen.",
            yes="Quit",
            no="Stay",
        )
    )
    return bool(answer)


def quit_app(
    app: App[Any], engine: SessionEngine | None, kept_draft: Path | None, script_ref: str | None
) -> None:
    """Pause a running part (stored first), then exit; say where an unfinished set-up is kept."""
    if engine is not None and engine.timing.running:
        try:
            engine.timing.pause()
        except StoreError as error:  # the last committed state is still safe
            app.exit(return_code=1, message=Text(visible(str(error))))
            return
    if kept_draft is not None and engine is None:
        ref = script_ref or "SCRIPT"
        kept = f"The set-up typed is kept in {kept_draft}; `workshop run {ref}` offers it."
        app.error_console.soft_wrap = True  # one line, whole in a pipe
        app.exit(return_code=0, message=Text(visible(kept)))
        return
    app.exit(return_code=0)
