"""A path that is no script file is said as what it is, a FIFO never blocks, and .md runs."""

from __future__ import annotations

import os
import socket
import sqlite3
import time
from pathlib import Path

import pytest
from textual.app import App

from tests.unit.test_cli_scripts import workshop
from workshop_tui.app.launch import Launch
from workshop_tui.app.workshop_app import WorkshopApp
from workshop_tui.cli import main
from workshop_tui.content.catalog import ScriptNotFound, find_script
from workshop_tui.content.loader import load_script
from workshop_tui.content.problems import ScriptInvalid
from workshop_tui.screens.facilitate import FacilitateScreen
from workshop_tui.screens.setup import SetupScreen

REPO = Path(__file__).resolve().parents[2]
MARKDOWN = REPO / "workshop_tui" / "facilitation_scripts" / "customer-working-agreement.md"
posix_only = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs and sockets")


@pytest.fixture
def odd_paths(tmp_path: Path) -> dict[str, Path]:
    """A FIFO, a socket, a loop of symbolic links and a broken one."""
    os.mkfifo(tmp_path / "fifo.yaml")
    listener = socket.socket(socket.AF_UNIX)
    listener.bind(str(tmp_path / "socket.yaml"))
    (tmp_path / "loop.yaml").symlink_to(tmp_path / "loop2.yaml")
    (tmp_path / "loop2.yaml").symlink_to(tmp_path / "loop.yaml")
    (tmp_path / "dangling.md").symlink_to(tmp_path / "gone.md")
    return {
        "fifo.yaml": tmp_path / "fifo.yaml",
        "socket.yaml": tmp_path / "socket.yaml",
        "loop.yaml": tmp_path / "loop.yaml",
        "dangling.md": tmp_path / "dangling.md",
    }


SAID = {
    "fifo.yaml": "is a named pipe (FIFO), not a script file",
    "socket.yaml": "is a socket, not a script file",
    "loop.yaml": "is a symbolic link that loops back on itself, not a script file",
    "dangling.md": "is a broken symbolic link (its target",
}


@posix_only
def test_validate_says_what_each_path_really_is_and_never_blocks(
    tmp_path: Path, odd_paths: dict[str, Path]
) -> None:
    started = time.monotonic()
    result = workshop("validate", *odd_paths, "/dev/null", cwd=tmp_path)
    assert time.monotonic() - started < 30
    assert result.returncode == 2
    lines = result.stderr.splitlines()
    for line, name in zip(lines, odd_paths, strict=False):
        assert line.startswith(f'workshop: "{name}" {SAID[name]}'), line
    assert 'workshop: "/dev/null" is a character device, not a script file' in lines
    assert "there is no script file" not in result.stderr
    assert lines[-1] == "workshop: 5 of 5 scripts have problems"


@posix_only
def test_loading_a_fifo_directly_refuses_it_without_waiting_for_a_writer(
    odd_paths: dict[str, Path],
) -> None:
    with pytest.raises(ScriptInvalid) as caught:
        load_script(odd_paths["fifo.yaml"])
    (problem,) = caught.value.problems
    assert problem.message == "cannot read the file: it is a named pipe (FIFO), not a script file"
    with pytest.raises(ScriptInvalid, match="it is a character device"):
        load_script(Path("/dev/zero"))


@posix_only
def test_find_script_names_the_kind_of_path(odd_paths: dict[str, Path]) -> None:
    for name, path in odd_paths.items():
        with pytest.raises(ScriptNotFound) as caught:
            find_script(str(path))
        assert SAID[name] in str(caught.value)


@posix_only
def test_run_on_a_symlink_loop_exits_2_saying_so(
    odd_paths: dict[str, Path], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(WorkshopApp, "run", lambda self: App.run(self, headless=True))
    status = main(["run", str(odd_paths["loop.yaml"])])
    err = capsys.readouterr().err
    assert status == 2
    assert "is a symbolic link that loops back on itself" in err
    assert "Traceback" not in err


async def test_run_a_markdown_script_and_its_text_is_stored_with_the_session(
    tmp_path: Path,
) -> None:
    db_path = tmp_path / "run.db"
    app = WorkshopApp(Launch(store=db_path, script_ref=str(MARKDOWN)))
    async with app.run_test(size=(100, 30)) as pilot:
        deadline = time.monotonic() + 15
        while not isinstance(app.screen, SetupScreen):
            assert time.monotonic() < deadline, app.screen
            await pilot.pause(0.02)
        await pilot.press(*"Acme", "ctrl+s")
        while not isinstance(app.screen, FacilitateScreen):
            assert time.monotonic() < deadline, app.screen
            await pilot.pause(0.02)
        assert app.engine is not None
        assert app.engine.script == load_script(MARKDOWN).script
    with sqlite3.connect(db_path) as connection:
        (source,) = connection.execute("SELECT source FROM scripts").fetchone()
    assert source == MARKDOWN.read_text(encoding="utf-8")


@posix_only
def test_a_fifo_or_a_loop_in_a_scripts_folder_is_listed_as_broken_saying_what_it_is(
    tmp_path: Path, odd_paths: dict[str, Path]
) -> None:
    from workshop_tui.content.catalog import list_scripts

    (tmp_path / "folder.yaml").mkdir()
    listed = {entry.path.name: entry for entry in list_scripts([tmp_path])}
    assert "folder.yaml" not in listed
    for name in ("fifo.yaml", "socket.yaml", "loop.yaml", "dangling.md"):
        entry = listed[name]
        assert not entry.ok
        assert SAID[name].removeprefix("is ") in entry.problems[0].message, name
