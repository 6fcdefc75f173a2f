"""The full session notes, section by section, read back with markdown-it as GitHub would."""

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
    facts = list_items(tokens)[:7]
    assert facts == [
        "Date: 2026-11-21",
        "Customer: Acme & Sons",
        "Facilitator: Ada Lovelace",
        "Time: 09:00–10:30",  # to when it first finished, before it was reopened
        "Status: Paused",
        "Review date: 2026-12-21",
        "Reopened to correct it: once, last on 2026-11-21 at 10:31",
    ]
    assert rendered.count("UTC") == 1


def test_sections_come_in_a_fixed_order(tokens: list[Token]) -> None:
    assert [text for tag, text in headings(tokens) if tag == "h2"] == [
        "Participants",
        "Agenda",
        "Notes",
        "Cynefin board",
        "Type of work and level of agility",
        "Promises",
        "Decisions",
        "Sign-off",
        "Action items",
        "Corrections after the session",
        "Intended outcomes and what came out",
    ]


def test_participants_table(tokens: list[Token]) -> None:
    (table,) = tables(section(tokens, "Participants"))
    assert table == [
        ["Name", "Role"],
        ["Grace Hopper", "Sponsor"],
        ["Linus | Torvalds", "Lead"],
        ["Noor", ""],
    ]


def test_agenda_shows_time_added_taken_away_and_overrun_against_the_time_allowed(
    tokens: list[Token],
) -> None:
    (table,) = tables(section(tokens, "Agenda"))
    assert table[0] == [
        "#",
        "Part",
        "Planned",
        "Added",
        "Taken away",
        "Allowed",
        "Actual",
        "Overrun",
        "Status",
    ]
    assert table[1] == ["1", "Opening", "10m", "", "", "10m", "12m", "+2m", "Done"]
    assert table[2] == ["2", "Classify the work", "20m", "", "", "20m", "18m", "", "Done"]
    # Given 5 minutes more and run 38: 3 over the 35 allowed, not 8 over the plan.
    assert table[3] == ["3", "Promises", "30m", "+5m", "", "35m", "38m", "+3m", "Done"]
    assert table[4][-1] == "Skipped"
    # 15m planned, 1m given and 6m taken away: 10m allowed, run 17m.
    assert table[5] == ["5", "Sign the agreement", "15m", "+1m", "-6m", "10m", "17m", "+7m", "Done"]
    assert table[6][-1] == "Paused"
    assert table[7][-1] == "Not reached"
    assert table[8] == ["", "Total", "1h45m", "+6m", "-6m", "1h45m", "1h28m", "+11m", ""]


def test_notes_only_under_parts_that_have_some_with_their_corrections(tokens: list[Token]) -> None:
    notes = section(tokens, "Notes")
    assert headings(notes) == [("h3", "1. Opening"), ("h3", "3. Promises"), ("h3", "retired-part")]
    assert list_items(notes) == [
        "09:02 — Everyone arrived on time.",
        "09:08 — Concern: budget is 10% short\n"
        "Corrected at 09:46 (typo); it read: Concern: *budget* is tight\n"
        "Second line: see [doc](x)",
        "09:47 — retracted at 09:48 (off record)\nIt read: Said in jest",
        "09:40 — Customer asked about weekends.",
        "09:45 — A note from a part no longer in the script.",
    ]


def test_cynefin_board_by_domain_with_earlier_placements(tokens: list[Token]) -> None:
    board = section(tokens, "Cynefin board")
    assert [text for _, text in headings(board)] == ["Clear (1)", "Complicated (1)", "Chaotic (1)"]
    assert list_items(board) == [
        "Onboarding",
        "Billing — Experts exist\nEarlier: Complex",
        "Outage response",
    ]


