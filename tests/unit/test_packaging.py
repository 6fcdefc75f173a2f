"""A built wheel carries the bundled scripts, and the catalog finds them there."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
BUNDLED = REPO / "workshop_tui" / "facilitation_scripts"
BUNDLED_IDS = sorted(path.stem for path in BUNDLED.glob("*.yaml"))
MARKDOWN_FILES = sorted(path.name for path in BUNDLED.glob("*.md"))

LIST_FROM_WHEEL = """
import json, sys
from pathlib import Path
sys.path[:0] = json.loads(sys.argv[1])
import workshop_tui
from workshop_tui.content.catalog import find_script, list_scripts
from workshop_tui.content.loader import load_script
entries = list_scripts()
print(json.dumps({
    "package": workshop_tui.__file__,
    "bundled": sorted(e.id for e in entries if e.ok and e.origin == "bundled"),
    "broken": [str(p) for e in entries for p in e.problems],
    "found": str(find_script(entries[0].id)),
    "parts": len(load_script(find_script(entries[0].id)).script.parts),
    "markdown_parts": len(load_script(Path(workshop_tui.__file__).parent
        / "facilitation_scripts" / "customer-working-agreement.md").script.parts),
}))
"""


def build_wheel(tmp_path: Path) -> Path:
    """Build from a copy of the sources, so the shared checkout gets no build/ folder."""
    source = tmp_path / "source"
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc")
    shutil.copytree(REPO / "workshop_tui", source / "workshop_tui", ignore=ignore)
    for name in ("pyproject.toml", "README.md", "LICENSE"):
        if (REPO / name).exists():
            shutil.copy(REPO / name, source / name)
    dist = tmp_path / "dist"
    command = [sys.executable, "-m", "pip", "wheel", ".", "--no-deps", "--no-build-isolation"]
    result = subprocess.run(
        [*command, "-w", str(dist), "-q"],
        cwd=source,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    (wheel,) = dist.glob("workshop_tui-*.whl")
    return wheel


RUN_FROM_WHEEL = """
import json, sys
sys.path[:0] = json.loads(sys.argv[1])
from workshop_tui.cli import main
sys.exit(main(sys.argv[2:]))
"""


def unzipped_wheel(tmp_path: Path) -> Path:
    folder = tmp_path / "unzipped"
    with zipfile.ZipFile(build_wheel(tmp_path)) as archive:
        archive.extractall(folder)
    return folder


def wheel_paths(unzipped: Path) -> str:
    """The unzipped wheel, then the dependencies: -S keeps the editable install away."""
    paths = [str(unzipped), sysconfig.get_path("purelib"), sysconfig.get_path("platlib")]
    return json.dumps(paths)


def test_every_package_folder_and_style_sheet_is_in_the_wheel(tmp_path: Path) -> None:
    with zipfile.ZipFile(build_wheel(tmp_path)) as archive:
        names = set(archive.namelist())
    package = REPO / "workshop_tui"
    needed = [
        path.relative_to(REPO).as_posix()
        for path in package.rglob("*")
        if path.name == "__init__.py" or path.suffix in {".tcss", ".yaml"}
    ]
    assert needed and [name for name in needed if name not in names] == []


def test_the_command_line_runs_from_the_wheel(tmp_path: Path) -> None:
    unzipped = unzipped_wheel(tmp_path)
    scripts = [str(BUNDLED / name) for name in sorted(p.name for p in BUNDLED.glob("*.yaml"))]
    env = {**os.environ, "WORKSHOP_DB": str(tmp_path / "store.db")}
    for argv in (
        ["--help"],
        ["--version"],
        ["scripts"],
        ["room", "--help"],
        ["validate", *scripts],
        ["sessions"],
    ):
        result = subprocess.run(
            [sys.executable, "-S", "-c", RUN_FROM_WHEEL, wheel_paths(unzipped), *argv],
            capture_output=True,
            text=True,
            cwd=tmp_path,
            env=env,
            timeout=60,
        )
        assert result.returncode == 0, (argv, result.stderr)
        assert "Traceback" not in result.stderr
        assert result.stdout.strip(), argv


def test_the_wheel_ships_the_bundled_scripts_and_the_catalog_lists_them(tmp_path: Path) -> None:
    assert len(BUNDLED_IDS) >= 3
    wheel = build_wheel(tmp_path)
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        entry_points = next(name for name in names if name.endswith("entry_points.txt"))
        assert "workshop = workshop_tui.cli:main" in archive.read(entry_points).decode()
        archive.extractall(tmp_path / "unzipped")
    for script_id in BUNDLED_IDS:
        assert f"workshop_tui/facilitation_scripts/{script_id}.yaml" in names
    for markdown in MARKDOWN_FILES:
        assert f"workshop_tui/facilitation_scripts/{markdown}" in names
    assert "workshop_tui/__main__.py" in names

    # -S: no site-packages and no .pth files, so the editable install cannot answer;
    # only the unzipped wheel, then the dependencies, are on the path.
    paths = [
        str(tmp_path / "unzipped"),
        sysconfig.get_path("purelib"),
        sysconfig.get_path("platlib"),
    ]
    result = subprocess.run(
        [sys.executable, "-S", "-c", LIST_FROM_WHEEL, json.dumps(paths)],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=os.environ.copy(),
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    found = json.loads(result.stdout)
    assert Path(found["package"]).is_relative_to(tmp_path / "unzipped")
    assert found["bundled"] == BUNDLED_IDS
    assert found["broken"] == []
    assert Path(found["found"]).is_relative_to(tmp_path / "unzipped")
    assert found["parts"] > 0
    assert found["markdown_parts"] == 6
