"""Exporting from a screen: the full notes or the agreement; write the file, or say why not."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from workshop_tui.app.living import lineage_for
from workshop_tui.domain.ports import StoreError
from workshop_tui.export.files import export_session
from workshop_tui.export.markdown import render_markdown
from workshop_tui.widgets.plain_text import notify

if TYPE_CHECKING:
    from textual.screen import Screen

    from workshop_tui.domain.engine import SessionEngine
    from workshop_tui.domain.living.lineage import Lineage
    from workshop_tui.domain.snapshot import SessionSnapshot


def session_lineage(screen: Screen[None], engine: SessionEngine) -> Lineage | None:
    """The session's version, what changed since the last one and what was carried
    (None when the screen's app has no store, or it cannot be read)."""

    store = getattr(screen.app, "store", None)
    try:
        return lineage_for(store, engine.script, engine.session) if store else None
    except StoreError:
        return None


def export_notes(
    screen: Screen[None],
    engine: SessionEngine,
    folder: Path | None,
    *,
    agreement: bool = False,
    document: ExportDocument | None = None,
) -> Path | None:
    """The exported file's path (with ``agreement``, the agreement's), or None after telling
    the facilitator why it failed. ``document``: the notes as already rendered, written
    as they are while the session is unchanged."""

    text = document.text_for(engine.session) if document and not agreement else None
    lineage = None if text is not None else session_lineage(screen, engine)
    try:
        return export_session(
            engine.script, engine.session, folder, agreement=agreement, lineage=lineage, text=text
        )
    except OSError as error:
        what = "The agreement" if agreement else "The notes"
        message = f"{what} could not be written: {error.strerror or error}."
        notify(screen, message, severity="error")
        return None


@dataclass(frozen=True, slots=True)
class ExportDocument:
    """The full notes of a session as rendered once: shown on screen, then written."""

    text: str
    fingerprint: tuple[object, ...]

    @classmethod
    def of(cls, screen: Screen[None], engine: SessionEngine) -> ExportDocument:

        lineage = session_lineage(screen, engine)
        text = render_markdown(engine.script, engine.session, lineage)
        return cls(text, _fingerprint(engine.session))

    def text_for(self, session: SessionSnapshot) -> str | None:
        """The text, if ``session`` has recorded nothing since it was rendered."""
        return self.text if _fingerprint(session) == self.fingerprint else None


def _fingerprint(session: SessionSnapshot) -> tuple[object, ...]:
    """What changes whenever the session records anything (every change is a record)."""
    return (session.record_count, session.state, session.finished_at, session.setup)
