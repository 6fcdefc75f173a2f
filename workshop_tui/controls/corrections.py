"""Correcting a note after the fact: its wording, or taking it back, each with a reason.

A correction is a new revision of the note (the store stays append-only): the
screens and the agreement show the current wording, the full notes its history.
The flow runs inside a ``dialog_flow`` of whichever screen offers it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from workshop_tui.dialogs.form import Field, FormDialog
from workshop_tui.domain.engine import EngineError
from workshop_tui.domain.folding import latest
from workshop_tui.domain.ports import StoreError
from workshop_tui.domain.read_models import standing
from workshop_tui.domain.read_models.local_time import hhmm
from workshop_tui.widgets.plain_text import notify

if TYPE_CHECKING:
    from collections.abc import Callable

    from textual.screen import Screen

    from workshop_tui.domain.engine import SessionEngine

CHOICE_WIDTH = 60
"""How much of a note's wording its line in the list shows (the dialog shows it whole)."""


def note_choices(engine: SessionEngine) -> list[tuple[str, str]]:
    """(label, key) of every note that stands, newest first: ``10:42 Opening: wording``."""
    names = {part.id: part.name for part in engine.script.parts}
    choices = []
    for thread in reversed(standing.note_threads(engine.session.notes)):
        note = thread.current
        if thread.retracted or not note.key:
            continue
        text = " ".join(note.text.split())
        text = text if len(text) <= CHOICE_WIDTH else text[: CHOICE_WIDTH - 1] + "…"
        choices.append(
            (f"{hhmm(note.at)} {names.get(note.part_id, note.part_id)}: {text}", note.key)
        )
    return choices


async def correct_note(screen: Screen[None], engine: SessionEngine) -> bool:
    """Ask which note, then its new wording or why it is retracted; True once stored."""
    choices = note_choices(engine)
    if not choices:
        notify(screen, "There is no note to correct yet: n captures one.")
        return False
    app = screen.app
    picked = await app.push_screen_wait(
        FormDialog(
            "Correct a note",
            [
                Field("key", "Which note", value=choices[0][1], options=choices, required=True),
                Field(
                    "what",
                    "What to do",
                    value="edit",
                    options=[("Correct its wording", "edit"), ("Retract it", "retract")],
                    required=True,
                ),
            ],
            intro="The earlier wording stays in the full notes' history.",
            save_label="Next",
        )
    )
    if not picked:
        return False
    current = next(n for n in latest(engine.session.notes) if n.key == picked["key"])
    if picked["what"] == "retract":
        values = await app.push_screen_wait(
            FormDialog(
                "Retract the note",
                [Field("reason", "Why is it taken back? (optional)")],
                intro=current.text,
                save_label="Retract",
            )
        )
        if values is None:
            return False
        return _stored(screen, engine.notes.retract, current.key, values["reason"])

    def changed(values: dict[str, str]) -> str | None:
        return "Change the wording to correct it." if values["text"] == current.text else None

    values = await app.push_screen_wait(
        FormDialog(
            "Correct the note",
            [
                Field("text", "Note", value=current.text, required=True),
                Field("reason", "Why the correction? (optional)"),
            ],
            validate=changed,
        )
    )
    if values is None:
        return False
    return _stored(screen, engine.notes.edit, current.key, values["text"], values["reason"])


def _stored(screen: Screen[None], action: Callable[..., object], *args: str) -> bool:
    try:
        action(*args)
    except (EngineError, StoreError) as error:
        notify(screen, str(error), title="Not corrected", severity="error")
        return False
    notify(screen, "Note corrected.", timeout=3)
    return True
