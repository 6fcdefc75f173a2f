"""The catalog lists Markdown scripts in every folder; an equal YAML twin is no clash."""

from __future__ import annotations

import shutil
from pathlib import Path

from workshop_tui.content.catalog import BUNDLED, USER, find_script, list_scripts
from workshop_tui.locations import user_scripts_dir

REPO = Path(__file__).resolve().parents[2]
FACILITATION = REPO / "workshop_tui" / "facilitation_scripts"
SCRIPTS = REPO / "tests" / "fixtures" / "scripts"
BROKEN_MARKDOWN = REPO / "tests" / "fixtures" / "broken_markdown"
CWA = "customer-working-agreement"


def test_the_bundled_twins_are_listed_once_under_the_yaml_file() -> None:
    entries = [entry for entry in list_scripts() if entry.id == CWA]
    assert len(entries) == 1
    (entry,) = entries
    assert (entry.ok, entry.origin, entry.path.name) == (True, BUNDLED, f"{CWA}.yaml")
    assert find_script(CWA).name == f"{CWA}.yaml"
    assert [e.path.name for e in list_scripts() if e.path.name.lower() == "readme.md"] == []


def test_a_markdown_script_in_the_users_folder_is_listed_and_found_by_id() -> None:
    folder = user_scripts_dir()
    folder.mkdir(parents=True)
    text = (FACILITATION / f"{CWA}.md").read_text(encoding="utf-8")
    (folder / "room.md").write_text(
        text.replace("## Customer Working Agreement", "## Room Working Agreement"), encoding="utf-8"
    )
    (folder / "README.md").write_text("# My scripts\n\nNotes for me.\n", encoding="utf-8")
    entries = {entry.id: entry for entry in list_scripts()}
    room = entries["room-working-agreement"]
    assert (room.ok, room.origin, room.title, room.parts) == (
        True,
        USER,
        "Room Working Agreement",
        6,
    )
    assert find_script("room-working-agreement") == folder / "room.md"
    assert not any(entry.path.name == "README.md" for entry in entries.values())


def test_a_broken_markdown_script_is_listed_with_its_problems(tmp_path: Path) -> None:
    shutil.copy(BROKEN_MARKDOWN / "seed-template.md", tmp_path / "template.md")
    (broken,) = [entry for entry in list_scripts([tmp_path]) if entry.path.parent == tmp_path]
    assert (broken.id, broken.ok) == ("template", False)
    assert str(broken.problems[0]).startswith(f"{tmp_path / 'template.md'}:13: ")


def test_equal_twins_in_one_folder_are_one_script_whatever_their_order(tmp_path: Path) -> None:
    shutil.copy(FACILITATION / f"{CWA}.yaml", tmp_path / "b-twin.yaml")
    shutil.copy(FACILITATION / f"{CWA}.md", tmp_path / "a-twin.md")
    entries = [entry for entry in list_scripts([tmp_path]) if entry.id == CWA]
    assert [(entry.path, entry.ok) for entry in entries] == [(tmp_path / "b-twin.yaml", True)]


def test_twins_that_differ_are_a_clash_and_the_second_is_broken(tmp_path: Path) -> None:
    shutil.copy(FACILITATION / f"{CWA}.yaml", tmp_path / f"{CWA}.yaml")
    text = (FACILITATION / f"{CWA}.md").read_text(encoding="utf-8")
    (tmp_path / f"{CWA}.md").write_text(text.replace("(8 min)", "(9 min)"), encoding="utf-8")
    entries = [entry for entry in list_scripts([tmp_path]) if entry.path.parent == tmp_path]
    assert [(entry.path.name, entry.ok) for entry in entries] == [
        (f"{CWA}.md", True),
        (f"{CWA}.yaml", False),
    ]
    assert entries[1].problems[0].message == (
        f'id "{CWA}" is already used by {CWA}.md in the same folder '
        "(a YAML and a Markdown twin must hold the same script)"
    )


def test_two_yaml_files_of_one_id_still_clash_even_when_equal(tmp_path: Path) -> None:
    shutil.copy(SCRIPTS / "minimal.yaml", tmp_path / "a.yaml")
    shutil.copy(SCRIPTS / "minimal.yaml", tmp_path / "b.yaml")
    entries = [entry for entry in list_scripts([tmp_path]) if entry.path.parent == tmp_path]
    assert [(entry.id, entry.ok) for entry in entries] == [("minimal", True), ("b", False)]


def test_scripts_lists_markdown_and_yaml_alike(tmp_path: Path) -> None:
    from workshop_tui.cli import parser as cli

    shutil.copy(SCRIPTS / "minimal.yaml", tmp_path / "minimal.yaml")
    (tmp_path / "short.md").write_text(
        "## Short one\n\n### Duration\n\n5 min\n\n### Purpose\n\nBe quick.\n\n"
        "### Facilitation Steps\n\n#### Part 1: Go (5 min)\n",
        encoding="utf-8",
    )
    args = cli.parse_args(["scripts", "--scripts-dir", str(tmp_path)])
    listed = [entry.id for entry in list_scripts(args.scripts_dirs)]
    assert listed[:2] == ["minimal", "short-one"]


def test_listing_the_bundled_scripts_does_not_read_the_markdown_twin() -> None:
    import subprocess
    import sys

    code = (
        "import sys\n"
        "from workshop_tui.content.catalog import find_script, list_scripts\n"
        f"find_script({CWA!r}); list_scripts()\n"
        "print('workshop_tui.content.markdown.reader' in sys.modules)"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert (done.returncode, done.stdout.strip()) == (0, "False"), done.stderr
