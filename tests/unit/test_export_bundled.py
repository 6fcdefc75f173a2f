"""One full session of each bundled script, run through the engine and a real store, then
exported as the session notes and as the agreement, each compared with its golden file
(UPDATE_GOLDENS=1 rewrites them).

The session is driven the way a facilitator would, corrections included: promises
agreed with a note, amended and declined or parked with a reason; consent recorded with
the words consented to; time added and taken away; a part skipped; sections initialled
for everyone at once, one initial done again, one held, initials gone stale after a change
and given again, a delegate named once for a role; people on both sides, a latecomer; a
note corrected, one retracted and one private; a placement taken back with Ctrl+Z's undo;
an action changed and one dropped; the session finished, reopened to add a forgotten
action and a review date, and finished again. The same bytes come out of a SQLite file
and out of a team store.
"""

from __future__ import annotations

import subprocess
import sys
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from tests.conftest import BUNDLED
from tests.golden_files import assert_golden
from tests.store_kinds import db_argument
from workshop_tui.content.loader import load_script
from workshop_tui.content.model import Script
from workshop_tui.domain.clock import FakeClock
from workshop_tui.domain.engine import SessionEngine
from workshop_tui.domain.kinds import CynefinDomain, DecisionMethod, Side
from workshop_tui.domain.records import Objection, Participant
from workshop_tui.domain.rules.signing import initials_of
from workshop_tui.domain.snapshot import SessionSetup
from workshop_tui.export.agreement import render_agreement
from workshop_tui.export.markdown import render_markdown
from workshop_tui.locations import StoreLocation
from workshop_tui.storage import open_store

SCRIPTS = sorted(BUNDLED.glob("*.yaml"))
DOMAINS = list(CynefinDomain)
NAMES = ("Ana Ruiz", "Bo Chen", "Cy Diaz", "Dee Evans", "Eli Fox", "Fay Gold", "Gus Hale")
STATEMENTS = {
    "Do we agree the work is mostly complex and will be delivered Sprint by Sprint?": (
        "The work is mostly complex | we deliver it Sprint by Sprint, from the first."
    ),
    "Do we consent to the outcome statement as written in the notes?": (
        "Claimants file a claim online without calling us, by the end of Q2."
    ),
    "Do we consent to the decision-rights grid and the escalation path as filled in today?": (
        "Product decides what to build, Design how it looks, Engineering how it is built; "
        "Security is consulted on risk. Stuck: the leads within a day, then the CPO."
    ),
    "Do we consent to the rhythm for discovery, planning, delivery and learning in the notes?": (
        "Intake every two weeks, planning every quarter, a demo every Sprint."
    ),
    "Do we consent to what is in scope, out of scope, and must hold true, as listed today?": (
        "In: claims intake. Out: payments. Must hold true: the legacy API stays up."
    ),
    "Do we consent to the protected focus time written in the notes?": (
        "No meetings on Tuesday and Thursday mornings."
    ),
    "Do we consent to the renegotiation triggers listed in the notes?": (
        "A missed outcome, capacity down by a fifth, a new regulation."
    ),
    "Do we consent to the Definition of Ready and the Definition of Done as read back?": (
        "Ready: a user outcome and its acceptance criteria. Done: reviewed, tested, released "
        "and shown to a stakeholder."
    ),
}
"""What the room consented to, in its words (what a consent decides is part of it)."""
SKIPPED = {"break", "review-cadence-and-health-checks"}
"""Parts the room skips (Ctrl+K): the partnership's break, the engineering agreement's review."""


def roles_of(script: Script) -> list[str]:
    return sorted(
        {
            role
            for part in script.parts
            if part.activity.kind == "signoff"
            for section in part.activity.sections
            for role in part.activity.roles_for(section)
        }
    )


def negotiate(engine: SessionEngine) -> None:
    """Table every preloaded promise; agree, amend, decline or park each with its reason."""
    activity = engine.part.activity
    assert activity.kind == "promises"
    for p, party in enumerate(activity.parties):
        for n, template in enumerate(party.promises):
            key = engine.promises.add(party.name, template.text).key
            if n == 0:
                engine.promises.set(key, owner="Kim Lee")
                engine.promises.agree(key, note="Confirmed for the first three Sprints")
            elif n == 1:
                engine.promises.amend(key, template.text + ", reviewed monthly", reason="too vague")
            elif p == 0:
                engine.promises.decline(key, "The customer brings its own coach")
            else:
                engine.promises.park(key, "Nobody can name one today")


