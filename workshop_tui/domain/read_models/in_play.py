"""How the item in play is named between the console and the room view.

The console publishes the key of what the facilitator has selected; the room
view finds the item of the same key on its own drawing of the board. A key is
stable while the item is moved (a Cynefin item keeps its classification key,
a promise its key across amendments), so the room follows the item, not a row.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from workshop_tui.domain.read_models.actions import ActionRow
    from workshop_tui.domain.read_models.cynefin import Stop
    from workshop_tui.domain.read_models.decisions import QuestionView
    from workshop_tui.domain.read_models.promises import Entry
    from workshop_tui.domain.read_models.signoff import SectionView


def stop_key(stop: Stop) -> str:
    """A Cynefin item (in the tray or a domain), or an empty domain."""
    return stop.ident or f"empty:{stop.region}"


def entry_key(entry: Entry) -> str:
    """A promise, a preloaded one still to table, or a party's empty column."""
    return f"{entry.party}\n{entry.ident or ''}"


def section_key(section: SectionView) -> str:
    """A section to initial."""
    return section.section_id


def question_key(question: QuestionView) -> str:
    """A question to decide."""
    return question.row_id


def action_key(row: ActionRow) -> str:
    """An action, or a suggestion not added yet."""
    return row.key
