"""The catalog: bundled scripts, the user's own, extra folders, and finding one by id."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from workshop_tui.content.catalog import (
    BUNDLED,
    USER,
    ScriptNotFound,
    bundled_folder,
    find_script,
    list_scripts,
)
from workshop_tui.content.loader import load_script
from workshop_tui.locations import user_scripts_dir

REPO = Path(__file__).resolve().parents[2]
SCRIPTS = REPO / "tests" / "fixtures" / "scripts"
BROKEN = REPO / "tests" / "fixtures" / "broken"
BUNDLED_FILES = sorted((REPO / "workshop_tui" / "facilitation_scripts").glob("*.yaml"))


def user_folder() -> Path:
    folder = user_scripts_dir()
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def test_at_least_three_scripts_are_bundled() -> None:
    assert len(BUNDLED_FILES) >= 3, [path.name for path in BUNDLED_FILES]


@pytest.mark.parametrize("path", BUNDLED_FILES, ids=lambda path: path.name)
def test_every_bundled_script_loads_without_problems_or_warnings(path: Path) -> None:
    loaded = load_script(path)
    assert loaded.warnings == []
    assert loaded.script.id == path.stem


def test_bundled_scripts_are_found_through_the_package() -> None:
    bundled = REPO / "workshop_tui" / "facilitation_scripts"
    assert Path(str(bundled_folder())).resolve() == bundled.resolve()
    entries = list_scripts()
    assert sorted(entry.id for entry in entries) == sorted(path.stem for path in BUNDLED_FILES)
    assert all(entry.ok and entry.origin == BUNDLED for entry in entries)
    assert all(entry.parts > 0 and entry.duration > 0 and entry.title for entry in entries)


def test_an_extra_folder_adds_its_scripts_before_the_bundled_ones() -> None:
    entries = list_scripts([SCRIPTS])
    ids = [entry.id for entry in entries]
    assert ids[:3] == ["every-kind", "minimal", "over-time"]
    minimal = entries[1]
    assert (minimal.title, minimal.duration, minimal.parts, minimal.origin) == (
        "Minimal workshop",
        1800,
        2,
        USER,
    )
    assert minimal.purpose == "Agree one thing and write it down."
    assert minimal.path == SCRIPTS / "minimal.yaml"
    assert [str(w.message) for w in entries[2].warnings] == [
        "the parts add up to 1h10m, 10m more than the 1h planned"
    ]


def test_a_broken_user_script_is_listed_with_its_problems_and_hides_nothing() -> None:
    folder = user_folder()
    shutil.copy(BROKEN / "customer.yaml", folder / "customer.yaml")
    shutil.copy(SCRIPTS / "minimal.yaml", folder / "minimal.yaml")
    entries = {entry.id: entry for entry in list_scripts()}
    broken = entries["customer"]
    assert not broken.ok
    assert broken.origin == USER
    assert str(broken.problems[0]).startswith(f"{folder / 'customer.yaml'}:14: parts[2].duration:")
    assert entries["minimal"].ok
    assert {path.stem for path in BUNDLED_FILES} <= set(entries)


def test_a_value_yaml_cannot_build_breaks_only_its_own_script() -> None:
    folder = user_folder()
    shutil.copy(BROKEN / "impossible-date.yaml", folder / "impossible-date.yaml")
    entries = {entry.id: entry for entry in list_scripts()}
    assert [str(problem) for problem in entries["impossible-date"].problems] == [
        f"{folder / 'impossible-date.yaml'}:10: parts[0].steps[1]: "
        'cannot read "2024-13-45" (month must be in 1..12); put it in quotes if it is text'
    ]
    assert {path.stem for path in BUNDLED_FILES} <= set(entries)


def test_a_user_script_shadows_a_bundled_one_with_the_same_id() -> None:
    bundled = BUNDLED_FILES[0]
    copy = user_folder() / "my-copy.yaml"
    copy.write_text(
        bundled.read_text(encoding="utf-8").replace("title:", "title: Mine -", 1),
        encoding="utf-8",
    )
    matching = [entry for entry in list_scripts() if entry.id == bundled.stem]
    assert len(matching) == 1
    assert matching[0].origin == USER
    assert matching[0].title.startswith("Mine -")
    assert find_script(bundled.stem) == copy


def test_a_scripts_dir_comes_before_the_user_folder(tmp_path: Path) -> None:
    (user_folder() / "minimal.yaml").write_text(
        (SCRIPTS / "minimal.yaml").read_text(encoding="utf-8"), encoding="utf-8"
    )
    extra = tmp_path / "extra"
    shutil.copytree(SCRIPTS, extra)
    assert find_script("minimal", [extra]) == extra / "minimal.yaml"
    assert find_script("minimal") == user_folder() / "minimal.yaml"


def test_two_files_with_one_id_in_one_folder_the_second_is_broken(tmp_path: Path) -> None:
    shutil.copy(SCRIPTS / "minimal.yaml", tmp_path / "a.yaml")
    shutil.copy(SCRIPTS / "minimal.yaml", tmp_path / "b.yml")
    entries = [entry for entry in list_scripts([tmp_path]) if entry.path.parent == tmp_path]
    assert [(entry.id, entry.ok) for entry in entries] == [("minimal", True), ("b", False)]
    assert (
        entries[1].problems[0].message
        == 'id "minimal" is already used by a.yaml in the same folder'
    )


def test_a_changed_file_is_read_again(tmp_path: Path) -> None:
    script = tmp_path / "minimal.yaml"
    shutil.copy(SCRIPTS / "minimal.yaml", script)
    assert list_scripts([tmp_path])[0].title == "Minimal workshop"
    script.write_text(
        script.read_text(encoding="utf-8").replace("Minimal workshop", "Changed"),
        encoding="utf-8",
    )
    assert list_scripts([tmp_path])[0].title == "Changed"


def test_find_script_takes_a_path() -> None:
    assert find_script(str(SCRIPTS / "minimal.yaml")) == SCRIPTS / "minimal.yaml"


def test_find_script_by_id_finds_a_bundled_script() -> None:
    assert find_script(BUNDLED_FILES[0].stem).name == BUNDLED_FILES[0].name


def test_an_unknown_id_lists_the_known_ones_and_suggests_the_closest() -> None:
    with pytest.raises(ScriptNotFound) as caught:
        find_script("minimall", [SCRIPTS])
    message = str(caught.value)
    assert message.startswith('there is no script with id "minimall" (did you mean "minimal"?')
    known = sorted(["every-kind", "minimal", "over-time", *(path.stem for path in BUNDLED_FILES)])
    assert message.endswith(f"known ids: {', '.join(known)})")


@pytest.mark.parametrize("ref", ["missing.yaml", "some/where/script"])
def test_a_missing_file_is_not_looked_up_as_an_id(ref: str) -> None:
    with pytest.raises(ScriptNotFound, match=f'there is no script file "{ref}"'):
        find_script(ref)


def test_a_folder_is_not_a_script(tmp_path: Path) -> None:
    with pytest.raises(ScriptNotFound, match="is a folder, not a script file"):
        find_script(str(tmp_path))


def test_a_missing_scripts_folder_is_simply_empty(tmp_path: Path) -> None:
    assert [entry.origin for entry in list_scripts([tmp_path / "nowhere"])] == [BUNDLED] * len(
        BUNDLED_FILES
    )


@pytest.mark.parametrize("ref", ["x\x00", "\x00", "scripts/\x00.yaml"])
def test_a_name_holding_a_nul_character_is_no_script(ref: str) -> None:
    with pytest.raises(ScriptNotFound, match="NUL"):
        find_script(ref)
