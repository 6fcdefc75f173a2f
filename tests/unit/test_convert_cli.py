"""``workshop convert``, run as a user would: both ways, never overwriting, saying what is lost."""

from __future__ import annotations

import shutil
from pathlib import Path

from tests.hostile_text import raw_controls
from tests.unit.test_cli_scripts import workshop
from workshop_tui.content.loader import load_script

REPO = Path(__file__).resolve().parents[2]
BUNDLED = REPO / "workshop_tui" / "facilitation_scripts"
SCRIPTS = REPO / "tests" / "fixtures" / "scripts"
BROKEN_MARKDOWN = REPO / "tests" / "fixtures" / "broken_markdown"


def test_yaml_becomes_markdown_beside_it_and_the_comments_are_named(tmp_path: Path) -> None:
    source = tmp_path / "cwa.yaml"
    shutil.copy(BUNDLED / "customer-working-agreement.yaml", source)
    result = workshop("convert", source)
    assert result.returncode == 0, result.stderr
    assert result.stdout == f"wrote {tmp_path / 'cwa.md'} (Markdown script)\n"
    assert result.stderr == (
        f"{source}:1: warning: 3 comments on lines 1, 2, 3 are not carried over into the Markdown\n"
    )
    assert load_script(tmp_path / "cwa.md").script == load_script(source).script


def test_markdown_becomes_yaml_and_back_to_the_same_markdown(tmp_path: Path) -> None:
    source = tmp_path / "cwa.md"
    shutil.copy(BUNDLED / "customer-working-agreement.md", source)
    to_yaml = workshop("convert", source, "-o", tmp_path / "out.yaml")
    assert to_yaml.returncode == 0, to_yaml.stderr
    assert "1 HTML comment on line 1 is not carried over into the YAML" in to_yaml.stderr
    back = workshop("convert", tmp_path / "out.yaml", "-o", tmp_path / "back.md")
    assert back.returncode == 0, back.stderr
    assert back.stderr == ""
    written = (tmp_path / "back.md").read_text(encoding="utf-8")
    assert source.read_text(encoding="utf-8").endswith(written)
    assert load_script(tmp_path / "back.md").script == load_script(source).script


def test_dash_writes_to_standard_output_and_the_notes_to_standard_error() -> None:
    result = workshop("convert", BUNDLED / "customer-working-agreement.md", "-o", "-")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("id: customer-working-agreement\ntitle: Customer Working")
    assert "HTML comment" in result.stderr and "HTML comment" not in result.stdout
    assert raw_controls(result.stdout) == []


def test_an_existing_file_is_never_overwritten_without_force(tmp_path: Path) -> None:
    source = tmp_path / "minimal.yaml"
    shutil.copy(SCRIPTS / "minimal.yaml", source)
    target = tmp_path / "minimal.md"
    target.write_text("my own notes\n", encoding="utf-8")
    refused = workshop("convert", source)
    assert refused.returncode == 2
    assert refused.stdout == ""
    assert refused.stderr == (
        f"workshop: {target} already exists "
        "(add --force to replace it, or choose another with -o)\n"
    )
    assert target.read_text(encoding="utf-8") == "my own notes\n"
    forced = workshop("convert", source, "--force")
    assert forced.returncode == 0, forced.stderr
    assert load_script(target).script == load_script(source).script
    assert [path.name for path in tmp_path.iterdir() if path.name.startswith(".")] == []


def test_a_script_id_is_converted_into_the_current_folder(tmp_path: Path) -> None:
    result = workshop("convert", "partnership-agreement", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout == "wrote partnership-agreement.md (Markdown script)\n"
    converted = load_script(tmp_path / "partnership-agreement.md")
    assert converted.script == load_script(BUNDLED / "partnership-agreement.yaml").script
    assert converted.warnings == []


def test_a_broken_script_is_not_converted(tmp_path: Path) -> None:
    source = tmp_path / "seed.md"
    shutil.copy(BROKEN_MARKDOWN / "seed-template.md", source)
    result = workshop("convert", source)
    assert result.returncode == 2
    assert f"{source}:13: Prepared Materials:" in result.stderr
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "seed.yaml").exists()


def test_what_markdown_cannot_hold_is_named_field_by_field(tmp_path: Path) -> None:
    source = tmp_path / "odd.yaml"
    source.write_text(
        "id: odd\ntitle: Odd\npurpose: p\nduration: 10m\n"
        'parts:\n  - name: "two\\nlines"\n    duration: 10m\n'
        '    prompts: ["bell \\a here"]\n',
        encoding="utf-8",
    )
    result = workshop("convert", source, "-o", "-")
    assert result.returncode == 0, result.stderr
    assert result.stderr.splitlines() == [
        f"{source}: warning: parts[0].name: holds a line break where Markdown cannot "
        "(it is written as a space)",
        f"{source}: warning: parts[0].prompts[0]: holds control characters, which Markdown "
        "cannot hold (they are left out)",
    ]
    assert raw_controls(result.stdout) == []


def test_markdown_formatting_is_named_when_it_becomes_plain_yaml(tmp_path: Path) -> None:
    source = tmp_path / "bold.md"
    source.write_text(
        "## Bold\n\n### Duration\n\n10 min\n\n### Purpose\n\nSay it **loudly**.\n\n"
        "### Facilitation Steps\n\n#### Part 1: Say it (10 min)\n",
        encoding="utf-8",
    )
    result = workshop("convert", source, "-o", "-")
    assert result.returncode == 0, result.stderr
    assert "purpose: Say it loudly.\n" in result.stdout
    assert result.stderr == (
        f"{source}:9: warning: bold, italics, links and code on line 9 are written as plain "
        "text (a YAML script holds plain text)\n"
    )


def test_convert_takes_the_options_of_every_command_after_its_name(tmp_path: Path) -> None:
    result = workshop("convert", "minimal", "-o", "-", "--scripts-dir", SCRIPTS)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("## Minimal workshop (id: minimal)\n")
    help_text = workshop("convert", "--help").stdout
    assert (
        "--db PATH|URL" in help_text and "--scripts-dir DIR" in help_text and "--force" in help_text
    )


def test_what_convert_says_about_a_hostile_script_reaches_the_terminal_printable(
    tmp_path: Path,
) -> None:
    folder = tmp_path / "esc\x1b]0;pwned\x07"
    folder.mkdir()
    source = folder / "hostile.yaml"
    source.write_text(
        'id: hostile\ntitle: "\\e[2J\\e[H cleared"\npurpose: "p\\e]8;;x\\e\\\\"\n'
        "duration: 5m\nparts:\n  - name: A\n    duration: 5m\n",
        encoding="utf-8",
    )
    result = workshop("convert", source, "-o", tmp_path / "out.md")
    assert result.returncode == 0, result.stderr
    assert raw_controls(result.stdout) == [] and raw_controls(result.stderr) == []
    assert "wrote" in result.stdout
