"""What changed between two versions of an agreement: a function of two agreement read models.

Promises are matched thread by thread (a renegotiation carries each promise
under the key it had), then, for any left over, by party and wording. A
promise is *added* when the earlier version did not hold it, *dropped* when the
later one took it off (or no longer holds it), *reworded* when its wording
differs, and its *status* changed when it moved between promised, still open,
not decided yet and declined. Decisions are matched by question, sections by
part and id; a section whose wording differs must be initialled again.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from workshop_tui.domain.kinds import CynefinDomain, PromiseStatus
from workshop_tui.domain.read_models.agreement import Agreement
from workshop_tui.domain.read_models.terms import DecisionTerm
from workshop_tui.domain.records import Promise
from workshop_tui.domain.rules.wording import decision_line

_STANDING = {
    PromiseStatus.AGREED: "promised",
    PromiseStatus.AMENDED: "promised",
    PromiseStatus.PROPOSED: "not decided yet",
    PromiseStatus.PARKED: "parked",
    PromiseStatus.DECLINED: "declined",
    PromiseStatus.DROPPED: "dropped",
}


def standing(promise: Promise) -> str:
    """Where a promise stands, in the agreement's words: promised, parked, declined..."""
    return _STANDING[promise.status]


@dataclass(frozen=True, slots=True)
class PromiseChange:
    """One promise that differs between the versions."""

    party: str
    before: Promise | None
    """None: added in the later version."""
    after: Promise | None
    """None, or dropped: no longer part of the agreement."""

    @property
    def added(self) -> bool:
        return self.before is None

    @property
    def dropped(self) -> bool:
        return self.after is None or self.after.status is PromiseStatus.DROPPED

    @property
    def reworded(self) -> bool:
        return self.before is not None and self.after is not None and _moved_text(self)

    @property
    def restated(self) -> bool:
        """Its standing changed (promised, parked, declined...), not counting a drop."""
        if self.before is None or self.after is None or self.dropped:
            return False
        return standing(self.before) != standing(self.after)

    @property
    def owner_changed(self) -> bool:
        if self.before is None or self.after is None:
            return False
        return self.before.owner != self.after.owner


def _moved_text(change: PromiseChange) -> bool:
    assert change.before is not None and change.after is not None
    return change.before.text != change.after.text


@dataclass(frozen=True, slots=True)
class DecisionChange:
    """A question whose outcome differs between the versions ("" where it was not raised)."""

    question: str
    before: str
    after: str


@dataclass(frozen=True, slots=True)
class BoardChange:
    """An item of the Cynefin board placed elsewhere, added or taken off (None)."""

    item: str
    before: CynefinDomain | None
    after: CynefinDomain | None


@dataclass(frozen=True, slots=True)
class SectionChange:
    """A sign-off section whose wording differs: it must be initialled again."""

    part_id: str
    section_id: str
    title: str
    before: str
    """Its wording in the earlier version ("" when it had none: a new section)."""
    after: str


@dataclass(frozen=True, slots=True)
class AgreementChanges:
    """Everything that differs from the earlier version, in the order the agreement reads."""

    promises: tuple[PromiseChange, ...] = ()
    agility: tuple[str, str] | None = None
    """The agreed level of agility before and after, when it changed."""
    decisions: tuple[DecisionChange, ...] = ()
    board: tuple[BoardChange, ...] = ()
    sections: tuple[SectionChange, ...] = ()
    review: tuple[date | None, date | None] | None = None
    """The review date before and after, when it changed."""

    @property
    def empty(self) -> bool:
        return not (
            self.promises
            or self.agility
            or self.decisions
            or self.board
            or self.sections
            or self.review
        )

    def counts(self) -> str:
        """A short summary: "2 promises added, 1 reworded, 1 dropped; 1 decision changed"."""
        added = sum(1 for c in self.promises if c.added)
        dropped = sum(1 for c in self.promises if c.dropped and not c.added)
        reworded = sum(1 for c in self.promises if c.reworded and not c.dropped)
        restated = sum(1 for c in self.promises if c.restated and not c.reworded)
        pieces = []
        promise_bits = [
            f"{n} {word}"
            for n, word in (
                (added, "added"),
                (reworded, "reworded"),
                (restated, "status changed"),
                (dropped, "dropped"),
            )
            if n
        ]
        if promise_bits:
            pieces.append("promises: " + ", ".join(promise_bits))
        decided = len(self.decisions) + (1 if self.agility else 0)
        if decided:
            pieces.append(f"{decided} decision{'s' * (decided != 1)} changed")
        if self.board:
            pieces.append(f"{len(self.board)} board item{'s' * (len(self.board) != 1)} moved")
        if self.sections:
            count = len(self.sections)
            pieces.append(f"{count} section{'s' * (count != 1)} reworded")
        if self.review:
            pieces.append("review date changed")
        return "; ".join(pieces) or "no change"


