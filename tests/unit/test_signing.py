"""Sign-off helpers: initials, people per role, the next section to read."""

from __future__ import annotations

from workshop_tui.domain.records import Participant
from workshop_tui.domain.rules.sections import SectionProgress
from workshop_tui.domain.rules.signing import (
    completed_count,
    initials_of,
    next_incomplete,
    people_with_role,
)


def section(section_id: str, complete: bool) -> SectionProgress:
    missing = () if complete else ("Product Owner",)
    return SectionProgress(section_id, section_id.title(), ("Product Owner",), (), missing)


def test_initials_from_capitals_or_first_letters() -> None:
    assert initials_of("Ana María López") == "AML"
    assert initials_of("JP McDonald") == "JPMD"
    assert initials_of("kim lee") == "KL"
    assert initials_of("") == ""


def test_people_with_role_ignores_case_and_spaces() -> None:
    room = (
        Participant("Ana", "Product Owner"),
        Participant("Bo", "Scrum Master"),
        Participant("Cy", " product owner "),
    )
    assert people_with_role(room, "Product Owner") == ["Ana", "Cy"]
    assert people_with_role(room, "Sponsor") == []


def test_next_incomplete_looks_after_then_wraps() -> None:
    progress = [section("a", False), section("b", True), section("c", True), section("d", False)]
    assert next_incomplete(progress, "b") == "d"
    assert next_incomplete(progress, "d") == "a"
    assert next_incomplete(progress, "unknown") == "a"
    assert next_incomplete([section("a", True)], "a") is None
    assert completed_count(progress) == 2
