"""Pull before you go: a colleague's version 1 comes down, version 2 is negotiated offline and
pushed; two laptops that renegotiated the same version offline both keep theirs (a fork)."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import date
from pathlib import Path

from tests.conftest import REPO
from tests.unit.engine_fixtures import ROOM, SOURCE, agreement_script
from tests.unit.sync_helpers import exports_of, laptop_and_team, rows_of, team_id
from workshop_tui.app.living import fork_of, prepare_renegotiation
from workshop_tui.domain.clock import FakeClock
from workshop_tui.domain.engine import SessionEngine
from workshop_tui.domain.living import chain
from workshop_tui.domain.ports import SessionStore
from workshop_tui.domain.snapshot import SessionSetup
from workshop_tui.storage.sync.pull import pull_customer
from workshop_tui.storage.sync.push import push_all

DAY = 24 * 3600


def first_version(store: SessionStore, clock: FakeClock, facilitator: str) -> int:
    setup = SessionSetup(customer="Acme Health", facilitator=facilitator, participants=ROOM)
    engine = SessionEngine.begin(agreement_script(), SOURCE, setup, store, clock)
    engine.timing.start()
    engine.timing.go_to(1)
    demo = engine.promises.add("Supplier", "Demo every sprint")
    engine.promises.agree(demo.key)
    engine.timing.go_to(4)
    engine.actions.add("Send the minutes", "Kim", date(2026, 11, 28))
    clock.advance(600)
    engine.timing.finish()
    engine.corrections.set_review_date(date(2026, 12, 21))
    engine.close()
    return engine.session.id


def next_version(store: SessionStore, clock: FakeClock, session_id: int, wording: str) -> int:
    clock.advance(30 * DAY)
    plan = prepare_renegotiation(store, session_id)
    engine = SessionEngine.begin(
        plan.loaded.script,
        plan.loaded.source,
        plan.setup,
        store,
        clock,
        baseline=plan.baseline,
        carried=plan.carried,
    )
    engine.timing.start()
    engine.timing.go_to(1)
    by_text = {p.text: p.key for p in engine.session.promises}
    engine.promises.amend(by_text["Demo every sprint"], wording)
    (carried,) = [a for a in engine.session.actions if a.carried_from]
    engine.actions.complete(carried.key, "sent")
    clock.advance(600)
    engine.timing.finish()
    engine.close()
    return engine.session.id


def history(team_url: str) -> str:
    done = subprocess.run(
        [sys.executable, "-m", "workshop_tui", "history", "acme health", "--db", team_url],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(REPO)},
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_pull_renegotiate_offline_then_push_links_version_2_to_version_1(
    tmp_path: Path, pg_url: str
) -> None:
    clock = FakeClock()
    with laptop_and_team(tmp_path / "ana.db", pg_url) as (ana, _, ana_stores):
        first_version(ana, clock, "Ana Lima")
        push_all(ana_stores)
    with laptop_and_team(tmp_path / "bo.db", pg_url) as (bo, team, bo_stores):
        pulled = pull_customer(bo_stores, "ACME  health")
        assert (pulled.added, pulled.updated, pulled.kept) == (1, 0, 0)
        (here,) = bo.list_sessions()
        # offline from here on: version 2 is negotiated from what was pulled alone
        v2 = next_version(bo, clock, here.id, "Demo every two weeks")
        _, renegotiated = bo.load_session(v2)
        assert renegotiated.renegotiates == here.id
        pushed = push_all(bo_stores)
        assert [p.session_id for p in pushed] == [v2]  # the pulled version stays as it was
        there = team_id(team, bo, v2)
        assert rows_of(team, there) == rows_of(bo, v2)
        assert exports_of(team, there) == exports_of(bo, v2)
        summaries = team.list_sessions()
        assert chain.versions(summaries)[there] == 2
        _, on_team = team.load_session(there)
        assert on_team.renegotiates == team_id(team, bo, here.id)
    said = history(pg_url)  # the team's history: version 1 by Ana, version 2 from Bo's laptop
    lines = [line.split() for line in said.splitlines() if line[:1].isdigit()]
    assert [(line[3], line[4]) for line in lines] == [("1", "finished"), ("2", "finished")]
    assert "Ana" in said


def test_two_laptops_renegotiating_one_version_offline_both_keep_theirs(
    tmp_path: Path, pg_url: str
) -> None:
    clock = FakeClock()
    with laptop_and_team(tmp_path / "ana.db", pg_url) as (ana, team, ana_stores):
        v1 = first_version(ana, clock, "Ana Lima")
        push_all(ana_stores)
    with laptop_and_team(tmp_path / "bo.db", pg_url) as (bo, _, bo_stores):
        pull_customer(bo_stores, "Acme Health")
        (pulled,) = bo.list_sessions()
        bo_v2 = next_version(bo, clock, pulled.id, "Demo every two weeks")
    with laptop_and_team(tmp_path / "ana.db", pg_url) as (ana, team, ana_stores):
        ana_v2 = next_version(ana, clock, v1, "Demo every month")
        push_all(ana_stores)
        ana_there = team_id(team, ana, ana_v2)
    with laptop_and_team(tmp_path / "bo.db", pg_url) as (bo, team, bo_stores):
        push_all(bo_stores)
        bo_there = team_id(team, bo, bo_v2)
        ends = fork_of(team, bo_there)
        assert [end.id for end in ends] == sorted([ana_there, bo_there])
        versions = chain.versions(team.list_sessions())
        assert versions[ana_there] == versions[bo_there] == 2
        _, ana_side = team.load_session(ana_there)
        _, bo_side = team.load_session(bo_there)
        assert {p.text for p in ana_side.promises} >= {"Demo every month"}
        assert {p.text for p in bo_side.promises} >= {"Demo every two weeks"}
    said = history(pg_url)
    assert "renegotiated 2 times" in said and "asks which one to build on" in said
