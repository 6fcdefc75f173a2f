"""At set-up of a renegotiation: which version this is, which script, and the carried actions."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.widgets import Static

from workshop_tui.domain.phrasing import counted
from workshop_tui.widgets.plain_text import plain

if TYPE_CHECKING:
    from workshop_tui.app.living import Renegotiation

MAX_SHOWN = 4
"""Carried actions listed here; the rest are counted (all of them are on the actions part)."""


def note_text(plan: Renegotiation) -> str:
    """The lines the note shows, as plain text: the version, the script, the carried actions."""
    baseline = plan.baseline
    day = baseline.date.astimezone().strftime("%Y-%m-%d")
    lines = [
        f"Version {plan.version} of the agreement with {baseline.session.setup.customer} · "
        f"renegotiates session {baseline.session_id} of {day}",
        plan.script_note,
    ]
    carried = plan.carried.actions if plan.carried is not None else ()
    if carried and plan.carried is not None:
        source = plan.carried.date.astimezone().strftime("%Y-%m-%d")
        shown = "; ".join(
            f"{a.text} ({a.owner})" if a.owner else a.text for a in carried[:MAX_SHOWN]
        )
        more = f"; and {len(carried) - MAX_SHOWN} more" if len(carried) > MAX_SHOWN else ""
        lines.append(
            f"↻ {counted(len(carried), 'open action')} from session {plan.carried.session_id} "
            f"({source}), "
            f"to mark done, kept or dropped: {shown}{more}"
        )
    return "\n".join(lines)


class RenegotiationNote(Static):
    """The renegotiation's version, script and carried actions, above the names."""

    DEFAULT_CSS = """
    RenegotiationNote { height: auto; max-height: 6; color: $text-accent; }
    """

    def __init__(self, plan: Renegotiation) -> None:
        super().__init__(plain(note_text(plan)), id="setup-renegotiation")
