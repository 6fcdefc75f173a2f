"""Markdown scripts: the template's shape read onto the same Script a YAML file gives.

Each convention of facilitation_scripts/README.md is written here as a facilitator
would write it, in a real file, and what the app relies on is checked: the
parts, their durations and activities, what the room is asked, what is private,
and the warnings.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from workshop_tui.content.activities import (
    ActionsActivity,
    CynefinActivity,
    DecisionsActivity,
    PromisesActivity,
    SignoffActivity,
)
from workshop_tui.content.loader import load_script, parse_script_text
from workshop_tui.content.problems import ScriptInvalid, Severity
from workshop_tui.domain.kinds import DecisionMethod

REPO = Path(__file__).resolve().parents[2]
BUNDLED = REPO / "workshop_tui" / "facilitation_scripts"
README = (BUNDLED / "README.md").read_text(encoding="utf-8")

EVERY_CONVENTION = """\
<!-- A comment before the title is for the author only. -->

# Room Check (id: room-check)

## Duration

~45 Minutes

## Purpose

Check the room is **ready**.

A second paragraph of the purpose.

## Audience

Everyone who runs the room.

## Facilitation Steps

### Part 1: Arrive (5 min)

Everyone is in and knows why.

- Greet each person <!-- not read -->at the door.
- Show the agenda.

#### Prompts to the Room

- What brought you here?

#### Facilitator Notes

- Smile.

---

### Sort (10 min, Cynefin, id: sort-it)

#### Goal

The work is sorted.

#### Steps

1. Place each item.

#### Items

- Fix the printer

#### Domain Prompts

- Complex: Will we learn by trying?
- clear: Is it obvious?

### Part 3: Promise (10 min, promises)

#### Party: Hosts

- Tea at ten
- **Open the doors**: From nine o'clock, every day.

#### Party: Guests

### Part 4: Sign (8 min, sign off)

#### Signatories

- Host
- Guest

#### Section: House rules (id: rules)

We keep the room tidy.

We leave by six.

#### Section: Keys

The host keeps the keys.

Initialled by: Host, Caretaker

### Part 5: Decide (7 min, Decisions)

#### Question: Do we meet weekly?

#### Question: Which day? (dot voting, 2 dots each)

- Monday
- Friday

#### Question: Tea or coffee? (fist of five)

### Part 6: Close (5 min, Actions)

#### Suggested Actions

- Book the room (owner: Host)
- Send the notes

## Takeaways

- A ready room.

## Useful Files

