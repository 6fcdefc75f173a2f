"""The wording of a sign-off section: its fixed text and what it presents from the session.

The wording is what the room reads and initials, so it always says how things
stand now: a party's promises in their current wording (declined ones not as
promised, parked ones as open), a decision's outcome, the agreed level of
agility. ``Wording.plain`` is the exact text stored with each initial; a section
whose script gives only ``text`` reads exactly that text. Nothing here depends
on the current time, so a screen, the room view and the export read the same.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import TYPE_CHECKING

from workshop_tui.domain.kinds import PromiseStatus
from workshop_tui.domain.read_models import standing, terms
from workshop_tui.domain.records import ActionItem, Promise
from workshop_tui.domain.snapshot import SessionSnapshot

if TYPE_CHECKING:
    from workshop_tui.content.activities import PresentedItem, SignoffSection
    from workshop_tui.content.model import Script


@dataclass(frozen=True, slots=True)
class WordingBlock:
    """A paragraph, or the line that leads a list and the list's items."""

    text: str
    items: tuple[str, ...] = ()

    @property
    def plain(self) -> str:
        return "\n".join([self.text, *(f"- {item}" for item in self.items)])


@dataclass(frozen=True, slots=True)
class Wording:
    """A section's wording as blocks, ready to show or to export."""

    blocks: tuple[WordingBlock, ...]

    @property
    def plain(self) -> str:
        """The wording as one text: blocks apart by a blank line, list items as "- item"."""
        return "\n\n".join(block.plain for block in self.blocks)

    @property
    def digest(self) -> str:
        """A short fingerprint of the wording, to match a printed copy to its version."""
        return wording_digest(self.plain)


def wording_digest(plain: str) -> str:
    """The first eight hex digits of the SHA-256 of ``plain``."""
    return hashlib.sha256(plain.encode("utf-8")).hexdigest()[:8]


def section_wording(script: Script, session: SessionSnapshot, section: SignoffSection) -> Wording:
    """What ``section`` reads now: its ``text``, then each item it presents, in order."""
    blocks: list[WordingBlock] = []
    if section.text:
        blocks.append(WordingBlock(section.text))
    for item in section.presents:
        blocks.extend(presented(script, session, item))
    return Wording(tuple(blocks))


def presented(script: Script, session: SessionSnapshot, item: PresentedItem) -> list[WordingBlock]:
    """The blocks one presented item reads as."""
    kind = item.kind
    if kind == "text":
        return [WordingBlock(item.text)]
    if kind == "promises":
        return promise_blocks(terms.terms_of(script, session.promises, item.promises))
    if kind == "decision":
        term = terms.decision_term(item.decision, session.decisions)
        return [WordingBlock(decision_line(term))]
    if kind == "agility":
        return agility_blocks(terms.agility_term(session))
    if kind == "cynefin":
        return cynefin_blocks(session)
    return action_blocks(standing.standing_actions(session.actions))


def promised_line(promise: Promise) -> str:
    """A promise as promised: its wording, owner and note."""
    line = promise.text
    if promise.owner:
        line = f"{line} (owner: {promise.owner})"
    return f"{line}; note: {promise.note}" if promise.note else line


def open_line(promise: Promise) -> str:
    """A promise still open: parked (with its reason) or not decided yet."""
    state = "parked" if promise.status is PromiseStatus.PARKED else "not decided yet"
    return f"{promise.text} ({state}{': ' + promise.reason if promise.reason else ''})"


def declined_line(promise: Promise) -> str:
    return f"{promise.text} (declined{': ' + promise.reason if promise.reason else ''})"


def promise_blocks(party: terms.PartyTerms) -> list[WordingBlock]:
    if party.promised:
        lead = f"{party.party} promises:"
        blocks = [WordingBlock(lead, tuple(promised_line(p) for p in party.promised))]
    else:
        blocks = [WordingBlock(f"{party.party} makes no promise yet.")]
    if party.open:
        blocks.append(WordingBlock("Still open:", tuple(open_line(p) for p in party.open)))
    if party.declined:
        items = tuple(declined_line(p) for p in party.declined)
        blocks.append(WordingBlock("Declined, so not promised:", items))
    return blocks


def decision_line(term: terms.DecisionTerm) -> str:
    """ "Question? Agreed: outcome." or "Question? Not decided yet."."""
    if term.decision is None or not term.outcome:
        return f"{term.question} {term.verdict}."
    return f"{term.question} {term.verdict}: {term.outcome}"


def agility_blocks(term: terms.AgilityTerm) -> list[WordingBlock]:
    if term.chosen:
        line = f"Agreed level of agility: {term.chosen}"
        if term.overruled and term.advised:
            line = f"{line} (the Cynefin board advised: {term.advised})"
    else:
        line = "Level of agility: not decided yet."
    blocks = [WordingBlock(line)]
    if term.board:
        blocks.append(WordingBlock("On the Cynefin board:", term.board))
    return blocks


def cynefin_blocks(session: SessionSnapshot) -> list[WordingBlock]:
    columns = terms.board_items(session)
    if not columns:
        return [WordingBlock("No work has been placed on the Cynefin board.")]
    items = tuple(f"{domain.label}: {'; '.join(names)}" for domain, names in columns)
    return [WordingBlock("The work as placed on the Cynefin board:", items)]


def action_line(action: ActionItem) -> str:
    """An action as the agreement lists it: its text, then owner and due date."""
    due = f"due {action.due.isoformat()}" if action.due else ""
    who = ", ".join(part for part in (action.owner, due) if part)
    return f"{action.text} ({who})" if who else action.text


def action_blocks(actions: list[ActionItem]) -> list[WordingBlock]:
    if not actions:
        return [WordingBlock("No action has been recorded.")]
    return [WordingBlock("Actions:", tuple(action_line(a) for a in actions))]
