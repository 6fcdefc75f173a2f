"""The agreement document: what was agreed, what stays open, who initialled which wording."""

from __future__ import annotations

import pytest
from markdown_it.token import Token

from tests.unit.test_export_samples import (
    headings,
    list_items,
    parse,
    sample_script,
    sample_session,
    section,
    tables,
    text_of,
)
from workshop_tui.domain.read_models.agreement import agreement_of
from workshop_tui.export.agreement import render_agreement


@pytest.fixture(scope="module")
def rendered() -> str:
    return render_agreement(sample_script(), sample_session())


@pytest.fixture(scope="module")
def tokens(rendered: str) -> list[Token]:
    return parse(rendered)


def paragraphs(tokens: list[Token]) -> list[str]:
    return [
        text_of(tokens[index + 1])
        for index, token in enumerate(tokens)
        if token.type == "paragraph_open" and not token.hidden
    ]


def test_the_agreement_holds_what_a_contract_appendix_needs_in_order(tokens: list[Token]) -> None:
    assert headings(tokens)[0] == ("h1", "Agreement: Sample Working Agreement — Acme & Sons")
    assert [text for tag, text in headings(tokens) if tag == "h2"] == [
        "What is still open",
        "Parties and people",
        "Type of work and level of agility",
        "Promises",
        "Decisions",
        "Sign-off",
        "Action items",
    ]
    assert list_items(tokens)[:6] == [
        "Date: 2026-11-21",
        "Customer: Acme & Sons",
        "Facilitator: Ada Lovelace",
        "Status: Paused",
        "Review date: 2026-12-21",
        "Reopened to correct it: once, last on 2026-11-21 at 10:31",
    ]


def test_it_leaves_out_how_the_session_went(rendered: str) -> None:
    for only_in_the_notes in (
        "Agenda",
        "Everyone arrived on time",  # a note
        "Earlier: Complex",  # the board's history
        "Promises are kept by people",  # the script's takeaways
        "G was a typo",  # the history of initials
        "Sprints are two weeks",  # why a promise was reworded
    ):
        assert only_in_the_notes not in rendered, only_in_the_notes


def test_the_agility_level_says_what_was_advised_and_what_was_chosen(tokens: list[Token]) -> None:
    assert list_items(section(tokens, "Type of work and level of agility")) == [
        "Agreed level of agility: Moderate agility, fixed first release",
        "The Cynefin board advised: Plan with experts, then deliver in increments.",
        "Clear (1): Onboarding",
        "Complicated (1): Billing",
        "Chaotic (1): Outage response",
    ]


def test_promises_as_agreed_what_stays_open_and_what_was_declined(tokens: list[Token]) -> None:
    promises = section(tokens, "Promises")
    assert list_items(promises) == [
        "Demo every two weeks — owner: Linus\nNote: Unless a holiday falls\non the demo day",
        "Answer within a day — not decided yet",
        "Name one decider — parked: The board names one in March",
        "Review yearly — declined: Not a party to this agreement",
    ]
    assert "Demo every sprint" not in "\n".join(list_items(promises)), "not the earlier wording"


def test_decisions_with_their_outcomes_in_one_table(tokens: list[Token]) -> None:
    (table,) = tables(section(tokens, "Decisions"))
    assert table == [
        ["Question", "Decided by", "Outcome"],
        ["Which cadence?", "Dot voting", "Agreed: Weekly demos"],
        ["Start in January?", "Fist of five", "Agreed: Start on 12 January"],
        ["Share the backlog?", "Consent", "Not agreed"],
    ]


def test_every_section_with_its_wording_and_who_initialled_which(tokens: list[Token]) -> None:
    signoff = section(tokens, "Sign-off")
    assert [text for _, text in headings(signoff)] == [
        "Scope",
        "Ways of working",
        "Supplier promises",
        "Terms",
    ]
    said = paragraphs(signoff)
    assert "What we build." in said
    assert sum(text.startswith("Complete:") for text in said) == 1
    assert sum(text.startswith("Incomplete") for text in said) == 3
    assert [row[3] for row in tables(signoff)[2][1:]] == [
        "version 1, an earlier wording",
        "version 2, this wording",
    ]
    assert any(text.startswith("Version 1 (fingerprint ") for text in said)
    assert not any("An old wording" in text for text in said), "withdrawn: nobody stands on it"


def test_the_agreement_is_a_read_model_of_script_and_snapshot() -> None:
    agreement = agreement_of(sample_script(), sample_session())
    assert [p.party for p in agreement.parties] == ["Supplier", "Customer", "Regulator"]
    assert [p.key for p in agreement.parties[0].promised] == ["p1"]
    assert [t.question for t in agreement.decisions] == [
        "Which cadence?",
        "Start in January?",
        "Share the backlog?",
    ]
    assert agreement.agility is not None and agreement.agility.overruled
    assert [s.progress.section_id for s in agreement.incomplete] == ["ways", "supplier", "terms"]
    assert str(agreement.review_on) == "2026-12-21"


def test_the_same_session_gives_the_same_bytes(rendered: str) -> None:
    assert render_agreement(sample_script(), sample_session()).encode() == rendered.encode()
    assert rendered.endswith("\n") and not rendered.endswith("\n\n")
    assert all(line == line.rstrip() for line in rendered.split("\n"))