- [Floor plan](<Shared drive, folder Rooms>): where the exits are.
- [Booking site](https://example.com/rooms)
"""


def write(tmp_path: Path, text: str, name: str = "script.md") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_every_convention_maps_onto_the_script_model(tmp_path: Path) -> None:
    loaded = load_script(write(tmp_path, EVERY_CONVENTION))
    script = loaded.script
    assert (script.id, script.title, script.duration) == ("room-check", "Room Check", 45 * 60)
    assert script.purpose == "Check the room is ready.\n\nA second paragraph of the purpose."
    assert script.audience == "Everyone who runs the room."
    assert [part.id for part in script.parts] == [
        "arrive",
        "sort-it",
        "promise",
        "sign",
        "decide",
        "close",
    ]
    assert [part.duration // 60 for part in script.parts] == [5, 10, 10, 8, 7, 5]
    arrive, sort, promise, sign, decide, close = script.parts
    assert arrive.kind == "discussion"
    assert arrive.goal == "Everyone is in and knows why."
    assert arrive.steps == ["Greet each person at the door.", "Show the agenda."]
    assert arrive.prompts == ["What brought you here?"]
    assert arrive.facilitator_notes == ["Smile."]
    assert isinstance(sort.activity, CynefinActivity)
    assert (sort.goal, sort.steps, sort.activity.items) == (
        "The work is sorted.",
        ["Place each item."],
        ["Fix the printer"],
    )
    assert sort.activity.domain_prompts == {
        "complex": "Will we learn by trying?",
        "clear": "Is it obvious?",
    }
    assert isinstance(promise.activity, PromisesActivity)
    hosts, guests = promise.activity.parties
    assert [(p.text, p.detail) for p in hosts.promises] == [
        ("Tea at ten", ""),
        ("Open the doors", "From nine o'clock, every day."),
    ]
    assert (guests.name, guests.promises) == ("Guests", [])
    assert isinstance(sign.activity, SignoffActivity)
    assert sign.activity.signatories == ["Host", "Guest"]
    rules, keys = sign.activity.sections
    assert (rules.id, rules.title, rules.text) == (
        "rules",
        "House rules",
        "We keep the room tidy.\n\nWe leave by six.",
    )
    assert (keys.id, keys.initials_by) == ("keys", ["Host", "Caretaker"])
    assert isinstance(decide.activity, DecisionsActivity)
    weekly, day, drink = decide.activity.questions
    assert (weekly.question, weekly.method) == ("Do we meet weekly?", DecisionMethod.CONSENT)
    assert (day.method, day.dots_per_person, day.options) == (
        DecisionMethod.DOT_VOTING,
        2,
        ["Monday", "Friday"],
    )
    assert drink.method is DecisionMethod.FIST_OF_FIVE
    assert isinstance(close.activity, ActionsActivity)
    assert [(a.text, a.owner) for a in close.activity.suggested] == [
        ("Book the room", "Host"),
        ("Send the notes", ""),
    ]
    assert script.takeaways == ["A ready room."]
    assert [(f.title, f.location, f.note) for f in script.useful_files] == [
        ("Floor plan", "Shared drive, folder Rooms", "where the exits are."),
        ("Booking site", "https://example.com/rooms", ""),
    ]
    assert loaded.source == EVERY_CONVENTION
    assert loaded.warnings == []


def test_the_template_heading_levels_work_as_well_as_a_level_one_title(tmp_path: Path) -> None:
    one = load_script(write(tmp_path, EVERY_CONVENTION, "one.md")).script
    deeper = re.sub(r"^(#+) ", r"#\1 ", EVERY_CONVENTION, flags=re.M)
    assert load_script(write(tmp_path, deeper, "two.md")).script == one


def test_a_part_numbered_out_of_place_is_a_warning_not_an_error(tmp_path: Path) -> None:
    text = EVERY_CONVENTION.replace("### Part 3: Promise", "### Part 7: Promise")
    loaded = load_script(write(tmp_path, text))
    (warning,) = loaded.warnings
    assert warning.severity is Severity.WARNING
    assert warning.line == text.splitlines().index("### Part 7: Promise (10 min, promises)") + 1
    assert warning.message == "this part is numbered 7 but is part 3"


@pytest.mark.parametrize(
    ("declared", "message"),
    [
        ("50 min", "the parts add up to 45m, 5m less than the 50m planned"),
        ("40 min", "the parts add up to 45m, 5m more than the 40m planned"),
    ],
)
def test_parts_that_do_not_add_up_warn_on_the_duration_line(
    tmp_path: Path, declared: str, message: str
) -> None:
    text = EVERY_CONVENTION.replace("~45 Minutes", declared)
    loaded = load_script(write(tmp_path, text))
    (warning,) = loaded.warnings
    assert (warning.line, warning.field, warning.message) == (7, "Duration", message)
    assert str(warning) == f"{tmp_path / 'script.md'}:7: warning: Duration: {message}"


def test_escaped_brackets_are_text_not_a_placeholder_left_from_the_template() -> None:
    text = EVERY_CONVENTION.replace("- Smile.", "- Say \\[sic\\] when quoting.")
    script = parse_script_text(text, "escaped.md").script
    assert script.parts[0].facilitator_notes == ["Say [sic] when quoting."]
    with pytest.raises(ScriptInvalid, match=r'"\[sic\]" is left from the template'):
        parse_script_text(EVERY_CONVENTION.replace("- Smile.", "- Say [sic]."), "left.md")


def test_a_name_that_ends_in_brackets_keeps_them_before_its_details() -> None:
    text = EVERY_CONVENTION.replace("Part 1: Arrive (5 min)", "Part 1: Arrive (early) (5 min)")
    assert parse_script_text(text, "brackets.md").script.parts[0].name == "Arrive (early)"


def test_the_bundled_markdown_script_is_the_yaml_script() -> None:
    markdown = load_script(BUNDLED / "customer-working-agreement.md")
    yaml = load_script(BUNDLED / "customer-working-agreement.yaml")
    assert markdown.script == yaml.script
    assert markdown.warnings == []
    assert markdown.source.startswith("<!--")
    assert "\n## Customer Working Agreement\n\n### Duration\n" in markdown.source


def test_the_readme_examples_in_yaml_and_markdown_are_the_same_script() -> None:
    yaml_example = re.search(r"## A complete example.*?```yaml\n(.*?)```", README, re.S)
    markdown_example = re.search(
        r"### A complete Markdown example.*?```markdown\n(.*?)\n```\n", README, re.S
    )
    assert yaml_example is not None and markdown_example is not None
    from_yaml = parse_script_text(yaml_example.group(1), "team-agreement-lite.yaml")
    from_markdown = parse_script_text(markdown_example.group(1), "team-agreement-lite.md")
    assert from_markdown.script == from_yaml.script
    assert from_markdown.warnings == from_yaml.warnings == []


def test_a_markdown_script_is_read_only_as_markdown_and_a_yaml_one_only_as_yaml() -> None:
    with pytest.raises(ScriptInvalid) as caught:
        parse_script_text(EVERY_CONVENTION, "looks-like-yaml.yaml")
    assert [problem.message[:15] for problem in caught.value.problems] == ["not valid YAML:"]
    assert parse_script_text(EVERY_CONVENTION, "UPPER.MD").script.id == "room-check"


SIGNOFF_SCRIPT = """## Small agreement

### Duration

20 min

### Purpose

Agree and sign.

### Facilitation Steps

#### Part 1: Promises (10 min, Promises)

##### Party: Team

- **Ship every Sprint**

##### Party: Customer

- **Attend the review**

#### Part 2: Sign-off (10 min, Sign-off)

##### Signatories

- Sponsor

##### Section: What we promise

Presents:

- Promises: Team
- Text: Reviewed monthly.
- Nonsense here
"""


def test_a_section_presents_what_its_list_names_and_an_unknown_item_is_on_its_line() -> None:
    with pytest.raises(ScriptInvalid) as caught:
        parse_script_text(SIGNOFF_SCRIPT, "small.md")
    (problem,) = caught.value.problems
    assert problem.line == SIGNOFF_SCRIPT.splitlines().index("- Nonsense here") + 1
    assert "is not something a section presents" in problem.message
    good = parse_script_text(SIGNOFF_SCRIPT.replace("- Nonsense here\n", ""), "small.md")
    (section,) = good.script.parts[1].activity.sections  # type: ignore[union-attr]
    assert [(item.kind, getattr(item, item.kind)) for item in section.presents] == [
        ("promises", "Team"),
        ("text", "Reviewed monthly."),
    ]
    assert section.text == ""


def test_a_part_s_details_may_stand_on_its_first_line_instead_of_its_heading(
    tmp_path: Path,
) -> None:
    """``### Part 3: Promise`` then ``10 min, promises`` (or in brackets) is the same part."""
    heading = "### Part 3: Promise (10 min, promises)"
    for first_line in ("10 min, promises", "(10 min, Promises)"):
        text = EVERY_CONVENTION.replace(heading, f"### Part 3: Promise\n\n{first_line}")
        loaded = load_script(write(tmp_path, text, "first-line.md"))
        assert loaded.script == load_script(write(tmp_path, EVERY_CONVENTION)).script


def test_a_first_line_that_is_not_only_details_stays_the_part_s_goal(tmp_path: Path) -> None:
    heading = "### Part 3: Promise (10 min, promises)"
    text = EVERY_CONVENTION.replace(heading, "### Part 3: Promise\n\n3 promises, each side")
    with pytest.raises(ScriptInvalid) as raised:
        load_script(write(tmp_path, text))
    (problem,) = [p for p in raised.value.problems if "has no duration" in p.message]
    assert problem.line == text.splitlines().index("### Part 3: Promise") + 1