def changes_between(before: Agreement, after: Agreement) -> AgreementChanges:
    """What ``after`` changed of ``before`` (two agreements of one chain)."""
    return AgreementChanges(
        promises=tuple(_promise_changes(before, after)),
        agility=_agility(before, after),
        decisions=tuple(_decision_changes(before, after)),
        board=tuple(_board_changes(before, after)),
        sections=tuple(_section_changes(before, after)),
        review=(before.review_on, after.review_on) if before.review_on != after.review_on else None,
    )


def _held(agreement: Agreement, *, dropped: bool) -> list[Promise]:
    found: list[Promise] = []
    for terms in agreement.parties:
        found += [*terms.promised, *terms.open, *terms.declined]
        if dropped:
            found += terms.dropped
    return found


def _promise_changes(before: Agreement, after: Agreement) -> list[PromiseChange]:
    earlier = _held(before, dropped=False)
    later = _held(after, dropped=True)
    by_key = {p.key: p for p in earlier}
    matched: dict[str, Promise] = {}  # a later promise's key -> the earlier one it continues
    for promise in later:
        if promise.key in by_key:
            matched[promise.key] = by_key.pop(promise.key)
    by_words = {(_normal(p.party), _normal(p.text)): p for p in by_key.values()}
    for promise in later:
        if promise.key not in matched:
            found = by_words.pop((_normal(promise.party), _normal(promise.text)), None)
            if found is not None:
                matched[promise.key] = found
                del by_key[found.key]
    changes: list[PromiseChange] = []
    for promise in later:
        earlier_one = matched.get(promise.key)
        if earlier_one is None:
            if promise.status is not PromiseStatus.DROPPED:
                changes.append(PromiseChange(promise.party, None, promise))
            continue
        change = PromiseChange(promise.party, earlier_one, promise)
        if change.dropped or change.reworded or change.restated or change.owner_changed:
            changes.append(change)
    changes += [PromiseChange(p.party, p, None) for p in by_key.values()]
    order = {_normal(t.party): i for i, t in enumerate([*after.parties, *before.parties])}
    return sorted(changes, key=lambda c: order.get(_normal(c.party), len(order)))


def _agility(before: Agreement, after: Agreement) -> tuple[str, str] | None:
    was = before.agility.chosen if before.agility else ""
    now = after.agility.chosen if after.agility else ""
    return (was, now) if was != now else None


def _outcome(term: DecisionTerm) -> str:
    return decision_line(term).removeprefix(term.question).strip()


def _decision_changes(before: Agreement, after: Agreement) -> list[DecisionChange]:
    earlier = {_normal(t.question): t for t in before.decisions}
    changes: list[DecisionChange] = []
    for term in after.decisions:
        was = earlier.pop(_normal(term.question), None)
        then = _outcome(was) if was is not None else ""
        now = _outcome(term)
        if then != now:
            changes.append(DecisionChange(term.question, then, now))
    changes += [DecisionChange(t.question, _outcome(t), "") for t in earlier.values()]
    return changes


def _board_changes(before: Agreement, after: Agreement) -> list[BoardChange]:
    def placed(agreement: Agreement) -> dict[str, tuple[str, CynefinDomain]]:
        return {
            _normal(item): (item, domain)
            for domain, items in agreement.type_of_work
            for item in items
        }

    earlier, later = placed(before), placed(after)
    changes = [
        BoardChange(item, earlier[key][1] if key in earlier else None, domain)
        for key, (item, domain) in later.items()
        if key not in earlier or earlier[key][1] is not domain
    ]
    changes += [
        BoardChange(item, domain, None)
        for key, (item, domain) in earlier.items()
        if key not in later
    ]
    return changes


def _section_changes(before: Agreement, after: Agreement) -> list[SectionChange]:
    earlier = {(s.part.id, s.section.id): s.wording.plain for s in before.sections}
    changes: list[SectionChange] = []
    for state in after.sections:
        was = earlier.get((state.part.id, state.section.id), "")
        if was != state.wording.plain:
            changes.append(
                SectionChange(
                    state.part.id, state.section.id, state.section.title, was, state.wording.plain
                )
            )
    return changes


def _normal(text: str) -> str:
    return " ".join(text.split()).casefold()
