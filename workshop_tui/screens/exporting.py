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
    from workshop_tui.domain.ports import StoreError
    from workshop_tui.export.files import export_session
    from workshop_tui.living import lineage_for

    store = getattr(screen.app, "store", None)
    try:  # the version, what changed since the last one and what was carried
        lineage = lineage_for(store, engine.script, engine.session) if store else None
    except StoreError:
        lineage = None
    try:
        return export_session(
            engine.script, engine.session, folder, agreement=agreement, lineage=lineage
        )
    except OSError as error:
        what = "The agreement" if agreement else "The notes"
        message = f"{what} could not be written: {error.strerror or error}."
        notify(screen, message, severity="error")
        return None
