"""Writing exported notes to a file, with a name that sorts and says what it is."""

from __future__ import annotations

import os
import re
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from workshop_tui.export.markdown import render_agreement, render_markdown

if TYPE_CHECKING:
    from workshop_tui.content.model import Script
    from workshop_tui.domain.snapshot import SessionSnapshot


def default_export_name(session: SessionSnapshot) -> str:
    """``2026-11-21-customer-working-agreement-acme-session-3.md``."""
    customer = re.sub(r"[^a-z0-9]+", "-", session.setup.customer.lower()).strip("-")
    parts = [
        session.created_at.date().isoformat(),
        session.script_id,
        customer,
        f"session-{session.id}",
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
) -> Path:
    """Render the session's notes (or with ``agreement``, the agreement) and write them
    atomically; return the file's path.

    ``target`` may be a file, or a folder (the default name is used inside it);
    without one the notes go to the exports folder of the data directory.
    """
    if target is None:
        from workshop_tui.locations import exports_dir

        target = exports_dir()
    name = default_agreement_name(session) if agreement else default_export_name(session)
    path = target / name if target.is_dir() or not target.suffix else target
    path.parent.mkdir(parents=True, exist_ok=True)
    text = (render_agreement if agreement else render_markdown)(script, session)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".export-", suffix=".md")
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as stream:
            stream.write(text)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return path.resolve()
