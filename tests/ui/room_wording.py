"""What a key hint looks like, and every sentence the boards word twice (console and room)."""

from __future__ import annotations

import re
from functools import cache
from types import ModuleType

import workshop_tui.boards.actions
import workshop_tui.boards.decisions
import workshop_tui.boards.notes
import workshop_tui.boards.signoff
import workshop_tui.domain.read_models.actions
import workshop_tui.domain.read_models.cynefin
import workshop_tui.domain.read_models.promises
from workshop_tui.domain.read_models.audience import Wording

WORDED: tuple[ModuleType, ...] = (
    workshop_tui.boards.actions,
    workshop_tui.boards.decisions,
    workshop_tui.boards.notes,
    workshop_tui.boards.signoff,
    workshop_tui.domain.read_models.actions,
    workshop_tui.domain.read_models.cynefin,
    workshop_tui.domain.read_models.promises,
)
"""The modules that word a sentence for the console and the room."""

KEY_HINT = re.compile(
    r"(?i:\bpress )"  # "Press n to capture a note", "press a to add one"
    r"|\(1–5\)"  # the numbers on the Cynefin boxes
    r"|\b[1-5] (?:Clear|Complicated|Complex|Chaotic|Confused)\b"  # a box's title: its key
    r"|(?:^|[\s(·])[a-zA-Z]: "  # "a: add", "n: capture a note"
    r"|(?:(?i:\benter)|\bEsc|\bDel)(?=[\s),·]|$)|(?i:\bctrl\+)"  # named keys (not "Esc…")
    r"|\([a-z] (?:shows|done|adds)\b"  # "(h shows them)", "(d done, k keep, Del drop)"
)
"""A key the facilitator would press, as the boards name one (the bundled scripts name none)."""


@cache
def every_wording() -> tuple[Wording, ...]:
    """Every ``Wording`` of the boards and read models, the longest console wording first."""
    found: set[Wording] = set()
    for module in WORDED:
        for value in vars(module).values():
            values = value.values() if isinstance(value, dict) else (value,)
            found.update(v for v in values if isinstance(v, Wording))
    return tuple(sorted(found, key=lambda wording: len(wording.console), reverse=True))


def key_hints(text: str) -> list[str]:
    """The lines of ``text`` that name a key."""
    return [line for line in text.splitlines() if KEY_HINT.search(line)]
