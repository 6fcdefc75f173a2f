"""Both ways: YAML -> Markdown -> YAML gives the same script, and nothing is lost unsaid.

The three bundled scripts go there and back exactly. Hostile text in every
field either reads back exactly from the Markdown written, or ``convert``
names the field that does not.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.hostile_text import PIECES, raw_controls
from workshop_tui.content.convert import MARKDOWN, YAML, convert, differences
from workshop_tui.content.loaded import LoadedScript
from workshop_tui.content.loader import load_script, parse_script_text
from workshop_tui.content.markdown.writer import script_to_markdown
from workshop_tui.content.model import Script
from workshop_tui.content.problems import ScriptInvalid
from workshop_tui.content.yaml.writer import script_to_yaml

REPO = Path(__file__).resolve().parents[2]
BUNDLED_YAML = sorted((REPO / "workshop_tui" / "facilitation_scripts").glob("*.yaml"))
BUNDLED_MARKDOWN = REPO / "workshop_tui" / "facilitation_scripts" / "customer-working-agreement.md"
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


@pytest.mark.parametrize("path", BUNDLED_YAML, ids=lambda path: path.stem)
def test_yaml_to_markdown_to_yaml_gives_an_equal_script(path: Path) -> None:
    script = load_script(path).script
    markdown = parse_script_text(script_to_markdown(script), f"{path.stem}.md")
    assert markdown.script == script
    yaml_again = parse_script_text(script_to_yaml(markdown.script), f"{path.stem}.yaml")
    assert yaml_again.script == script


@pytest.mark.parametrize("path", BUNDLED_YAML, ids=lambda path: path.stem)
def test_converting_a_bundled_script_carries_everything_but_its_comments(path: Path) -> None:
    conversion = convert(load_script(path), MARKDOWN)
    assert [note.message for note in conversion.notes if "comment" not in note.message] == []
    assert raw_controls(conversion.text) == []


def test_markdown_to_yaml_to_markdown_is_stable() -> None:
    loaded = load_script(BUNDLED_MARKDOWN)
    written = script_to_markdown(loaded.script)
    assert loaded.source.endswith(written), "the bundled Markdown is what convert writes"
    through_yaml = parse_script_text(script_to_yaml(loaded.script), "through.yaml").script
    assert script_to_markdown(through_yaml) == written
    assert script_to_markdown(parse_script_text(written, "again.md").script) == written


def test_converting_the_bundled_markdown_notes_its_comment_and_nothing_else() -> None:
    conversion = convert(load_script(BUNDLED_MARKDOWN), YAML)
    (note,) = conversion.notes
    assert note.line == 1
    assert note.message == "1 HTML comment on line 1 is not carried over into the YAML"


def _script(text: str, line: str) -> dict[str, Any]:
    """A script that puts ``text`` in every field of every kind (``line`` where one line fits)."""
    return {
        "id": "hostile",
        "title": line,
        "purpose": text,
        "duration": "1h",
        "audience": text,
        "prepared_materials": [text],
        "parts": [
            {
                "name": line,
                "duration": "10m",
                "goal": text,
                "steps": [text, text],
                "prompts": [text],
                "facilitator_notes": [text],
                "activity": {
                    "kind": "cynefin",
                    "items": [text],
                    "domain_prompts": {"chaotic": text},
                },
            },
            {
                "name": f"Promises {line}",
                "duration": "10m",
                "activity": {
                    "kind": "promises",
                    "parties": [
                        {"name": line, "promises": [text, {"text": text, "detail": text}]},
                        {"name": f"Other {line}"},
                    ],
                },
            },
            {
                "name": f"Sign {line}",
                "duration": "10m",
                "activity": {
                    "kind": "signoff",
                    "signatories": [text],
                    "sections": [{"title": line, "text": text, "initials_by": [line]}],
                },
            },
            {
                "name": f"Decide {line}",
                "duration": "20m",
                "activity": {
                    "kind": "decisions",
                    "questions": [
                        {"question": line, "method": "dot_voting", "options": [text, line]},
                        {"question": f"{line}?", "method": "facilitator", "dots_per_person": 5},
                    ],
                },
            },
            {
                "name": f"Act {line}",
                "duration": "10m",
                "activity": {"kind": "actions", "suggested": [text, {"text": text, "owner": line}]},
            },
        ],
        "takeaways": [text],
        "facilitation_tips": [text],
        "useful_files": [{"title": text, "location": line, "note": text}],
    }


def _valid(text: str, line: str) -> Script | None:
    from pydantic import ValidationError

    try:
        return Script.model_validate(_script(text, line))
    except ValidationError:
        return None


def _hostile(max_pieces: int) -> st.SearchStrategy[str]:
    """Hostile pieces and arbitrary characters joined (short: every field holds one)."""
    piece = st.one_of(st.sampled_from(PIECES), st.text(max_size=8))
    return st.lists(piece, min_size=1, max_size=max_pieces).map("".join)


_PLACEHOLDER_LIKE = re.compile(
    r"\b(?:item|step|tip|take\s?away|prompt|note|part|section|question|option|action|"
    r"promise|party|file|material|name|title)\s*\d|X and X|\dX\b",
    re.I,
)


def _ordinary(text: str) -> bool:
    """Text Markdown holds exactly: printable, no placeholder words, no comma in a role."""
    return not (_CONTROL.search(text) or _PLACEHOLDER_LIKE.search(text))


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=_hostile(6), line=_hostile(3))
def test_hostile_text_reads_back_exactly_or_convert_names_the_field(text: str, line: str) -> None:
    script = _valid(text, line)
    if script is None:
        return
    loaded = LoadedScript(script, script_to_yaml(script), Path("hostile.yaml"))
    conversion = convert(loaded, MARKDOWN)
    assert raw_controls(conversion.text) == []
    named = {note.field for note in conversion.notes}
    try:
        back = parse_script_text(conversion.text, "hostile.md").script
    except ScriptInvalid:
        assert any("does not load back" in note.message for note in conversion.notes)
        return
    differing = differences(script.model_dump(), back.model_dump())
    assert set(differing[:5]) <= named
    if _ordinary(text) and _ordinary(line) and "\n" not in line and "," not in line:
        assert differing == [], conversion.notes


def test_a_very_long_text_reads_back_exactly() -> None:
    script = _valid("A dedicated team " * 400, "Name")
    assert script is not None
    back = parse_script_text(script_to_markdown(script), "long.md").script
    assert back == script


@settings(max_examples=100, deadline=None)
@given(
    text=st.text(
        st.characters(codec="utf-8", exclude_categories=["Cc", "Cs"]), min_size=1, max_size=40
    )
)
def test_any_printable_text_in_a_step_reads_back_exactly(text: str) -> None:
    script = _valid("x", "Name")
    if script is None or not text.strip() or _PLACEHOLDER_LIKE.search(text):
        return
    changed = script.model_copy(
        update={"parts": [script.parts[0].model_copy(update={"steps": [text]}), *script.parts[1:]]}
    )
    changed = Script.model_validate(changed.model_dump())
    back = parse_script_text(script_to_markdown(changed), "printable.md").script
    assert back.parts[0].steps == changed.parts[0].steps
