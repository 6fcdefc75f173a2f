"""Every broken Markdown script in tests/fixtures/broken_markdown/ gets one clear message.

The same promise as tests/unit/test_broken_scripts.py makes for YAML: the
file, the line in the Markdown, where in the script (a section, a part, a
heading in a part) and one sentence in workshop-tui's own words. The seed
template the format comes from is among them, and gets the list of what is
still to be filled in.
"""

from __future__ import annotations

import hashlib
import subprocess
import sys
from pathlib import Path

import pytest

from workshop_tui.content.loader import load_script, parse_script_text
from workshop_tui.content.problems import Problem, ScriptInvalid

BROKEN = Path(__file__).resolve().parents[1] / "fixtures" / "broken_markdown"
SEED = "seed-template.md"

# file name -> (line, where, a fragment of the message)
EXPECTED: dict[str, tuple[int, str, str]] = {
    "bad-cynefin-domain.md": (20, "Part 2, Domain Prompts", '"Obvious" is not a Cynefin domain'),
    "bad-decision-method.md": (
        17,
        "Part 2, Question 1",
        '"majority" in the brackets of a question is not a decision method',
    ),
    "bad-part-duration.md": (15, "Part 2", '"20 mins and a bit" is not a duration (write 10 min)'),
    "bad-part-id.md": (13, "Part 1", '"Not An Id" is not an id'),
    "bad-script-duration.md": (5, "Duration", '"half an hour" is not a duration'),
    "code-block.md": (11, "Purpose", "a code block is not read here"),
    "control-character.md": (9, "", "the character #x001b is not allowed in a script"),
    "dot-voting-one-option.md": (17, "Part 2, Question 1", "dot voting needs at least two options"),
    "duplicate-domain.md": (
        20,
        "Part 2, Domain Prompts",
        '"clear" appears twice (first at line 19)',
    ),
    "duplicate-part-name.md": (
        15,
        "Part 2",
        'part name "Welcome" appears twice (first at line 13)',
    ),
    "duplicate-section.md": (11, "Purpose", '"Purpose" appears twice (first at line 7)'),
    "duration-in-words.md": (13, "Part 1", '"ten minutes" in the brackets of part "Welcome"'),
    "empty-step.md": (15, "Part 1", "this list item is empty"),
    "empty.md": (1, "", "the file is empty"),
    "heading-above-the-title.md": (17, "", 'unknown heading "Notes"'),
    "heading-of-another-activity.md": (
        15,
        "Part 1, Party: Team",
        '"Party: Team" belongs to a Promises part (add "Promises" to the brackets',
    ),
    "html-block.md": (9, "Purpose", "HTML is not read here"),
    "missing-purpose.md": (1, "", 'there is no "### Purpose" section'),
    "nested-list.md": (16, "Part 1", "a list inside a list item is not read"),
    "no-parts.md": (13, "Facilitation Steps", "each part goes under a heading such as"),
    "no-title.md": (1, "", "the script has no title"),
    "not-utf8.md": (9, "", "byte 0xe9 at offset 67 is not UTF-8"),
    "one-party.md": (17, "Part 2, Party: Team", 'a Promises part needs at least two "Party: …"'),
    "only-a-comment.md": (1, "", "the script has no title"),
    "paragraph-in-a-list-section.md": (13, "Prepared Materials", "a paragraph is not read here"),
    "part-heading-too-deep.md": (13, "Facilitation Steps", 'a part\'s heading is "####"'),
    "part-no-duration.md": (13, "Part 1", 'part "Welcome" has no duration'),
    "placeholder-item.md": (13, "Prepared Materials", '"Item 1" is left from the template'),
    "placeholder-name.md": (13, "Part 1", '"[name]" is left from the template'),
    "placeholder-step.md": (15, "Part 1", '"Step 1" is left from the template'),
    "placeholder-tip.md": (19, "Facilitation Tips", '"Tip 1" is left from the template'),
    "placeholder-year.md": (17, "Part 2", '"X and X" is left from the template'),
    "signoff-nobody.md": (
        23,
        "Part 2, Section: Budget",
        'section "Budget" names nobody to initial it (add an "Initialled by:" line',
    ),
    "text-before-title.md": (1, "", "a paragraph before the title is not read"),
    "too-many-dots.md": (17, "Part 2, Question 1", "each person can have 1 to 20 dots, not 50"),
    "typo-section.md": (7, "", 'unknown heading "Purpse" (did you mean "Purpose"?)'),
    "unknown-kind.md": (13, "Part 1", '"Cynfin" in the brackets of part "Welcome"'),
    "unknown-part-heading.md": (15, "Part 1", 'unknown heading "Promptz" in a part'),
    "unknown-section.md": (11, "", 'unknown heading "Aims"'),
    "useful-file-no-link.md": (19, "Useful Files", 'a useful file is a link, "[title]('),
    "zero-duration.md": (13, "Part 1", '"0 min" must be longer than zero'),
}

