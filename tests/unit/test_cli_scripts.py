"""The command line: ``workshop validate`` and ``workshop scripts``, run as a user would."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from workshop_tui.cli import parser as cli
from workshop_tui.cli import scripts
from workshop_tui.domain.ports import StoreError
from workshop_tui.locations import user_scripts_dir

REPO = Path(__file__).resolve().parents[2]
SCRIPTS = REPO / "tests" / "fixtures" / "scripts"
BROKEN = REPO / "tests" / "fixtures" / "broken"
BUNDLED = REPO / "workshop_tui" / "facilitation_scripts"
BUNDLED_IDS = sorted(path.stem for path in BUNDLED.glob("*.yaml"))


def workshop(*args: str | Path, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    """Run ``python -m workshop_tui`` with the test's isolated folders."""
    return subprocess.run(
        [sys.executable, "-m", "workshop_tui", *map(str, args)],
        capture_output=True,
        text=True,
        cwd=cwd,
        env=os.environ.copy(),
        timeout=60,
    )


def test_validate_a_good_script_prints_ok_and_exits_0() -> None:
    result = workshop("validate", SCRIPTS / "minimal.yaml")
    assert result.returncode == 0, result.stderr
    assert result.stdout == f"ok: {SCRIPTS / 'minimal.yaml'} (Minimal workshop, 2 parts, 30m)\n"
    assert result.stderr == ""


def test_validate_a_broken_script_exits_2_with_the_problem_on_stderr(tmp_path: Path) -> None:
    shutil.copy(BROKEN / "customer.yaml", tmp_path / "customer.yaml")
    result = workshop("validate", "customer.yaml", cwd=tmp_path)
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr == (
        'customer.yaml:14: parts[2].duration: "ten minutes" is not a duration (write 10m)\n'
    )


def test_validate_every_broken_script_at_once_never_shows_a_traceback() -> None:
    files = sorted(BROKEN.iterdir())
    result = workshop("validate", SCRIPTS / "minimal.yaml", *files)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr + result.stdout
    assert result.stdout.startswith("ok: ")
    for path in files:
        assert f"{path}:" in result.stderr, path.name
    assert result.stderr.endswith(
        f"workshop: {len(files)} of {len(files) + 1} scripts have problems\n"
    )


def test_a_warning_is_shown_but_validate_exits_0() -> None:
    result = workshop("validate", SCRIPTS / "over-time.yaml")
    assert result.returncode == 0
    assert "warning: duration: the parts add up to 1h10m" in result.stderr
    assert result.stdout.startswith(f"ok: {SCRIPTS / 'over-time.yaml'} (Over time, 2 parts, 1h)")


def test_validate_takes_a_script_id_and_says_when_it_is_unknown() -> None:
    known = workshop("--scripts-dir", SCRIPTS, "validate", "minimal")
    assert known.returncode == 0
    assert known.stdout.startswith("ok: ")
    unknown = workshop("validate", "no-such-script")
    assert unknown.returncode == 2
    assert unknown.stderr.startswith('workshop: there is no script with id "no-such-script"')
    assert "Traceback" not in unknown.stderr


def test_scripts_prints_an_aligned_table_with_broken_user_scripts_last() -> None:
    folder = user_scripts_dir()
    folder.mkdir(parents=True)
    shutil.copy(BROKEN / "typo-duraton.yaml", folder / "typo-duraton.yaml")
    result = workshop("--scripts-dir", SCRIPTS, "scripts")
    assert result.returncode == 0, result.stderr
    *lines, blank, where = result.stdout.splitlines()
    assert blank == ""
    assert where == f"Your scripts: {SCRIPTS}, {folder}"
    assert lines[0].split() == ["ID", "TITLE", "DURATION", "PARTS", "ORIGIN"]
    title_column = lines[0].index("TITLE")
    rows = {line.split()[0]: line for line in lines[1:]}
    assert set(rows) == {"every-kind", "minimal", "over-time", "typo-duraton", *BUNDLED_IDS}
    assert rows["minimal"].split() == ["minimal", "Minimal", "workshop", "30m", "2", "user"]
    for script_id in ["every-kind", "minimal", *BUNDLED_IDS]:
        assert rows[script_id][title_column - 2 : title_column] == "  "
        assert rows[script_id][title_column] != " "
    padding = " " * (title_column - len("typo-duraton"))
    assert lines[-1] == (
        f"typo-duraton{padding}BROKEN (user): {folder / 'typo-duraton.yaml'}:9: "
        'parts[1]: unknown key "duraton" (did you mean "duration"?)'
    )


def test_no_subcommand_opens_the_app_and_every_command_is_in_the_help() -> None:
    from workshop_tui.cli.console import cmd_open

    args = cli.parse_args(["--db", "x.db", "--scripts-dir", str(SCRIPTS)])
    assert cli.handler_of(args) is cmd_open
    assert (args.db, args.scripts_dirs) == ("x.db", [SCRIPTS])
    result = workshop("--help")
    assert result.returncode == 0
    for command in ("validate", "scripts", "run", "resume", "sessions", "export"):
        assert f"    {command} " in result.stdout


def test_a_missing_scripts_dir_is_a_usage_error(tmp_path: Path) -> None:
    result = workshop("--scripts-dir", tmp_path / "nowhere", "scripts")
    assert result.returncode == 2
    assert "is not a folder" in result.stderr
    assert "Traceback" not in result.stderr


def test_help_does_not_import_textual_or_sqlmodel() -> None:
    code = (
        "import sys\n"
        "from workshop_tui.cli import main\n"
        "try:\n"
        "    main(['--help'])\n"
        "except SystemExit:\n"
        "    pass\n"
        "heavy = [m for m in ('textual', 'sqlmodel', 'sqlalchemy') if m in sys.modules]\n"
        "print('heavy:', heavy)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    assert "usage: workshop" in result.stdout
    assert result.stdout.strip().endswith("heavy: []")


@pytest.mark.parametrize(
    ("error", "status", "message"),
    [
        (StoreError("the database is locked"), 2, "workshop: the database is locked\n"),
        (
            FileNotFoundError(2, "No such file or directory", "notes.md"),
            2,
            "workshop: No such file or directory (notes.md)\n",
        ),
        (
            RuntimeError("boom"),
            1,
            "workshop: unexpected RuntimeError: boom (set WORKSHOP_DEBUG=1 to see where)\n",
        ),
    ],
)
def test_errors_become_one_line_and_an_exit_status(
    error: Exception,
    status: int,
    message: str,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    def failing(args: object) -> int:
        raise error

    monkeypatch.setattr(scripts, "cmd_scripts", failing)
    monkeypatch.delenv(cli.DEBUG_ENV, raising=False)
    assert cli.main(["scripts"]) == status
    captured = capsys.readouterr()
    assert captured.err == message
    assert "Traceback" not in captured.err
