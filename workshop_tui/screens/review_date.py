"""Set when the agreement is to be reviewed, at sign-off or any time ("in 3 months", a date)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from workshop_tui.dialogs.form import Field, FormDialog
from workshop_tui.domain.engine import EngineError
from workshop_tui.domain.ports import StoreError
from workshop_tui.domain.rules.due_dates import parse_due
from workshop_tui.widgets.plain_text import notify

if TYPE_CHECKING:
    from textual.app import App

    from workshop_tui.domain.engine import SessionEngine


async def ask_review_date(app: App[Any], engine: SessionEngine) -> None:
    """Ask for the review date (blank clears it) and record it; say what was recorded."""

    today = engine.timing.today()
    current = engine.corrections.review_date

    def check(values: dict[str, str]) -> str | None:
        try:
            parse_due(values["when"], today)
        except ValueError as error:
            return str(error)
        return None

    values = await app.push_screen_wait(
        FormDialog(
            "When is the agreement reviewed?",
            [
                Field(
                    "when",
                    "Review on",
                    value=current.isoformat() if current else "",
                    placeholder="in 3 months, 2027-03-01, next friday; blank for none",
                ),
                Field("reason", "Why (optional)"),
            ],
            validate=check,
        )
    )
    if values is None:
        return
    on = parse_due(values["when"], today)
    try:
        engine.corrections.set_review_date(on, values["reason"])
    except (EngineError, StoreError) as error:
        notify(app, str(error), title="Not recorded", severity="error")
        return
    said = f"on {on.isoformat()}" if on else "with no date set"
    notify(app, f"The agreement is to be reviewed {said}.", title="Review date")
