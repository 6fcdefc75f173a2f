"""The Markdown export, section by section, read back with markdown-it as GitHub would."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta, timezone

import pytest
from markdown_it.token import Token

from tests.unit.test_export_samples import (
    at,
    headings,
    list_items,
    parse,
    sample_script,
    sample_session,
    section,
    tables,
    text_of,
)
from workshop_tui.domain.kinds import SessionState
from workshop_tui.domain.records import Note
from workshop_tui.domain.snapshot import SessionSetup, SessionSnapshot
from workshop_tui.export.markdown import render_markdown


@pytest.fixture(scope="module")
def rendered() -> str:
    return render_markdown(sample_script(), sample_session())


@pytest.fixture(scope="module")
def tokens(rendered: str) -> list[Token]:
    return parse(rendered)


def paragraphs(tokens: list[Token]) -> list[str]:
    return [
        text_of(tokens[index + 1])
        for index, token in enumerate(tokens)
        if token.type == "paragraph_open" and not token.hidden
    ]


def test_title_and_facts_of_the_session(tokens: list[Token], rendered: str) -> None:
    assert headings(tokens)[0] == ("h1", "Sample Working Agreement — Acme & Sons")
    facts = list_items(tokens)[:5]
    assert facts == [
        "Date: 2026-11-21",
        "Customer: Acme & Sons",
        "Facilitator: Ada Lovelace",
        "Time: started 09:00",
        "Status: Paused",
    ]
    assert rendered.count("UTC") == 1


def test_sections_come_in_a_fixed_order(tokens: list[Token]) -> None:
    assert [text for tag, text in headings(tokens) if tag == "h2"] == [
        "Participants",
        "Agenda",
        "Notes",
        "Cynefin board",
        "Promises",
        "Decisions",
        "Sign-offs",
        "Action items",
        "Takeaways",
    ]


def test_participants_table(tokens: list[Token]) -> None:
    (table,) = tables(section(tokens, "Participants"))
    assert table == [
        ["Name", "Role"],
        ["Grace Hopper", "Sponsor"],
        ["Linus | Torvalds", "Lead"],
        ["Noor", ""],
    ]


def test_agenda_shows_planned_actual_overrun_and_totals(tokens: list[Token]) -> None:
    (table,) = tables(section(tokens, "Agenda"))
    assert table[0] == ["#", "Part", "Planned", "Extended", "Actual", "Overrun", "Status"]
    assert table[1] == ["1", "Opening", "10m", "", "12m", "+2m", "Done"]
    assert table[2] == ["2", "Classify the work", "20m", "", "18m", "", "Done"]
    assert table[3] == ["3", "Promises", "30m", "+5m", "38m", "+3m", "Done"]  # against 35m allowed
    assert table[4][-1] == "Skipped"
    assert table[6][-1] == "Paused"
    assert table[7][-1] == "Not reached"
    assert table[8] == ["", "Total", "1h45m", "+5m", "1h28m", "+6m", ""]


def test_notes_only_under_parts_that_have_some(tokens: list[Token]) -> None:
    notes = section(tokens, "Notes")
    assert headings(notes) == [("h3", "1. Opening"), ("h3", "3. Promises"), ("h3", "retired-part")]
    assert list_items(notes)[1] == ("09:08 — Concern: *budget* is tight\nSecond line: see [doc](x)")


def test_cynefin_board_by_domain_with_earlier_placements(tokens: list[Token]) -> None:
    board = section(tokens, "Cynefin board")
    assert [text for _, text in headings(board)] == ["Clear (1)", "Complicated (1)", "Chaotic (1)"]
    assert list_items(board) == [
        "Onboarding",
        "Billing — Experts exist\nEarlier: Complex",
        "Outage response",
    ]


def test_promises_per_party_with_status_owner_note_and_amendments(tokens: list[Token]) -> None:
    promises = section(tokens, "Promises")
    assert [text for _, text in headings(promises)] == ["Supplier", "Customer", "Regulator"]
    assert paragraphs(promises)[0] == "1 of 1 agreed."
    assert list_items(promises) == [
        "Demo every two weeks — agreed, owner: Linus\n"
        "Note: Unless a holiday falls\non the demo day",
        "was: Demo every sprint",
        "Answer within a day — proposed",
        "Name one decider — parked",
        "Review yearly — declined",
    ]


def test_decisions_with_method_votes_objections_and_outcome(tokens: list[Token]) -> None:
    decisions = section(tokens, "Decisions")
    assert [text for _, text in headings(decisions)] == [
        "Which cadence?",
        "Start in January?",
        "Share the backlog?",
    ]
    assert list_items(decisions) == [
        "Method: Dot voting",
        "Dots: Weekly: 9, Fortnightly: 4",
        "Outcome: Agreed — Weekly demos",
        "Method: Fist of five",
        "Round 1: 5 fingers ×3, 3 fingers ×1, 1 finger ×2",
        "Round 2: 5 fingers ×3, 4 fingers ×2, 3 fingers ×1",
        "Outcome: Agreed — Start on 12 January",
        "Method: Consent",
        "Objection: Contains salaries\nResolution: Redact the HR epics",
        "Objection: Too early\nUnresolved",
        "Outcome: Not agreed",
    ]


def test_signoffs_mark_incomplete_sections_with_missing_roles(tokens: list[Token]) -> None:
    signoffs = section(tokens, "Sign-offs")
    assert [text for _, text in headings(signoffs)] == ["Scope", "Ways of working"]
    assert paragraphs(signoffs) == ["Complete.", "Incomplete: missing Lead, Coach."]
    scope, ways = tables(signoffs)
    assert scope[1:] == [
        ["Sponsor", "Grace Hopper", "GH", "10:15"],
        ["Lead", "Linus Torvalds", "LT", "10:16"],
    ]
    assert ways[1:] == [["sponsor", "Grace Hopper", "GH", "10:19"]]


def test_action_items_with_owner_due_date_and_done(tokens: list[Token]) -> None:
    (table,) = tables(section(tokens, "Action items"))
    assert table == [
        ["#", "Action", "Owner", "Due", "Status"],
        ["1", "Send the notes", "Ada", "2026-11-23", "Done"],
        ["2", "Book the review", "", "2026-12-19", "Open"],
    ]


def test_takeaways_of_the_script(tokens: list[Token]) -> None:
    assert list_items(section(tokens, "Takeaways")) == [
        "Promises are kept by people, not documents.",
        "Revisit in a month.",
    ]


def test_sections_with_nothing_recorded_are_left_out() -> None:
    bare = SessionSnapshot(
        id=1,
        script_id="sample-agreement",
        script_title="Sample Working Agreement",
        setup=SessionSetup(customer=""),
        state=SessionState.SETUP,
        current_part=0,
        created_at=datetime(2026, 11, 20, 16, 0, tzinfo=UTC),
        last_seen_at=datetime(2026, 11, 20, 16, 0, tzinfo=UTC),
    )
    tokens = parse(render_markdown(sample_script(), bare))
    assert headings(tokens) == [
        ("h1", "Sample Working Agreement"),
        ("h2", "Agenda"),
        ("h2", "Takeaways"),
    ]
    assert list_items(tokens)[:2] == ["Date: 2026-11-20", "Status: Not started"]
    (agenda,) = tables(tokens)
    assert [row[-1] for row in agenda[1:-1]] == ["Not reached"] * 7


def test_times_are_written_in_utc_whatever_zone_they_came_in() -> None:
    plus_two = timezone(timedelta(hours=2))
    session = sample_session()
    session.started_at = datetime(2026, 11, 22, 1, 30, tzinfo=plus_two)  # 23:30 UTC the day before
    session.finished_at = datetime(2026, 11, 21, 23, 45)  # naive: taken as UTC
    session.notes = [Note("opening", datetime(2026, 11, 22, 1, 35, tzinfo=plus_two), "Late")]
    tokens = parse(render_markdown(sample_script(), session))
    items = list_items(tokens)
    assert items[0] == "Date: 2026-11-21"
    assert "Time: 23:30–23:45" in items
    assert "23:35 — Late" in items


def test_a_running_part_counts_only_time_elapsed_before_this_run() -> None:
    session = sample_session()
    session.state = SessionState.RUNNING
    session.timings[5] = replace(session.timings[5], running_since=at(95))
    (agenda,) = tables(section(parse(render_markdown(sample_script(), session)), "Agenda"))
    assert agenda[6] == ["6", "Next steps", "10m", "", "3m", "", "Running"]


def test_rendering_is_deterministic_and_tidy(rendered: str) -> None:
    again = render_markdown(sample_script(), sample_session())
    assert again.encode() == rendered.encode()
    assert rendered.endswith("\n") and not rendered.endswith("\n\n")
    assert all(line == line.rstrip() for line in rendered.split("\n"))
    assert "\n\n\n" not in rendered


def test_fist_of_five_rounds_list_fingers_high_to_low_whatever_the_keys() -> None:
    session = sample_session()
    session.decisions = [
        replace(session.decisions[2], rounds=({"²": 1, "2": 1, "5": 2, "x": 3, "10": 1},))
    ]
    items = list_items(section(parse(render_markdown(sample_script(), session)), "Decisions"))
    assert items[1] == (
        "Round 1: 10 fingers ×1, 5 fingers ×2, 2 fingers ×1, x fingers ×3, ² fingers ×1"
    )
