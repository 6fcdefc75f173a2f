"""Each party's promises as they stand (promised, still open, declined), and their history."""

from __future__ import annotations

from workshop_tui.content.model import Script
from workshop_tui.domain.kinds import PromiseStatus
from workshop_tui.domain.read_models import standing
from workshop_tui.domain.read_models.agreement import Agreement
from workshop_tui.domain.read_models.terms import PartyTerms
from workshop_tui.domain.records import Promise
from workshop_tui.domain.rules.preloaded import same_wording
from workshop_tui.domain.snapshot import SessionSnapshot
from workshop_tui.export import escape
from workshop_tui.export.blocks import Lines, heading, item
from workshop_tui.export.timefmt import clock


def _promised(promise: Promise) -> str:
    first = escape.strong(promise.text)
    if owner := escape.inline(promise.owner):
        first = f"{first} — owner: {owner}"
    return first


def _open(promise: Promise) -> str:
    state = "parked" if promise.status is PromiseStatus.PARKED else "not decided yet"
    reason = escape.inline(promise.reason)
    return f"{escape.strong(promise.text)} — {state}{': ' + reason if reason else ''}"


def _declined(promise: Promise) -> str:
    reason = escape.inline(promise.reason)
    return f"{escape.strong(promise.text)} — declined{': ' + reason if reason else ''}"


class _Details:
    """What the session notes add under a promise: its note, reason, the script's words, history."""

    def __init__(self, script: Script, session: SessionSnapshot | None) -> None:
        self.threads = (
            {t.key: t for t in standing.promise_threads(session.promises)} if session else {}
        )
        self.described = [
            (party.name, template.text, template.detail)
            for part in script.parts
            if part.activity.kind == "promises"
            for party in part.activity.parties
            for template in party.promises
            if template.detail
        ]

    def lines(self, promise: Promise, full: bool) -> list[str]:
        more = []
        if note := escape.block(promise.note, "  "):
            more.append(f"Note: {note}")
        if (
            full
            and promise.reason
            and promise.status in (PromiseStatus.AGREED, PromiseStatus.AMENDED)
        ):
            more.append(f"Reason: {escape.block(promise.reason, '  ')}")
        thread = self.threads.get(promise.key)
        if full and thread is not None:
            detail = self._description(thread.history[0])
            if detail:
                more.append(f"The script describes it as: {escape.block(detail, '  ')}")
        return more

    def history(self, promise: Promise) -> Lines:
        thread = self.threads.get(promise.key)
        if thread is None or len(thread.history) < 2:
            return []
        out: Lines = []
        previous: Promise | None = None
        for row in thread.history:
            out.append(f"  - {_revision(row, previous)}")
            previous = row
        return out

    def _description(self, first: Promise) -> str:
        for party, text, detail in self.described:
            if same_wording(party, first.party) and same_wording(text, first.text):
                return detail
        return ""


def _revision(row: Promise, previous: Promise | None) -> str:
    line = f"{clock(row.at)} {row.status.value}"
    if previous is None or row.text != previous.text:
        line = f"{line}: {escape.inline(row.text) or escape.EMPTY}"
    if previous is not None and row.owner != previous.owner:
        line = f"{line}; owner: {escape.inline(row.owner) or 'none'}"
    if previous is not None and row.note != previous.note:
        line = f"{line}; note: {escape.inline(row.note) or 'none'}"
    if row.reason and (previous is None or row.reason != previous.reason):
        line = f"{line}; reason: {escape.inline(row.reason)}"
    return line


def _party(terms: PartyTerms, details: _Details, full: bool) -> Lines:
    out = ["", heading(3, escape.heading(terms.party))]
    groups = (
        ("Promised:", terms.promised, _promised),
        ("Still open:", terms.open, _open),
        ("Declined, so not promised:", terms.declined, _declined),
    )
    for lead, promises, first in groups:
        if not promises:
            continue
        out += ["", lead, ""]
        for promise in promises:
            out += item(first(promise), *details.lines(promise, full))
            if full:
                out += details.history(promise)
    return out


def promises(agreement: Agreement, script: Script, session: SessionSnapshot | None = None) -> Lines:
    """The promises of every party; with ``session``, each promise's history as well."""
    if not agreement.parties:
        return []
    details = _Details(script, session)
    out = [heading(2, "Promises")]
    for terms in agreement.parties:
        out += _party(terms, details, session is not None)
    return out
