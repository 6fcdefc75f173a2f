"""How a decision moves on: status, objections, rounds of fingers, dots."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from workshop_tui.domain.kinds import DecisionMethod
from workshop_tui.domain.records import Decision, Objection
from workshop_tui.domain.rules.decision_flow import (
    consent_outcome,
    decision_status,
    dot_budget,
    fist_verdict,
    read_dots,
    read_show_of_fingers,
    unresolved,
    with_objection,
    with_resolution,
)

AT = datetime(2026, 11, 21, 9, 0, tzinfo=UTC)


def decision(outcome: str = "", agreed: bool | None = None) -> Decision:
    return Decision("p", AT, "k", "Q?", DecisionMethod.CONSENT, outcome, agreed)


def test_status() -> None:
    assert decision_status(None) == "open"
    assert decision_status(decision()) == "open"
    assert decision_status(decision("  ")) == "open"
    assert decision_status(decision("Go")) == "outcome"
    assert decision_status(decision("Go", True)) == "agreed"
    assert decision_status(decision("", False)) == "not agreed"


def test_objections_are_added_and_resolved_without_touching_the_others() -> None:
    objections = with_objection((), "  Too costly ")
    objections = with_objection(objections, "Too slow")
    assert objections == (Objection("Too costly"), Objection("Too slow"))
    assert unresolved(objections) == [0, 1]
    resolved = with_resolution(objections, 1, " Weekly demo ")
    assert resolved == (Objection("Too costly"), Objection("Too slow", "Weekly demo"))
    assert unresolved(resolved) == [0]
    assert objections[1].resolution == ""  # the original tuple is untouched


def test_resolution_needs_text_and_an_existing_objection() -> None:
    objections = (Objection("Too costly"),)
    with pytest.raises(ValueError, match="cannot be empty"):
        with_resolution(objections, 0, "  ")
    with pytest.raises(ValueError, match="no objection number 2"):
        with_resolution(objections, 1, "fine")


def test_consent_outcome_with_and_without_note() -> None:
    assert consent_outcome("Safe to try.", "") == "Safe to try."
    assert consent_outcome("Safe to try.", " Review in May ") == "Safe to try. Review in May"


def test_fist_verdict() -> None:
    assert fist_verdict({}) == "No votes in this round"
    assert fist_verdict({"3": 2, "5": 1}) == "Agreement: everyone 3 or more"
    assert fist_verdict({"1": 1, "4": 5}) == "1 low voice: hear them, then vote again"
    assert fist_verdict({"0": 1, "2": 1, "4": 5}) == "2 low voices: hear them, then vote again"


def test_show_of_fingers_reads_blank_as_zero() -> None:
    counts = read_show_of_fingers({"0": "", "1": "1", "2": " ", "3": "4", "4": "2", "5": "0"})
    assert counts == {"0": 0, "1": 1, "2": 0, "3": 4, "4": 2, "5": 0}


@pytest.mark.parametrize("bad", ["-1", "two", "1.5", "3 people"])
def test_show_of_fingers_refuses_what_is_not_a_count(bad: str) -> None:
    with pytest.raises(
        ValueError, match=f'3 fingers needs a whole number of 0 or more, not "{bad}"'
    ):
        read_show_of_fingers({"3": bad})


def test_show_of_fingers_needs_a_vote() -> None:
    with pytest.raises(ValueError, match="nobody voted"):
        read_show_of_fingers({finger: "0" for finger in "012345"})


def test_dots_keep_the_options_order() -> None:
    assert read_dots({"B": "4", "A": ""}, ["A", "B", "C"]) == {"A": 0, "B": 4, "C": 0}
    with pytest.raises(ValueError, match='"B" needs a whole number'):
        read_dots({"B": "many"}, ["A", "B"])


def test_dot_budget() -> None:
    assert dot_budget(6, 3) == 18
    assert dot_budget(0, 3) == 0
