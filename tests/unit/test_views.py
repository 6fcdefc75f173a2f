"""Read models folded from append-only records: latest wins, history kept, tallies, sign-off."""

from __future__ import annotations

import subprocess
import sys
from datetime import UTC, datetime, timedelta

from workshop_tui.content.model import Script
from workshop_tui.domain.kinds import CynefinDomain, DecisionMethod, PromiseStatus
from workshop_tui.domain.read_models import standing
from workshop_tui.domain.read_models.time_report import TimingTotals, timing_report, timing_totals
from workshop_tui.domain.records import ActionItem, Classification, Decision, Promise, SignOff
from workshop_tui.domain.rules.sections import signoff_progress
from workshop_tui.domain.snapshot import PartTiming

T0 = datetime(2026, 11, 21, 9, 0, tzinfo=UTC)


def at(minutes: int) -> datetime:
    return T0 + timedelta(minutes=minutes)


def placed(minute: int, key: str, domain: CynefinDomain, rationale: str = "") -> Classification:
    return Classification("classify", at(minute), key, key.title(), domain, rationale)


def promise(
    minute: int,
    key: str,
    party: str,
    text: str,
    status: PromiseStatus = PromiseStatus.PROPOSED,
) -> Promise:
    return Promise("promises", at(minute), key, party, text, status)


def signed(minute: int, section: str, role: str, person: str = "Someone") -> SignOff:
    return SignOff("sign", at(minute), section, section.title(), person, role, person[:2])


