"""One full session of each bundled script, run through the engine and a real store,
exported to Markdown and compared with its golden file (UPDATE_GOLDENS=1 rewrites them)."""

from __future__ import annotations

import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from tests.conftest import BUNDLED
from tests.golden_files import assert_golden
from workshop_tui.content.loader import load_script
from workshop_tui.domain.clock import FakeClock
from workshop_tui.domain.decisions import CONSENT_OUTCOME
from workshop_tui.domain.engine import SessionEngine
from workshop_tui.domain.kinds import CynefinDomain, DecisionMethod, PromiseStatus
from workshop_tui.domain.records import Objection, Participant
from workshop_tui.domain.snapshot import SessionSetup
from workshop_tui.export.markdown import render_markdown
from workshop_tui.storage import open_store

SCRIPTS = sorted(BUNDLED.glob("*.yaml"))
DOMAINS = list(CynefinDomain)


def run_full_session(db: Path, script_path: Path) -> int:
    """Drive every part of the script the way a facilitator would; return the session id."""
    loaded = load_script(script_path)
    script = loaded.script
    clock = FakeClock()
    roles = sorted(
        {
            role
            for part in script.parts
            if part.activity.kind == "signoff"
            for section in part.activity.sections
            for role in part.activity.roles_for(section)
        }
    )
    people = tuple(Participant(f"Person {i + 1}", role) for i, role in enumerate(roles))
    setup = SessionSetup(
        customer="Acme | Health <Trust>",
        facilitator="Kim Lee",
        participants=people or (Participant("Ana Ruiz", "Product Owner"),),
        materials_checked=tuple(script.prepared_materials[:2]),
    )
    engine = SessionEngine.begin(script, loaded.source, setup, open_store(db), clock)
    engine.start()
    for index, part in enumerate(script.parts):
        if index:
            engine.next_part()
        activity = part.activity
        engine.add_note(f"Note on {part.name}: the room agreed to *carry on* | next")
        if activity.kind == "cynefin":
            for n, item in enumerate(activity.items):
                row = engine.classify(item, DOMAINS[n % 4], f"reason {n}")
                if n == 0:
                    engine.move_item(row.key, CynefinDomain.COMPLEX, "it changed as we spoke")
            engine.accept_agility()
        elif activity.kind == "promises":
            for party in activity.parties:
                for n, template in enumerate(party.promises):
                    promise = engine.add_promise(party.name, template.text, note=template.detail)
                    if n == 0:
                        engine.set_promise(promise.key, status=PromiseStatus.AGREED, owner="Kim")
                    elif n == 1:
                        engine.amend_promise(promise.key, template.text + " (reviewed monthly)")
                    else:
                        engine.set_promise(promise.key, status=PromiseStatus.PARKED)
        elif activity.kind == "signoff":
            for section in activity.sections:
                for role in activity.roles_for(section):
                    person = next((p.name for p in people if p.role == role), role)
                    engine.sign(section.id, person, role, "".join(w[0] for w in person.split()))
        elif activity.kind == "decisions":
            for question in activity.questions:
                if question.method is DecisionMethod.CONSENT:
                    engine.record_decision(
                        question.question,
                        question.method,
                        outcome=CONSENT_OUTCOME,
                        agreed=True,
                        objections=(Objection("Too early to say", "Revisit in two Sprints"),),
                    )
                elif question.method is DecisionMethod.FIST_OF_FIVE:
                    engine.record_decision(
                        question.question,
                        question.method,
                        outcome="Agreed on the second round",
                        agreed=True,
                        rounds=({"2": 1, "3": 3, "4": 2}, {"3": 2, "4": 3, "5": 1}),
                    )
                else:
                    votes = {
                        option: (len(question.options) - i) * 2
                        for i, option in enumerate(question.options)
                    }
                    engine.record_decision(
                        question.question,
                        question.method,
                        outcome=question.options[0],
                        agreed=True,
                        votes=votes,
                    )
        elif activity.kind == "actions":
            for n, suggestion in enumerate(activity.suggested):
                action = engine.add_action(
                    suggestion.text, suggestion.owner or "Kim Lee", date(2026, 12, 1 + n)
                )
                if n == 0:
                    engine.update_action(action.key, done=True)
        clock.advance(part.duration + (90 if index == 1 else -30))
    engine.finish()
    return engine.session.id


@pytest.mark.parametrize("script_path", SCRIPTS, ids=[p.stem for p in SCRIPTS])
def test_a_full_session_exports_to_its_golden_file(tmp_path: Path, script_path: Path) -> None:
    db = tmp_path / "golden.db"
    session_id = run_full_session(db, script_path)
    script, session = open_store(db).load_session(session_id)
    markdown = render_markdown(script, session)
    assert_golden(f"session-{script_path.stem}", markdown)
    assert render_markdown(script, session) == markdown, "same session in, same bytes out"

    command = [
        sys.executable,
        "-m",
        "workshop_tui",
        "--db",
        str(db),
        "export",
        str(session_id),
        "-o",
        "-",
    ]
    result = subprocess.run(command, capture_output=True, text=True, check=True, encoding="utf-8")
    assert result.stdout == markdown


def test_there_are_three_bundled_scripts() -> None:
    assert [p.stem for p in SCRIPTS] == [
        "customer-working-agreement",
        "partnership-agreement",
        "product-engineering-agreement",
    ]
