"""Exporting from a screen: the full notes or the agreement; write the file, or say why not."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from workshop_tui.plain_text import notify

if TYPE_CHECKING:
    from textual.screen import Screen

    from workshop_tui.domain.engine import SessionEngine


def export_notes(
    screen: Screen[None], engine: SessionEngine, folder: Path | None, *, agreement: bool = False
) -> Path | None:
    """The exported file's path (with ``agreement``, the agreement's), or None after telling
    the facilitator why it failed."""
    from workshop_tui.export.files import export_session

    try:
        return export_session(engine.script, engine.session, folder, agreement=agreement)
    except OSError as error:
        what = "The agreement" if agreement else "The notes"
        message = f"{what} could not be written: {error.strerror or error}."
        notify(screen, message, severity="error")
        return None
