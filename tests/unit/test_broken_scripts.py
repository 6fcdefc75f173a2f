"""Every broken script in tests/fixtures/broken/ gets one clear message: file, line, field."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from workshop_tui.content.loader import MAX_BYTES, load_script, parse_script_text
from workshop_tui.content.problems import Problem, ScriptInvalid
from workshop_tui.content.yaml import reader as loader
from workshop_tui.content.yaml.reader import MAX_DEPTH

BROKEN = Path(__file__).resolve().parents[1] / "fixtures" / "broken"

# file name -> (line, field, a fragment of the message); field "" is the top level.
# The fragments are workshop-tui's own words. Where the YAML parser's own words
# say what is wrong (a syntax error), only our "not valid YAML" prefix is held
# here: a parser release may word it differently, and the file and line are
# what the user relies on. How our hints read the parser's words is tested on
# its own below, with errors built by hand.
EXPECTED: dict[str, tuple[int | None, str, str]] = {
    "alias.yaml": (9, "", "aliases such as *welcome are not supported"),
    "bad-cynefin-domain.yaml": (
        12,
        "parts[0].activity.domain_prompts.obvious",
        '"obvious" is not one of: clear, complicated, complex, chaotic, confused',
    ),
    "bad-decision-method.yaml": (
        12,
        "parts[0].activity.questions[0].method",
        '"majority" is not one of: consent, fist_of_five, dot_voting, facilitator',
    ),
    "bad-id.yaml": (1, "id", '"My Script" is not an id'),
    "base60-duration.yaml": (7, "parts[0].duration", '"10:30" is not a duration (write 10m)'),
    "blank-title.yaml": (2, "title", "must not be empty"),
    "customer.yaml": (14, "parts[2].duration", '"ten minutes" is not a duration (write 10m)'),
    # libyaml scans ahead and may meet its own nesting limit before ours
    "deep-nesting.yaml": (2, "", "nest"),
    "dot-voting-one-option.yaml": (
        11,
        "parts[0].activity.questions[0]",
        "dot voting needs at least two options",
    ),
    "duplicate-key.yaml": (9, "parts[0]", 'key "duration" appears twice (first at line 7)'),
    "duplicate-part-id.yaml": (9, "parts[1]", 'part id "start" appears twice (first at line 6)'),
    "duplicate-part-name.yaml": (
        10,
        "parts[2]",
        'part name "welcome" appears twice (first at line 6)',
    ),
    "duplicate-section.yaml": (
        14,
        "parts[0].activity.sections[1]",
        'section id "scope" appears twice (first at line 12)',
    ),
    "empty-duration.yaml": (7, "parts[0].duration", "an empty value is not a duration"),
    "empty.yaml": (1, "", "the file is empty"),
    "impossible-date.yaml": (
        10,
        "parts[0].steps[1]",
        'cannot read "2024-13-45" (month must be in 1..12); put it in quotes if it is text',
    ),
    "kind-missing.yaml": (
        8,
        "parts[0].activity",
        'missing required field "kind" (choose one of: discussion, cynefin, promises,',
    ),
    "missing-purpose.yaml": (1, "", 'missing required field "purpose"'),
    "negative-duration.yaml": (7, "parts[0].duration", '"-5m" must be longer than zero'),
    "no-parts.yaml": (5, "parts", "needs at least 1 entry, got 0"),
    "not-utf8.yaml": (6, "", "byte 0xe9 at offset 93 is not UTF-8"),
    "nul-character.yaml": (6, "", "the character #x0000 is not allowed"),
    "number-in-items.yaml": (
        12,
        "parts[0].activity.items[1]",
        "expected a text, got the number 42 (put it in quotes)",
    ),
    "one-party.yaml": (10, "parts[0].activity.parties", "needs at least 2 entries, got 1"),
    "only-comments.yaml": (1, "", "the file is empty"),
    "part-missing-name.yaml": (8, "parts[1]", 'missing required field "name"'),
    "parts-not-a-list.yaml": (5, "parts", "expected a list of mappings, got a mapping"),
    "presents-agility-without-board.yaml": (
        15,
        "parts[0].activity.sections[0].presents[0].agility",
        'section "Level of agility": the script has no Cynefin part to present',
    ),
    "presents-two-things.yaml": (
        16,
        "parts[0].activity.sections[0].presents[1]",
        "each presented item names exactly one of: promises, decision, agility, cynefin, actions,"
        " text (this one names actions and text)",
    ),
    "presents-unknown-party.yaml": (
        22,
        "parts[1].activity.sections[0].presents[0].promises",
        'no promises part has the party "Delivery teem" (did you mean "Delivery team"?)',
    ),
    "presents-unknown-question.yaml": (
        14,
        "parts[0].activity.sections[0].presents[0].decision",
        'no decisions part asks "How often do we meet?" (did you mean "How often do we demo?")',
    ),
    "python-tag.yaml": (7, "", "not valid YAML"),
    "section-without-wording.yaml": (
        12,
        "parts[0].activity.sections[0]",
        "a section needs a text, or something it presents (presents:)",
    ),
    "signoff-nobody.yaml": (
        14,
        "parts[0].activity.sections[1]",
        'section "Budget" names nobody to initial it',
    ),
    "steps-not-a-list.yaml": (8, "parts[0].steps", "expected a list of texts, got the text"),
    "syntax-error.yaml": (6, "", "not valid YAML"),
    "tab-indent.yaml": (7, "", "not valid YAML"),
    "title-is-a-number.yaml": (2, "title", "expected a text, got the number 2024"),
    "too-many-dots.yaml": (
        14,
        "parts[0].activity.questions[0].dots_per_person",
        "must be at most 20, got the number 50",
    ),
    "top-level-list.yaml": (1, "", "the top level must be a mapping"),
    "top-level-text.yaml": (1, "", "the top level must be a mapping"),
    "two-documents.yaml": (8, "", "not valid YAML"),
    "typo-duraton.yaml": (9, "parts[1]", 'unknown key "duraton" (did you mean "duration"?)'),
    "typo-top-level.yaml": (3, "", 'unknown key "purpse" (did you mean "purpose"?)'),
    "unknown-kind.yaml": (
        11,
        "parts[1].activity.kind",
        'unknown activity kind "bogus" (choose one of: discussion, cynefin, promises, signoff,',
    ),
    "unquoted-colon.yaml": (8, "", "not valid YAML"),
    "useful-file-no-location.yaml": (9, "useful_files[0]", 'missing required field "location"'),
    "zero-duration.yaml": (7, "parts[0].duration", '"0m" must be longer than zero'),
}

LOADERS = [loader.PureLoader] + ([loader.FastLoader] if loader.FastLoader else [])


@pytest.fixture(params=LOADERS, ids=lambda cls: cls.__name__)
def yaml_loader(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> type:
    """Run a test with the pure-Python loader and, where libyaml is there, the fast one."""
    monkeypatch.setattr(loader, "Loader", request.param)
    return request.param


def only_problem(path: Path) -> Problem:
    with pytest.raises(ScriptInvalid) as caught:
        load_script(path)
    problems = caught.value.problems
    assert len(problems) == 1, [str(problem) for problem in problems]
    return problems[0]


def test_the_corpus_is_large_and_every_file_has_an_expectation() -> None:
    files = sorted(path.name for path in BROKEN.iterdir())
    assert len(files) >= 25
    assert files == sorted(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_a_broken_script_gets_one_message_naming_file_line_and_field(
    name: str, yaml_loader: type
) -> None:
    line, field, fragment = EXPECTED[name]
    path = BROKEN / name
    problem = only_problem(path)
    assert (problem.line, problem.field) == (line, field)
    assert fragment in problem.message
    where = str(path) if line is None else f"{path}:{line}"
    start = f"{where}: {field}: " if field else f"{where}: "
    assert str(problem).startswith(start)
    assert str(problem).endswith(problem.message)
    assert "\n" not in str(problem) and "Traceback" not in str(problem)


@pytest.mark.parametrize("depth", [MAX_DEPTH, MAX_DEPTH + 1])
def test_nesting_stops_at_the_projects_own_depth_with_its_line(
    depth: int, yaml_loader: type
) -> None:
    # the top-level mapping is one level, so depth - 1 lists under takeaways
    text = "id: deep\ntitle: T\npurpose: P\nduration: 5m\ntakeaways:\n  " + "[" * (depth - 1)
    text += "x" + "]" * (depth - 1) + "\nparts: [{name: a, duration: 5m}]\n"
    with pytest.raises(ScriptInvalid) as caught:
        parse_script_text(text, "deep.yaml")
    messages = [str(problem) for problem in caught.value.problems]
    too_deep = [message for message in messages if "too deeply" in message]
    if depth > MAX_DEPTH:
        assert too_deep == [
            f"deep.yaml:6: lists or mappings are nested more than {MAX_DEPTH} deep, "
            "too deeply to be a script"
        ]
    else:  # deep enough to be wrong for the schema, not too deep to read
        assert too_deep == [] and messages


def test_a_parser_that_recurses_on_its_own_is_still_one_sentence(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def recurse(*_args: object) -> None:
        raise RecursionError

    monkeypatch.setattr(loader.Loader, "get_single_node", recurse)
    with pytest.raises(ScriptInvalid) as caught:
        parse_script_text("id: x\n", "odd.yaml")
    assert [str(p) for p in caught.value.problems] == [
        f"odd.yaml: lists or mappings are nested more than {MAX_DEPTH} deep, "
        "too deeply to be a script"
    ]


def _marked(problem: str, context: str | None = None) -> yaml.MarkedYAMLError:
    mark = yaml.Mark("x.yaml", 0, 6, 2, None, None)
    return yaml.MarkedYAMLError(context, mark if context else None, problem, mark)


def test_libyamls_own_nesting_limit_reads_as_ours() -> None:
    problem = loader._yaml_problem("x.yaml", _marked("exceeded maximum nesting depth"))
    assert str(problem) == (
        f"x.yaml:7: lists or mappings are nested more than {MAX_DEPTH} deep, "
        "too deeply to be a script"
    )


@pytest.mark.parametrize(
    ("parser_words", "hint"),
    [
        ("found character '\\t' that cannot start any token", "(indent with spaces, not tabs)"),
        ("mapping values are not allowed here", '(put a text containing ": " in quotes)'),
        ("but found another document", "(a script is one YAML document: remove the second ---)"),
        (
            "could not determine a constructor for the tag 'tag:yaml.org,2002:python/name:os'",
            "the tag !!python/name:os is not allowed in a script (write plain values)",
        ),
    ],
)
def test_our_hints_follow_what_the_parser_says(parser_words: str, hint: str) -> None:
    problem = loader._yaml_problem("x.yaml", _marked(parser_words))
    assert problem.line == 7
    assert problem.message.startswith("not valid YAML: ")
    assert hint in problem.message


def test_problems_name_the_file_as_the_user_gave_it(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(BROKEN.parent)
    problem = only_problem(Path("broken") / "customer.yaml")
    assert str(problem) == (
        'broken/customer.yaml:14: parts[2].duration: "ten minutes" is not a duration (write 10m)'
    )


def test_a_huge_file_is_refused_before_parsing(tmp_path: Path) -> None:
    huge = tmp_path / "huge.yaml"
    huge.write_text("id: huge\n" + "# padding\n" * (MAX_BYTES // 10 + 10), encoding="utf-8")
    problem = only_problem(huge)
    assert str(problem).startswith(f"{huge}: ")
    assert "KiB" in problem.message and "512 KiB" in problem.message


def test_huge_text_from_the_database_is_refused_too() -> None:
    with pytest.raises(ScriptInvalid, match="512 KiB"):
        parse_script_text("x" * (MAX_BYTES + 1), "stored script")


def test_an_alias_bomb_is_refused_at_once() -> None:
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{n}: &a{n} [{', '.join([f'*a{n - 1}'] * 9)}]" for n in range(1, 30)]
    with pytest.raises(ScriptInvalid, match="aliases such as \\*a0 are not supported"):
        parse_script_text("\n".join(lines), "bomb.yaml")


def test_text_that_is_not_valid_unicode_is_a_problem_not_a_crash() -> None:
    text = "id: odd\ntitle: T\npurpose: p\nduration: 5m\nparts:\n  - name: \ud800\n"
    with pytest.raises(ScriptInvalid) as caught:
        parse_script_text(text, "stored script")
    assert [str(problem) for problem in caught.value.problems] == [
        "stored script:6: the character at offset 58 is not valid Unicode text"
    ]


def test_a_folder_or_a_missing_file_is_a_problem_not_a_crash(tmp_path: Path) -> None:
    assert "cannot read the file" in only_problem(tmp_path / "absent.yaml").message
    assert "cannot read the file" in only_problem(tmp_path).message


def test_every_problem_of_a_script_is_reported_in_line_order() -> None:
    text = """id: several