def test_promises_as_they_stand_with_reasons_and_history(tokens: list[Token]) -> None:
    promises = section(tokens, "Promises")
    assert [text for _, text in headings(promises)] == ["Supplier", "Customer", "Regulator"]
    assert paragraphs(promises) == ["Promised:", "Still open:", "Declined, so not promised:"]
    assert list_items(promises) == [
        "Demo every two weeks — owner: Linus\nNote: Unless a holiday falls\non the demo day",
        "09:32 proposed: Demo every sprint",
        "09:35 amended: Demo every two weeks; reason: Sprints are two weeks",
        "09:38 agreed; owner: Linus; note: Unless a holiday falls on the demo day",
        "Answer within a day — not decided yet",
        "Name one decider — parked: The board names one in March",
        "Review yearly — declined: Not a party to this agreement",
    ]


def test_decisions_with_method_votes_objections_and_outcome(tokens: list[Token]) -> None:
    decisions = section(tokens, "Decisions")
    assert [text for _, text in headings(decisions)] == [
        "How much agility does the work call for?",
        "Which cadence?",
        "Start in January?",
        "Share the backlog?",
    ]
    assert list_items(decisions) == [
        "Method: Facilitator's call",
        "Advised by the Cynefin board: Plan with experts, then deliver in increments.",
        "Outcome: The room chose — Moderate agility, fixed first release",
        "Method: Dot voting",
        "Outcome: Agreed — Weekly demos",
        "Method: Fist of five",
        "Outcome: Agreed — Start on 12 January",
        "Method: Consent",
        "Objection: Contains salaries\nResolution: Redact the HR epics",
        "Objection: Too early\nUnresolved",
        "Outcome: Not agreed",
    ]
    votes, rounds = tables(decisions)
    assert votes == [["Option", "Dots"], ["Weekly", "9"], ["Fortnightly", "4"]]
    assert rounds == [
        ["Round", "5 fingers", "4 fingers", "3 fingers", "2 fingers", "1 finger", "0 fingers"],
        ["1", "3", "0", "1", "0", "2", "0"],
        ["2", "3", "2", "1", "0", "0", "0"],
    ]


def test_signoff_shows_each_wording_and_who_initialled_which_version(tokens: list[Token]) -> None:
    signoff = section(tokens, "Sign-off")
    assert [text for _, text in headings(signoff)] == [
        "Scope",
        "Ways of working",
        "Supplier promises",
        "Terms",
    ]
    scope, ways, supplier, terms = tables(signoff)
    assert scope[1:] == [
        ["Sponsor", "Grace Hopper", "GH", "version 1, this wording", "10:15"],
        ["Lead", "Linus Torvalds", "LT", "version 1, this wording", "10:16"],
    ]
    assert ways[1:] == [
        ["Sponsor", "Grace Hopper", "GH", "version 1, this wording", "10:19"],
        ["Lead", "Linus Torvalds", "", "held: Needs HR to agree first", "10:20"],
        ["Coach", "", "", "not initialled", ""],
    ]
    assert supplier[1:] == [
        ["Sponsor", "Grace Hopper", "GH", "version 1, an earlier wording", "10:21"],
        ["Lead", "Linus Torvalds", "LT", "version 2, this wording", "10:22"],
    ]
    assert terms[2] == ["Lead", "", "", "not initialled", ""]
    said = paragraphs(signoff)
    assert said[1].startswith("Complete: initialled by every role for this wording (version 1")
    assert (
        "Lead holds their initial (Needs HR to agree first); Coach has not initialled." in said[3]
    )
    assert any(text.endswith("Sponsor initialled an earlier wording.") for text in said)
    # The wording the room reads now, as a quote with what the section presents ...
    assert "Demo every two weeks (owner: Linus); note: Unless a holiday falls\non the demo day" in (
        list_items(signoff)
    )
    # ... and the earlier wording the Sponsor initialled, word for word.
    assert "Supplier makes no promise yet." in said
    assert "Still open:\n- Demo every sprint (not decided yet)" in said


def test_signoff_history_lists_every_initial_hold_and_withdrawal(tokens: list[Token]) -> None:
    items = list_items(section(tokens, "Sign-off"))
    assert "10:19 sponsor (Grace Hopper) initialled version 1 as GH, again: G was a typo" in items
    assert "10:20 Lead (Linus Torvalds) held their initial: Needs HR to agree first" in items
    assert "10:24 Sponsor (Noor) withdrew their initial: Signed for the wrong role" in items