def decide(engine: SessionEngine) -> None:
    activity = engine.part.activity
    assert activity.kind == "decisions"
    for question in activity.questions:
        if question.method is DecisionMethod.CONSENT:
            engine.decisions.record(
                question.question,
                question.method,
                outcome=STATEMENTS.get(question.question, "Yes, as asked."),
                agreed=True,
                objections=(Objection("Too early to say", "Revisit in two Sprints"),),
            )
        elif question.method is DecisionMethod.FIST_OF_FIVE:
            engine.decisions.record(
                question.question,
                question.method,
                outcome="Agreed on the second round",
                agreed=True,
                rounds=({"2": 1, "3": 3, "4": 2}, {"3": 2, "4": 3, "5": 1}),
            )
        else:
            votes = {o: (len(question.options) - i) * 2 for i, o in enumerate(question.options)}
            engine.decisions.record(
                question.question,
                question.method,
                outcome=question.options[0],
                agreed=True,
                votes=votes,
            )


def sign(engine: SessionEngine, first_signoff: bool) -> None:
    """Every section for everyone at once; in the first sign-off part, one initial done
    again (the first section), one withdrawn and one held (the last two)."""
    activity = engine.part.activity
    assert activity.kind == "signoff"
    if first_signoff:  # named once: the delegate initials for that role in every section
        roles = activity.roles_for(activity.sections[0])
        stood_for = next(p for p in engine.session.setup.participants if p.role == roles[0])
        engine.people.delegate("Hal Ives", roles[0], stood_for.name)
    last = len(activity.sections) - 1
    for s, section in enumerate(activity.sections):
        roles = activity.roles_for(section)
        person = next(p for p in engine.session.setup.participants if p.role in roles)
        if first_signoff and s == 0:
            engine.signoff.sign(section.id, person.name, person.role, "X")
        if first_signoff and s == last:
            engine.signoff.hold(section.id, roles[-1], "Wants the board to read it first")
        engine.signoff.sign_for_everyone(section.id)
        if first_signoff and s == 0:
            initials = initials_of(person.name)
            engine.signoff.redo(section.id, person.role, person.name, initials, "X was a slip")
        if first_signoff and s == last - 1:
            engine.signoff.withdraw(section.id, roles[0], "Initialled for the wrong section")


def change_after_signing(engine: SessionEngine) -> None:
    """Change what a signed section presents, then initial again for all but one role."""
    for part in engine.script.parts:
        if part.activity.kind != "signoff":
            continue
        for state in [s for s in engine.signoff.progress(part) if s.complete]:
            section = next(s for s in part.activity.sections if s.id == state.section_id)
            presented = [item for item in section.presents if item.kind in ("promises", "decision")]
            if not presented:
                continue
            item = presented[0]
            if item.kind == "promises":
                keys = list(
                    dict.fromkeys(
                        p.key for p in engine.session.promises if p.party == item.promises
                    )
                )
                current = next(p for p in reversed(engine.session.promises) if p.key == keys[1])
                engine.promises.amend(
                    current.key, f"{current.text}, four people full time", reason="sized"
                )
            else:
                decision = next(d for d in engine.session.decisions if d.question == item.decision)
                engine.decisions.record(
                    decision.question,
                    decision.method,
                    outcome=f"{decision.outcome} (confirmed after sign-off)",
                    agreed=True,
                    votes=decision.votes,
                    rounds=decision.rounds,
                    objections=decision.objections,
                    key=decision.key,
                )
            people = engine.session.setup.participants
            for role in state.required[1:]:
                person = next(p.name for p in people if p.role == role)
                engine.signoff.sign(
                    state.section_id, person, role, initials_of(person), part_id=part.id
                )
            return