title: 2024
purpose: Many things wrong.
duration: 60m
parts:
  - name: A
    duration: 0m
  - name: B
    duraton: 5m
    activity:
      kind: nope
"""
    with pytest.raises(ScriptInvalid) as caught:
        parse_script_text(text, "several.yaml")
    shown = [str(problem) for problem in caught.value.problems]
    assert shown == [
        "several.yaml:2: title: expected a text, got the number 2024 (put it in quotes)",
        'several.yaml:7: parts[0].duration: "0m" must be longer than zero (write 10m)',
        'several.yaml:9: parts[1]: unknown key "duraton" (did you mean "duration"?)',
        'several.yaml:11: parts[1].activity.kind: unknown activity kind "nope" '
        "(choose one of: discussion, cynefin, promises, signoff, decisions, actions)",
    ]
    assert str(caught.value) == "\n".join(shown)


def test_an_unknown_key_with_no_close_match_lists_the_allowed_keys() -> None:
    text = (
        "id: x\ntitle: T\npurpose: P\nduration: 10m\nzebra: 1\nparts: [{name: a, duration: 5m}]\n"
    )
    with pytest.raises(ScriptInvalid) as caught:
        parse_script_text(text, "zebra.yaml")
    (problem,) = caught.value.problems
    assert problem.line == 5
    assert problem.message.startswith('unknown key "zebra" (allowed: id, title, purpose,')
