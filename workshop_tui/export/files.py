"""Writing exported notes to a file, with a name that sorts and says what it is.

The name is built from stored text (the script's id, the customer), so each
piece is cut down to lowercase letters, digits and dashes: whatever the
database holds, the file lands in the chosen folder (the current one by
default), with a name of a sane length. The file is owner-only (0600), and so
is a folder created for it; a folder that was there is left as it is.
"""

from __future__ import annotations

import os
import re
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from workshop_tui.export.markdown import render_agreement, render_markdown
from workshop_tui.locations import private_folder

if TYPE_CHECKING:
    from workshop_tui.content.model import Script
    from workshop_tui.domain.living.lineage import Lineage
    from workshop_tui.domain.snapshot import SessionSnapshot


MAX_PIECE = 60
"""The longest a piece of the name built from stored text may be."""

_NOT_SAFE = re.compile(r"[^a-z0-9]+")


def safe_piece(text: str) -> str:
    """``text`` as lowercase letters, digits and single dashes, at most ``MAX_PIECE`` long."""
    return _NOT_SAFE.sub("-", text.lower()).strip("-")[:MAX_PIECE].rstrip("-")


def default_export_name(session: SessionSnapshot) -> str:
    """``2026-11-21-customer-working-agreement-acme-session-3.md``."""
    parts = [
        session.created_at.date().isoformat(),
        safe_piece(session.script_id),
        safe_piece(session.setup.customer),
        f"session-{int(session.id)}",
    ]
    return "-".join(part for part in parts if part) + ".md"


def default_agreement_name(session: SessionSnapshot) -> str:
    """``2026-11-21-customer-working-agreement-acme-session-3-agreement.md``."""
    return default_export_name(session).removesuffix(".md") + "-agreement.md"


def export_session(
    script: Script,
    session: SessionSnapshot,
    target: Path | None = None,
    *,
    agreement: bool = False,
    lineage: Lineage | None = None,
    text: str | None = None,
) -> Path:
    """Render the session's notes (or with ``agreement``, the agreement) and write them
    atomically; return the file's path. ``text``: the document already rendered.

    ``target`` may be a file, or a folder (the default name is used inside it);
    without one the notes go to the current folder, where the facilitator can see them.
    """

    if target is None:
        target = Path.cwd()
    name = default_agreement_name(session) if agreement else default_export_name(session)
    path = target / name if target.is_dir() or not target.suffix else target
    private_folder(path.parent)
    if text is None:
        text = (render_agreement if agreement else render_markdown)(script, session, lineage)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".export-", suffix=".md")
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as stream:
            stream.write(text)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return path.resolve()