def test_action_items_with_owner_due_date_done_and_their_changes(tokens: list[Token]) -> None:
    actions = section(tokens, "Action items")
    (table,) = tables(actions)
    assert table == [
        ["#", "Action", "Owner", "Due", "Status"],
        ["1", "Send the notes", "Ada", "2026-11-23", "Done"],
        ["2", "Book the review", "", "2026-12-19", "Open"],
    ]
    assert list_items(actions) == [
        "10:29 action 1: due date was none (Ada leaves on the 24th)",
        "10:30 action 1: marked done",
    ]


def test_corrections_after_the_session(tokens: list[Token]) -> None:
    assert list_items(section(tokens, "Corrections after the session")) == [
        "Reopened on 2026-11-21 at 10:31 (it had finished at 10:30): Forgot the review"
    ]


def test_takeaways_are_the_scripts_intentions_beside_what_came_out(tokens: list[Token]) -> None:
    outcomes = section(tokens, "Intended outcomes and what came out")
    assert paragraphs(outcomes) == [
        "What the script sets out to produce (its wording):",
        "What this session produced:",
    ]
    assert list_items(outcomes) == [
        "Promises are kept by people, not documents.",
        "Revisit in a month.",
        "Promises: 1 promised (Supplier: 1), 2 still open, 1 declined",
        "Level of agility: agreed",
        "Decisions: 3 recorded, 0 not decided",
        "Sign-off: 1 of 4 sections complete",
        "Actions: 2 (1 open, 1 done), 1 with an owner and a due date",
        "Notes: 4",
        "Review date: 2026-12-21",
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
        ("h2", "Type of work and level of agility"),
        ("h2", "Sign-off"),
        ("h3", "Scope"),
        ("h3", "Ways of working"),
        ("h3", "Supplier promises"),
        ("h3", "Terms"),
        ("h2", "Intended outcomes and what came out"),
    ]
    assert list_items(tokens)[:2] == ["Date: 2026-11-20", "Status: Not started"]
    agenda, *sections = tables(tokens)
    assert [row[-1] for row in agenda[1:-1]] == ["Not reached"] * 7
    assert all(row[3] == "not initialled" for table in sections for row in table[1:])


def test_times_are_written_in_utc_whatever_zone_they_came_in() -> None:
    plus_two = timezone(timedelta(hours=2))
    session = sample_session()
    session.started_at = datetime(2026, 11, 22, 1, 30, tzinfo=plus_two)  # 23:30 UTC the day before
    session.finished_at = datetime(2026, 11, 21, 23, 45)  # naive: taken as UTC
    session.events = []  # never reopened: it finished when it says
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
    assert agenda[6] == ["6", "Next steps", "10m", "", "", "10m", "3m", "", "Running"]


def test_rendering_is_deterministic_and_tidy(rendered: str) -> None:
    again = render_markdown(sample_script(), sample_session())
    assert again.encode() == rendered.encode()
    assert rendered.endswith("\n") and not rendered.endswith("\n\n")
    assert all(line == line.rstrip() for line in rendered.split("\n"))
    assert "\n\n\n" not in rendered


def test_fist_of_five_rounds_list_fingers_high_to_low_whatever_the_keys() -> None:
    session = sample_session()
    session.decisions = [
        replace(session.decisions[3], rounds=({"²": 1, "2": 1, "5": 2, "x": 3, "10": 1},))
    ]
    (rounds,) = tables(section(parse(render_markdown(sample_script(), session)), "Decisions"))
    assert rounds == [
        [
            "Round",
            "10 fingers",
            "5 fingers",
            "4 fingers",
            "3 fingers",
            "2 fingers",
            "1 finger",
            "0 fingers",
            "x fingers",
            "² fingers",
        ],
        ["1", "1", "2", "0", "0", "1", "0", "0", "3", "1"],
    ]