def run_full_session(db: Path | StoreLocation, script_path: Path) -> int:
    """Drive every part of the script the way a facilitator would; return the session id."""
    loaded = load_script(script_path)
    script = loaded.script
    clock = FakeClock()
    roles = roles_of(script)
    people = tuple(Participant(NAMES[i], role) for i, role in enumerate(roles))
    sides = (Side.CUSTOMER, Side.SUPPLIER)
    setup = SessionSetup(
        customer="Acme | Health <Trust>",
        facilitator="Kim Lee",
        participants=tuple(replace(p, side=sides[i % 2]) for i, p in enumerate(people))
        or (Participant("Ana Ruiz", "Product Owner", Side.CUSTOMER),),
        materials_checked=tuple(script.prepared_materials[:2]),
        supplier="Lumen | Labs",
    )
    engine = SessionEngine.begin(script, loaded.source, setup, open_store(db), clock)
    engine.timing.start()
    signed_once = False
    skipped = next(  # a part the room ran out of time for
        (i for i, part in enumerate(script.parts) if part.id in SKIPPED), len(script.parts)
    )
    for index, part in enumerate(script.parts):
        if index == skipped + 1:
            engine.timing.skip()
        elif index:
            engine.timing.next_part()
        if index == skipped:
            clock.advance(30)  # its timer ran a moment before the room skipped it
            continue
        activity = part.activity
        note = engine.notes.add(f"Note on {part.name}: the room agreed to *carry on* | next")
        if index == 0:
            engine.notes.edit(note.key, f"{note.text}, after a break", "the break was agreed too")
            aside = engine.notes.add("An aside the sponsor asked to leave out")
            engine.notes.retract(aside.key, "off the record")
            engine.notes.add("The sponsor seems | unsure: check in at the break", private=True)
            engine.people.join("Jo Kim", "Observer", Side.SUPPLIER)
            engine.timing.extend(60)
        if index == 1:
            engine.timing.extend(-120)  # the room cut this part short, and still ran over
        if activity.kind == "cynefin":
            for n, item in enumerate(activity.items):
                row = engine.board.classify(item, DOMAINS[n % 4], f"reason {n}")
                if n == 0:
                    engine.board.move(row.key, CynefinDomain.COMPLEX, "it changed as we spoke")
                    engine.board.move(row.key, CynefinDomain.CHAOTIC, "a slip of the key")
                    engine.undo.take_back()  # Ctrl+Z: back in Complex
            engine.decisions.accept_agility()
            engine.decisions.overrule_agility(
                "Moderate agility: a fixed first release, then Sprint by Sprint"
            )
        elif activity.kind == "promises":
            negotiate(engine)
        elif activity.kind == "signoff":
            sign(engine, first_signoff=not signed_once)
            signed_once = True
        elif activity.kind == "decisions":
            decide(engine)
        elif activity.kind == "actions":
            change_after_signing(engine)
            for n, suggestion in enumerate(activity.suggested):
                action = engine.actions.add(
                    suggestion.text, suggestion.owner or "Kim Lee", date(2026, 12, 1 + n)
                )
                if n == 0:
                    engine.actions.update(action.key, done=True)
                if n == 1:
                    engine.actions.update(
                        action.key, owner=NAMES[0], due=date(2026, 12, 15), reason="on leave"
                    )
                if n == 2:
                    engine.actions.drop(action.key, "no longer needed: the | team has it already")
        clock.advance(part.duration + {0: 30, 1: 90}.get(index, -30))
    engine.timing.finish()
    clock.advance(3600)
    engine.corrections.reopen("We forgot to book the first review")
    engine.actions.add("Book the first review of this agreement", "Kim Lee", date(2027, 1, 8))
    engine.corrections.set_review_date(date(2027, 1, 15), "at the first Sprint Review")
    clock.advance(120)
    engine.timing.finish()
    return engine.session.id


def export(db: StoreLocation, session_id: int, *options: str) -> str:
    command = [sys.executable, "-m", "workshop_tui", "--db", db_argument(db), "export"]
    command.append(str(session_id))
    result = subprocess.run(
        [*command, *options, "-o", "-"],
        capture_output=True,
        text=True,
        check=True,
        encoding="utf-8",
    )
    return result.stdout


@pytest.mark.parametrize("script_path", SCRIPTS, ids=[p.stem for p in SCRIPTS])
def test_a_full_session_exports_both_documents_to_their_golden_files(
    store_location: StoreLocation, script_path: Path
) -> None:
    db = store_location
    session_id = run_full_session(db, script_path)
    script, session = open_store(db).load_session(session_id)
    notes = render_markdown(script, session)
    agreement = render_agreement(script, session)
    assert_golden(f"session-{script_path.stem}", notes)
    assert_golden(f"agreement-{script_path.stem}", agreement)
    assert render_markdown(script, session) == notes, "same session in, same bytes out"
    assert render_agreement(script, session) == agreement
    assert export(db, session_id) == notes
    assert export(db, session_id, "--agreement") == agreement


def test_there_are_three_bundled_scripts() -> None:
    assert [p.stem for p in SCRIPTS] == [
        "customer-working-agreement",
        "partnership-agreement",
        "product-engineering-agreement",
    ]