# the seed template as given: each thing left to fill in, on its line
SEED_PROBLEMS = [
    (13, "Prepared Materials", '"Item 1" is left from the template'),
    (17, "Part 1", '"[name]" is left from the template'),
    (17, "Part 1", 'part "[name]" has no duration'),
    (19, "Part 1", '"Step 1" is left from the template'),
    (23, "Takeaways", '"Take away 1" is left from the template'),
    (27, "Facilitation Tips", '"Tip 1" is left from the template'),
    (32, "", 'unknown heading "NOTES"'),
]


def problems_of(path: Path) -> list[Problem]:
    with pytest.raises(ScriptInvalid) as caught:
        load_script(path)
    return caught.value.problems


def test_the_corpus_is_large_and_every_file_has_an_expectation() -> None:
    files = sorted(path.name for path in BROKEN.iterdir())
    assert len(files) >= 30
    assert files == sorted([*EXPECTED, SEED])


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_a_broken_markdown_script_gets_one_message_naming_file_line_and_place(name: str) -> None:
    line, place, fragment = EXPECTED[name]
    path = BROKEN / name
    problems = problems_of(path)
    assert len(problems) == 1, [str(problem) for problem in problems]
    (problem,) = problems
    assert (problem.line, problem.field) == (line, place)
    assert fragment in problem.message
    start = f"{path}:{line}: {place}: " if place else f"{path}:{line}: "
    assert str(problem).startswith(start)
    assert "\n" not in str(problem) and "Traceback" not in str(problem)


def test_the_seed_template_lists_everything_left_to_fill_in() -> None:
    problems = problems_of(BROKEN / SEED)
    found = [(problem.line, problem.field, problem.message) for problem in problems]
    assert len(found) == len(SEED_PROBLEMS), [str(problem) for problem in problems]
    for (line, place, message), (want_line, want_place, fragment) in zip(
        found, SEED_PROBLEMS, strict=True
    ):
        assert (line, place) == (want_line, want_place)
        assert fragment in message


def test_the_seed_template_is_the_one_the_project_started_from() -> None:
    # the SHA-256 of shared/seeds/000_35b3b752921d355d.txt, byte for byte
    digest = hashlib.sha256((BROKEN / SEED).read_bytes()).hexdigest()
    assert digest == "0b6b6416448f57ed05a5c9a3b6c6fb16743addebd64deb15465ebcb528e50afc"


def test_the_seed_template_as_given_a_txt_file_is_read_as_markdown(tmp_path: Path) -> None:
    given = tmp_path / "000_35b3b752921d355d.txt"
    given.write_bytes((BROKEN / SEED).read_bytes())
    assert [(p.line, p.message) for p in problems_of(given)] == [
        (p.line, p.message) for p in problems_of(BROKEN / SEED)
    ]


def test_a_yaml_script_without_a_suffix_is_still_read_as_yaml(tmp_path: Path) -> None:
    text = (BROKEN.parent / "scripts" / "minimal.yaml").read_text(encoding="utf-8")
    plain = tmp_path / "minimal.txt"
    plain.write_text("# the purpose is below\n" + text, encoding="utf-8")
    assert load_script(plain).script.id == "minimal"


def test_validate_on_the_seed_template_lists_the_problems_and_exits_2() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "workshop_tui", "validate", str(BROKEN / SEED)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 2
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == len(SEED_PROBLEMS)
    for text, (line, _, fragment) in zip(lines, SEED_PROBLEMS, strict=True):
        assert text.startswith(f"{BROKEN / SEED}:{line}: ")
        assert fragment in text
    assert "Traceback" not in result.stderr


def test_validate_reads_a_markdown_script_never_as_yaml() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "workshop_tui", "validate", str(BROKEN / "part-no-duration.md")],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 2
    assert "YAML" not in result.stderr


@pytest.mark.parametrize(
    ("text", "line", "fragment"),
    [
        ("## T\n\n### Duration\n\n1 h\n", 1, 'there is no "### Purpose" section'),
        ("# T\n\n## Duration\n\n1 h\n\n## Purpose\n\nx\n", 1, '"## Facilitation Steps"'),
        ("## T\n\n### Purpose\n\n", 3, 'the "Purpose" section is empty'),
        ("## T\n\n# Duration\n", 3, '"Duration" should be a "###" heading'),
        ("## ★ ★\n", 1, "the title has no letters or digits to make the script's id from"),
        ("## T\n\n<!-- a\nb -->after\n", 4, "text after an HTML comment on its closing line"),
    ],
)
def test_markdown_words_for_what_is_missing_or_misplaced(
    text: str, line: int, fragment: str
) -> None:
    with pytest.raises(ScriptInvalid) as caught:
        parse_script_text(text, "inline.md")
    assert any(p.line == line and fragment in p.message for p in caught.value.problems), [
        str(problem) for problem in caught.value.problems
    ]
