"""What a sign-off section presents: read from YAML, checked against the script, documented."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.conftest import BUNDLED
from workshop_tui.content.loader import load_script, parse_script_text
from workshop_tui.content.model import Script
from workshop_tui.content.problems import ScriptInvalid

README = Path(__file__).resolve().parents[2] / "workshop_tui" / "facilitation_scripts" / "README.md"


def script_with(sections: list[object], *extra_parts: dict[str, object]) -> Script:
    return Script.model_validate(
        {
            "id": "presents",
            "title": "Presents",
            "purpose": "Check what sections present.",
            "duration": "1h",
            "parts": [
                {"name": "Board", "duration": "5m", "activity": {"kind": "cynefin"}},
                {
                    "name": "Promises",
                    "duration": "5m",
                    "activity": {
                        "kind": "promises",
                        "parties": [{"name": "Supplier"}, {"name": "Customer"}],
                    },
                },
                {
                    "name": "Decide",
                    "duration": "5m",
                    "activity": {
                        "kind": "decisions",
                        "questions": [{"question": "Release  monthly?"}],
                    },
                },
                *extra_parts,
                {
                    "name": "Sign",
                    "duration": "5m",
                    "activity": {"kind": "signoff", "signatories": ["Lead"], "sections": sections},
                },
            ],
        }
    )


def test_each_kind_of_item_is_read_in_order_words_alone_or_as_keys() -> None:
    script = script_with(
        [
            {
                "title": "All",
                "presents": [
                    "agility",
                    "cynefin",
                    "actions",
                    {"promises": "supplier"},  # a party's name ignoring case
                    {"decision": "release monthly?"},  # and a question ignoring case and spaces
                    {"text": "Fixed words after."},
                    {"agility": True},
                ],
            }
        ]
    )
    (section,) = script.parts[-1].activity.sections  # type: ignore[union-attr]
    assert [item.kind for item in section.presents] == [
        "agility",
        "cynefin",
        "actions",
        "promises",
        "decision",
        "text",
        "agility",
    ]
    assert section.text == "" and section.id == "all"


def test_a_section_of_fixed_text_reads_as_before() -> None:
    (section,) = (
        script_with([{"title": "Scope", "text": "What we build."}]).parts[-1].activity.sections
    )  # type: ignore[union-attr]
    assert section.presents == [] and section.text == "What we build."


@pytest.mark.parametrize(
    ("item", "message"),
    [
        ({"promises": "Regulator"}, 'no promises part has the party "Regulator"'),
        ({"decision": "Release weekly?"}, 'did you mean "Release  monthly?"'),
        ("everything", '"everything" is not something a section can present'),
        ({}, "each presented item names exactly one of"),
        ({"text": "a", "actions": True}, "this one names actions and text"),
    ],
)
def test_what_the_script_does_not_hold_is_refused(item: object, message: str) -> None:
    with pytest.raises(ValueError, match=re.escape(message)):
        script_with([{"title": "Bad", "presents": [item]}])


def test_problems_are_placed_on_their_line() -> None:
    text = """id: broken
title: Broken
purpose: Show a problem.
duration: 30m
parts:
  - name: Sign off
    duration: 10m
    activity:
      kind: signoff
      signatories: [Lead]
      sections:
        - title: Fine
          text: Fixed words.
        - title: Cadence
          presents:
            - text: Words first.
            - decision: How often do we meet?
"""
    with pytest.raises(ScriptInvalid) as caught:
        parse_script_text(text, "broken.yaml")
    (problem,) = caught.value.problems
    assert (problem.line, problem.field) == (
        17,
        "parts[0].activity.sections[1].presents[1].decision",
    )
    assert "the script has no question to present" in problem.message


def test_the_readme_example_presents_and_loads() -> None:
    example = max(
        re.findall(r"```yaml\n(.*?)```", README.read_text(encoding="utf-8"), re.S), key=len
    )
    script = parse_script_text(example, "README example").script
    kinds = [
        item.kind
        for part in script.parts
        if part.activity.kind == "signoff"
        for section in part.activity.sections
        for item in section.presents
    ]
    assert kinds == ["promises", "promises", "decision", "text"]


def test_the_bundled_agreements_present_what_was_negotiated() -> None:
    presented = {
        path.stem: {
            section.id: [item.kind for item in section.presents]
            for part in load_script(path).script.parts
            if part.activity.kind == "signoff"
            for section in part.activity.sections
        }
        for path in sorted(BUNDLED.glob("*.yaml"))
    }
    assert presented["customer-working-agreement"] == {
        "type-of-work": ["cynefin"],
        "delivery-team-promises": ["promises"],
        "customer-promises": ["promises"],
        "level-of-agility": ["agility", "decision"],
        "keeping-the-agreement-alive": [],
    }
    engineering = presented["product-engineering-agreement"]
    assert engineering["outcomes-and-measures"] == ["decision"] * 3
    assert engineering["review-and-health"] == ["decision"] * 2
    for held in ("decision-rights-and-escalation", "scope-assumptions-and-constraints"):
        assert engineering[held] == ["decision"], "the words consented to, held in the agreement"
    assert engineering["ready-and-done"] == ["decision"]
    # The partnership's sections are the Lab's fixed expectations: nothing is negotiated in a
    # promises or decisions part, so they stay fixed text.
    assert all(kinds == [] for kinds in presented["partnership-agreement"].values())
