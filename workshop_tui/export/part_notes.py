"""Notes per part, as they stand, each with its corrections and retractions."""

from __future__ import annotations

from workshop_tui.content.model import Script
from workshop_tui.domain.read_models import standing
from workshop_tui.domain.snapshot import SessionSnapshot
from workshop_tui.export import escape
from workshop_tui.export.blocks import Lines, heading, item
from workshop_tui.export.timefmt import clock


def _because(reason: str) -> str:
    text = escape.inline(reason)
    return f" ({text})" if text else ""


def _note_item(thread: standing.NoteThread) -> Lines:
    first, current = thread.history[0], thread.current
    text = escape.block(current.text, "  ") or escape.EMPTY
    if current.private:  # the facilitator's own: in these notes only, marked so
        text = f"**Private:** {text}"
    if thread.retracted:
        lead = f"{clock(first.at)} — retracted at {clock(current.at)}{_because(current.reason)}"
        return item(lead, f"It read: {text}")
    more = [
        f"Corrected at {clock(later.at)}{_because(later.reason)}; "
        f"it read: {escape.block(earlier.text, '  ') or escape.EMPTY}"
        for earlier, later in zip(thread.history, thread.history[1:], strict=False)
        if earlier.text != later.text
    ]
    return item(f"{clock(first.at)} — {text}", *more)


def notes(script: Script, session: SessionSnapshot) -> Lines:
    """Notes grouped under their part, parts in script order, unknown parts after."""
    by_part: dict[str, list[standing.NoteThread]] = {}
    for thread in standing.note_threads(session.notes):
        by_part.setdefault(thread.history[0].part_id, []).append(thread)
    if not by_part:
        return []
    out = [heading(2, "Notes")]
    titles = {
        part.id: f"{number}. {escape.heading(part.name)}"
        for number, part in enumerate(script.parts, 1)
    }
    ordered = [part.id for part in script.parts if part.id in by_part]
    ordered += [part_id for part_id in by_part if part_id not in titles]
    for part_id in ordered:
        out += ["", heading(3, titles.get(part_id) or escape.heading(part_id)), ""]
        for thread in by_part[part_id]:
            out += _note_item(thread)
    return out
