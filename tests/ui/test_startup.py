"""Start-up of ``workshop run``: the script is checked behind the first frame, not before it."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import pytest
from textual.app import App
from textual.pilot import Pilot
from textual.screen import Screen

from workshop_tui.app.launch import Launch
from workshop_tui.app.workshop_app import WorkshopApp
from workshop_tui.cli import main
from workshop_tui.screens.facilitate import FacilitateScreen
from workshop_tui.screens.opening import OpeningScreen
from workshop_tui.screens.setup import SetupScreen
from workshop_tui.storage import open_store

BROKEN = Path(__file__).resolve().parents[1] / "fixtures" / "broken" / "syntax-error.yaml"
SCRIPT_ID = "customer-working-agreement"


@pytest.fixture
def headless(monkeypatch: pytest.MonkeyPatch) -> None:
    """``workshop`` runs its app without a terminal."""
    monkeypatch.setattr(WorkshopApp, "run", lambda self: App.run(self, headless=True))


async def wait_for_screen(pilot: Pilot[None], kind: type[Screen[None]]) -> None:
    deadline = time.monotonic() + 15
    while not isinstance(pilot.app.screen, kind):
        assert time.monotonic() < deadline, f"no {kind.__name__}; on {pilot.app.screen}"
        await pilot.pause(0.02)


@pytest.mark.usefixtures("headless")
def test_run_broken_script_exits_2_with_its_problem(capsys: pytest.CaptureFixture[str]) -> None:
    status = main(["run", str(BROKEN)])
    err = capsys.readouterr().err
    assert status == 2
    assert "syntax-error.yaml:6: not valid YAML" in err
    assert "Traceback" not in err


@pytest.mark.usefixtures("headless")
def test_run_unknown_script_id_exits_2_naming_it(capsys: pytest.CaptureFixture[str]) -> None:
    status = main(["run", "customer-working-agreemnt"])
    err = capsys.readouterr().err
    assert status == 2
    assert err.startswith('workshop: there is no script with id "customer-working-agreemnt" ')
    assert 'did you mean "customer-working-agreement"?' in err
    assert err.count("\n") == 1  # one line, never wrapped


CHECK_IMPORTS = f"""
import sys
from workshop_tui import cli
from workshop_tui.app import workshop_app as app
def record(self):
    heavy = [m for m in ("yaml", "pydantic", "sqlalchemy") if m in sys.modules]
    print(*heavy, self.launch.script_ref)
app.WorkshopApp.run = record
raise SystemExit(cli.main(["run", "{SCRIPT_ID}"]))
"""


def test_run_imports_neither_yaml_nor_pydantic_before_the_app() -> None:
    done = subprocess.run(
        [sys.executable, "-c", CHECK_IMPORTS], capture_output=True, text=True, check=False
    )
    assert (done.returncode, done.stdout.split()) == (0, [SCRIPT_ID]), done.stderr


async def test_set_up_shows_first_and_a_quick_start_waits_for_the_store(tmp_path: Path) -> None:
    db_path = tmp_path / "run.db"
    app = WorkshopApp(Launch(store=db_path, script_ref=SCRIPT_ID))
    async with app.run_test(size=(100, 30)) as pilot:
        assert isinstance(app.screen, OpeningScreen)
        await wait_for_screen(pilot, SetupScreen)
        await pilot.press(*"Acme", "ctrl+s")  # possibly before the store has opened
        await wait_for_screen(pilot, FacilitateScreen)
        assert app.engine is not None
        session_id = app.engine.session.id
    stored = open_store(db_path, readonly=True).list_sessions()
    assert [(s.id, s.customer) for s in stored] == [(session_id, "Acme")]
