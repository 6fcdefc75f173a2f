"""Loading valid scripts: what a LoadedScript holds, warnings, and how problems read."""

from __future__ import annotations

from pathlib import Path

import pytest

from workshop_tui.content.activities import CynefinActivity, SignoffActivity
from workshop_tui.content.loaded import LoadedScript
from workshop_tui.content.loader import load_script, parse_script_bytes, parse_script_text
from workshop_tui.content.problems import Problem, ScriptInvalid, Severity

SCRIPTS = Path(__file__).resolve().parents[1] / "fixtures" / "scripts"
MINIMAL = SCRIPTS / "minimal.yaml"


def test_a_valid_script_loads_with_its_source_and_path() -> None:
    loaded = load_script(MINIMAL)
    assert isinstance(loaded, LoadedScript)
    assert loaded.script.id == "minimal"
    assert loaded.script.duration == 30 * 60
    assert [part.id for part in loaded.script.parts] == ["welcome", "decide"]
    assert loaded.source == MINIMAL.read_text(encoding="utf-8")
    assert loaded.path == MINIMAL
    assert loaded.warnings == []


def test_every_activity_kind_loads() -> None:
    script = load_script(SCRIPTS / "every-kind.yaml").script
    assert [part.kind for part in script.parts] == [
        "discussion",
        "cynefin",
        "promises",
        "signoff",
        "decisions",
        "actions",
    ]
    cynefin = script.parts[1].activity
    assert isinstance(cynefin, CynefinActivity)
    assert cynefin.items == ["Monthly release", "New payment provider"]
    signoff = script.parts[3].activity
    assert isinstance(signoff, SignoffActivity)
    assert signoff.roles_for(signoff.sections[0]) == ["Customer lead", "Supplier lead"]


def test_text_stored_in_the_database_loads_under_the_name_given() -> None:
    source = MINIMAL.read_text(encoding="utf-8")
    loaded = parse_script_text(source, "session 7")
    assert loaded.script == load_script(MINIMAL).script
    assert loaded.source == source
    with pytest.raises(ScriptInvalid) as caught:
        parse_script_text(source.replace("duration: 10m", "duration: soon"), "session 7")
    assert str(caught.value).startswith("session 7:8: parts[0].duration: ")


def test_parts_longer_than_the_script_give_a_warning_and_still_load() -> None:
    loaded = load_script(SCRIPTS / "over-time.yaml")
    assert loaded.script.id == "over-time"
    (warning,) = loaded.warnings
    assert warning.severity is Severity.WARNING
    assert (warning.line, warning.field) == (5, "duration")
    assert str(warning) == (
        f"{SCRIPTS / 'over-time.yaml'}:5: warning: duration: "
        "the parts add up to 1h10m, 10m more than the 1h planned"
    )


def test_a_byte_order_mark_is_accepted() -> None:
    data = b"\xef\xbb\xbf" + MINIMAL.read_bytes()
    assert parse_script_bytes(data, "bom.yaml").script.id == "minimal"


def test_an_anchor_without_an_alias_is_harmless() -> None:
    source = MINIMAL.read_text(encoding="utf-8").replace(
        "  - name: Welcome", "  - &w\n    name: Welcome"
    )
    assert parse_script_text(source, "anchor.yaml").script.parts[0].name == "Welcome"


def test_a_clock_time_is_text_not_a_base_60_number() -> None:
    source = MINIMAL.read_text(encoding="utf-8") + "takeaways: [10:30]\n"
    assert parse_script_text(source, "clock.yaml").script.takeaways == ["10:30"]


def test_a_misspelt_required_key_is_one_problem_not_two() -> None:
    source = MINIMAL.read_text(encoding="utf-8").replace("title:", "tilte:")
    with pytest.raises(ScriptInvalid) as caught:
        parse_script_text(source, "typo.yaml")
    assert [str(problem) for problem in caught.value.problems] == [
        'typo.yaml:3: unknown key "tilte" (did you mean "title"?)'
    ]


def test_a_plain_text_promise_with_a_typo_in_its_long_form() -> None:
    source = (SCRIPTS / "every-kind.yaml").read_text(encoding="utf-8")
    source = source.replace("              detail: Fridays", "              detial: Fridays")
    with pytest.raises(ScriptInvalid) as caught:
        parse_script_text(source, "every-kind.yaml")
    (problem,) = caught.value.problems
    assert problem.field == "parts[2].activity.parties[1].promises[0]"
    assert problem.line == 37
    assert problem.message == 'unknown key "detial" (did you mean "detail"?)'


@pytest.mark.parametrize(
    ("problem", "shown"),
    [
        (
            Problem("a.yaml", 3, "parts[0].name", "must not be empty"),
            "a.yaml:3: parts[0].name: must not be empty",
        ),
        (
            Problem("a.yaml", 1, "", 'missing required field "id"'),
            'a.yaml:1: missing required field "id"',
        ),
        (Problem("a.yaml", None, "", "too big"), "a.yaml: too big"),
        (
            Problem("a.yaml", 4, "duration", "long", Severity.WARNING),
            "a.yaml:4: warning: duration: long",
        ),
    ],
)
def test_a_problem_reads_file_line_field_message(problem: Problem, shown: str) -> None:
    assert str(problem) == shown
    assert problem.is_error is (problem.severity is Severity.ERROR)