def test_views_import_neither_textual_nor_sqlalchemy() -> None:
    probe = (
        "import sys, workshop_tui.domain.read_models.standing; "
        "top = {m.split('.')[0] for m in sys.modules}; "
        "print(sorted(top & {'textual', 'sqlmodel', 'sqlalchemy'}))"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"


# Cynefin ------------------------------------------------------------------


def test_latest_classification_wins_in_order_of_first_placement() -> None:
    rows = [
        placed(1, "billing", CynefinDomain.COMPLEX),
        placed(2, "onboarding", CynefinDomain.CLEAR),
        placed(3, "billing", CynefinDomain.COMPLICATED),
    ]
    current = standing.current_classifications(rows)
    assert [(row.key, row.domain) for row in current] == [
        ("billing", CynefinDomain.COMPLICATED),
        ("onboarding", CynefinDomain.CLEAR),
    ]


def test_latest_means_last_written_even_if_the_clock_went_back() -> None:
    rows = [placed(10, "billing", CynefinDomain.COMPLEX), placed(5, "billing", CynefinDomain.CLEAR)]
    assert standing.current_classifications(rows)[0].domain is CynefinDomain.CLEAR


def test_classification_history_keeps_every_placement_of_one_item() -> None:
    rows = [
        placed(1, "billing", CynefinDomain.COMPLEX, "new"),
        placed(2, "onboarding", CynefinDomain.CLEAR),
        placed(3, "billing", CynefinDomain.COMPLEX, "newer"),
        placed(4, "billing", CynefinDomain.CHAOTIC),
    ]
    history = standing.classification_history(rows, "billing")
    assert [row.rationale for row in history] == ["new", "newer", ""]
    assert standing.classification_history(rows, "missing") == []


def test_earlier_domains_count_a_domain_once_per_stay() -> None:
    rows = [
        placed(1, "b", CynefinDomain.COMPLEX),
        placed(2, "b", CynefinDomain.COMPLEX, "edited"),
        placed(3, "b", CynefinDomain.CLEAR),
        placed(4, "b", CynefinDomain.COMPLEX),
    ]
    assert standing.earlier_domains(rows) == [CynefinDomain.COMPLEX, CynefinDomain.CLEAR]
    assert standing.earlier_domains(rows[:2]) == []


def test_board_has_every_domain_and_each_item_once() -> None:
    rows = [
        placed(1, "billing", CynefinDomain.COMPLEX),
        placed(2, "billing", CynefinDomain.CLEAR),
        placed(3, "outage", CynefinDomain.CHAOTIC),
    ]
    columns = standing.board(rows)
    assert list(columns) == list(CynefinDomain)
    assert [row.key for row in columns[CynefinDomain.CLEAR]] == ["billing"]
    assert columns[CynefinDomain.COMPLEX] == []
    assert [row.key for row in columns[CynefinDomain.CHAOTIC]] == ["outage"]
    assert standing.board([]) == {domain: [] for domain in CynefinDomain}


# Promises -----------------------------------------------------------------


def test_promise_thread_keeps_history_and_lists_amended_wording() -> None:
    rows = [
        promise(1, "p1", "Supplier", "Demo every sprint"),
        promise(2, "p2", "Customer", "Answer within a day"),
        promise(3, "p1", "Supplier", "Demo every sprint", PromiseStatus.PARKED),
        promise(4, "p1", "Supplier", "Demo fortnightly", PromiseStatus.AMENDED),
        promise(5, "p1", "Supplier", "Demo weekly", PromiseStatus.AGREED),
    ]
    threads = standing.promise_threads(rows)
    assert [thread.key for thread in threads] == ["p1", "p2"]
    first = threads[0]
    assert first.current.text == "Demo weekly"
    assert first.current.status is PromiseStatus.AGREED
    assert len(first.history) == 4
    assert first.history[-1] is first.current
    assert [row.text for row in first.amendments] == ["Demo every sprint", "Demo fortnightly"]
    assert first.amendments[0].at == at(3)  # the last revision with that wording
    assert first.first_at == at(1)
    assert threads[1].amendments == ()


def test_promises_by_party_keeps_the_given_order_and_appends_strangers() -> None:
    rows = [
        promise(1, "p1", "Regulator", "Review yearly"),
        promise(2, "p2", "Customer", "Answer within a day"),
        promise(3, "p3", "Supplier", "Demo"),
    ]
    grouped = standing.promises_by_party(rows, ["Supplier", "Customer", "Finance"])
    assert list(grouped) == ["Supplier", "Customer", "Finance", "Regulator"]
    assert grouped["Finance"] == []
    assert [thread.key for thread in grouped["Supplier"]] == ["p3"]


def test_agreed_tally_counts_current_status_only() -> None:
    rows = [
        promise(1, "p1", "Supplier", "Demo", PromiseStatus.AGREED),
        promise(2, "p2", "Supplier", "Fix bugs", PromiseStatus.AGREED),
        promise(3, "p1", "Supplier", "Demo", PromiseStatus.DECLINED),
        promise(4, "p3", "Customer", "Answer", PromiseStatus.PROPOSED),
        promise(5, "p3", "Customer", "Answer", PromiseStatus.AGREED),
        promise(6, "p4", "Customer", "Decide", PromiseStatus.AGREED),
        promise(7, "p5", "Regulator", "Review", PromiseStatus.PARKED),
    ]
    assert standing.agreed_tally(rows) == {"Supplier": 1, "Customer": 2, "Regulator": 0}


# Decisions and actions ----------------------------------------------------


def test_current_decisions_and_actions_take_the_latest_revision() -> None:
    decisions = [
        Decision("d", at(1), "d1", "Cadence?", DecisionMethod.CONSENT),
        Decision("d", at(2), "d2", "Start?", DecisionMethod.FIST_OF_FIVE),
        Decision("d", at(3), "d1", "Cadence?", DecisionMethod.CONSENT, "Weekly", agreed=True),
    ]
    current = standing.current_decisions(decisions)
    assert [(row.key, row.outcome) for row in current] == [("d1", "Weekly"), ("d2", "")]

    actions = [
        ActionItem("a", at(1), "a1", "Send notes"),
        ActionItem("a", at(2), "a2", "Book review", owner="Bo"),
        ActionItem("a", at(3), "a1", "Send notes", owner="Ada", done=True),
    ]
    assert [(row.key, row.owner, row.done) for row in standing.current_actions(actions)] == [
        ("a1", "Ada", True),
        ("a2", "Bo", False),
    ]


# Sign-off -----------------------------------------------------------------


SECTIONS = [("scope", "Scope", ["Sponsor", "Lead"]), ("ways", "Ways", ["Sponsor", "Coach"])]


def test_section_is_complete_when_every_required_role_signed() -> None:
    rows = [signed(1, "scope", "Sponsor"), signed(2, "ways", "Coach"), signed(3, "scope", "Lead")]
    scope, ways = signoff_progress(SECTIONS, rows)
    assert scope.section_id == "scope"
    assert scope.title == "Scope"
    assert scope.required == ("Sponsor", "Lead")
    assert scope.complete
    assert scope.missing == ()
    assert not ways.complete
    assert ways.missing == ("Sponsor",)


def test_a_role_signing_twice_counts_once_with_its_latest_signature() -> None:
    rows = [
        signed(1, "scope", "Sponsor", "Grace"),
        signed(2, "scope", " sponsor ", "Grace Hopper"),
        signed(3, "scope", "Observer", "Olly"),
    ]
    scope, ways = signoff_progress(SECTIONS, rows)
    assert [row.person for row in scope.signoffs] == ["Grace Hopper", "Olly"]
    assert scope.missing == ("Lead",)
    assert ways.signoffs == ()
    assert ways.missing == ("Sponsor", "Coach")


def test_signoffs_of_unknown_sections_are_ignored() -> None:
    progress = signoff_progress(SECTIONS, [signed(1, "gone", "Sponsor")])
    assert all(not section.signoffs for section in progress)


# Timing -------------------------------------------------------------------


def _script() -> Script:
    return Script.model_validate(
        {
            "id": "timed",
            "title": "Timed",
            "purpose": "Check timing",
            "duration": "1h",
            "parts": [
                {"name": "One", "duration": "10m"},
                {"name": "Two", "duration": "20m"},
                {"name": "Three", "duration": "15m"},
                {"name": "Four", "duration": "5m"},
            ],
        }
    )


def test_timing_report_compares_planned_and_actual_per_part() -> None:
    timings = [
        PartTiming("one", 600, elapsed_seconds=780.4, started_at=at(0), finished_at=at(13)),
        PartTiming("two", 1200, 300, elapsed_seconds=1260, started_at=at(13), finished_at=at(34)),
        PartTiming("three", 900, skipped=True),
        PartTiming("four", 300, elapsed_seconds=120, started_at=at(34), running_since=at(40)),
    ]
    one, two, three, four = timing_report(_script(), timings)
    assert (one.name, one.planned_seconds, one.actual_seconds, one.overrun_seconds) == (
        "One",
        600,
        780,
        180,
    )
    assert one.done and not one.skipped
    # Given five minutes more and run 21 of its 25: on time, overrun is against the time allowed.
    assert (two.extra_seconds, two.allowed_seconds, two.overrun_seconds) == (300, 1500, 0)
    assert three.skipped and three.done and three.actual_seconds == 0
    assert four.running and not four.done
    assert four.actual_seconds == 120  # only what elapsed before the current run
    totals = timing_totals([one, two, three, four])
    assert totals == TimingTotals(
        planned_seconds=3000,
        actual_seconds=2160,
        extra_seconds=300,
        overrun_seconds=180,
        added_seconds=300,
        removed_seconds=0,
    )


def test_time_taken_away_is_reported_like_time_added() -> None:
    timings = [
        # 10m planned, +1m then -3m: 8m allowed, run 9m.
        PartTiming("one", 600, -120, elapsed_seconds=540, finished_at=at(9), removed_seconds=180),
        # 20m planned, -5m: 15m allowed, run 12m.
        PartTiming("two", 1200, -300, elapsed_seconds=720, finished_at=at(21), removed_seconds=300),
    ]
    one, two, *_ = timing_report(_script(), timings)
    assert (one.added_seconds, one.removed_seconds, one.allowed_seconds) == (60, 180, 480)
    assert one.overrun_seconds == 60
    assert (two.removed_seconds, two.allowed_seconds, two.overrun_seconds) == (300, 900, 0)
    totals = timing_totals([one, two])
    assert (totals.added_seconds, totals.removed_seconds, totals.extra_seconds) == (60, 480, -420)
    assert totals.allowed_seconds == 1380 and totals.overrun_seconds == 60


def test_part_without_timing_is_reported_as_not_started() -> None:
    reports = timing_report(_script(), [PartTiming("gone", 60, elapsed_seconds=60)])
    assert [report.part_id for report in reports] == ["one", "two", "three", "four"]
    assert all(not report.started and report.actual_seconds == 0 for report in reports)
    assert reports[1].planned_seconds == 1200


def test_the_agenda_is_drawn_from_the_snapshot_alone_with_the_run_going_on() -> None:
    from workshop_tui.domain.kinds import SessionState
    from workshop_tui.domain.read_models.time_report import agenda_rows, live_elapsed
    from workshop_tui.domain.snapshot import SessionSetup, SessionSnapshot

    timings = [
        PartTiming("one", 600, 60, elapsed_seconds=700, finished_at=at(12)),
        PartTiming(
            "two", 1200, -300, elapsed_seconds=60, running_since=at(12), removed_seconds=300
        ),
        PartTiming("three", 900),
        PartTiming("four", 300),
    ]
    session = SessionSnapshot(
        1,
        "timed",
        "Timed",
        SessionSetup("Acme"),
        SessionState.RUNNING,
        1,
        at(0),
        at(30),
        started_at=at(0),
        timings=timings,
    )
    now = at(30)  # the second part has run 18 more minutes since 09:12
    rows = agenda_rows(_script(), session, [live_elapsed(t, now) for t in timings], at(0))
    assert [row.status for row in rows] == ["done", "current", "upcoming", "upcoming"]
    one, two = rows[:2]
    assert (one.allowed_seconds, one.actual_seconds, one.overrun_seconds) == (660, 700, 40)
    assert (two.added_seconds, two.removed_seconds, two.allowed_seconds) == (0, 300, 900)
    assert two.actual_seconds == 60 + 18 * 60 and two.overrun_seconds == 240
    assert two.planned_start == at(10) and two.planned_end == at(30)
