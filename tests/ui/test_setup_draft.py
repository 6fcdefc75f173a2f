"""The set-up is never lost: kept aside as it is typed, offered back, and safe from a bad store."""

from __future__ import annotations

import json
import os
import pty
import re
import select
import signal
import stat
import sys
import time
from pathlib import Path

import pytest
from textual.widgets import DataTable, Input, Static

from tests.ui.app_driver import (
    add_person,
    make_app,
    type_text,
    wait_for_screen,
    wait_until,
)
from tests.waiting import calls_to
from workshop_tui.app.setup_draft import draft_path, load_draft
from workshop_tui.dialogs.confirm import ConfirmDialog
from workshop_tui.domain.clock import FakeClock
from workshop_tui.screens.facilitate import FacilitateScreen
from workshop_tui.screens.setup import SetupScreen
from workshop_tui.storage import open_store

SIZE = (100, 30)
SCRIPT = "customer-working-agreement"


def kept() -> dict[str, object]:
    return json.loads(draft_path(SCRIPT).read_text(encoding="utf-8"))


async def type_set_up(pilot, customer: str = "Acme Health") -> SetupScreen:  # type: ignore[no-untyped-def]
    screen = await wait_for_screen(pilot, SetupScreen)
    await type_text(pilot, customer)
    await pilot.press("enter", "enter")  # past the supplier, left blank
    await type_text(pilot, "Kim Park")
    await pilot.press("enter")
    await add_person(pilot, "Ana Lopez", "Product Owner")
    await pilot.press("ctrl+a")
    await add_person(pilot, "Bo Chen", "Customer sponsor")
    return screen


async def test_every_change_is_kept_aside_for_its_owner_only(tmp_path: Path) -> None:
    app = make_app(tmp_path / "w.db", FakeClock())
    async with app.run_test(size=SIZE) as pilot:
        screen = await type_set_up(pilot)
        assert kept()["customer"] == "Acme Health"
        assert kept()["participants"] == [
            ["Ana Lopez", "Product Owner", "customer", ""],
            ["Bo Chen", "Customer sponsor", "customer", ""],
        ]
        screen.query_one("#materials").focus()
        await pilot.press("space")  # tick the first prepared item
        await pilot.pause()
        assert len(kept()["materials_checked"]) == 1  # type: ignore[arg-type]
        table = screen.query_one("#participants", DataTable)
        await pilot.press("ctrl+d")  # the highlighted person goes, and from the draft too
        assert table.row_count == 1
        assert kept()["participants"] == [["Bo Chen", "Customer sponsor", "customer", ""]]
    assert stat.S_IMODE(draft_path(SCRIPT).stat().st_mode) == 0o600
    assert not list(draft_path(SCRIPT).parent.glob(".setup-*")), "no temporary file left behind"


async def test_the_same_script_offers_it_back_and_the_session_takes_it(tmp_path: Path) -> None:
    db = tmp_path / "w.db"
    first = make_app(db, FakeClock())
    async with first.run_test(size=SIZE) as pilot:
        await type_set_up(pilot)
    again = make_app(db, FakeClock())
    async with again.run_test(size=SIZE) as pilot:
        question = await wait_for_screen(pilot, ConfirmDialog)
        said = str(question.query_one("#dialog-intro", Static).render())
        assert "Acme Health" in said and "2 participants (Ana Lopez, Bo Chen)" in said
        assert "Typed on" in said
        await pilot.press("y")
        screen = await wait_for_screen(pilot, SetupScreen)
        assert screen.query_one("#customer", Input).value == "Acme Health"
        assert screen.query_one("#facilitator", Input).value == "Kim Park"
        assert screen.query_one("#participants", DataTable).row_count == 2
        await pilot.press("ctrl+s")
        facilitate = await wait_for_screen(pilot, FacilitateScreen)
        setup = facilitate.engine.session.setup
    assert not draft_path(SCRIPT).exists(), "creating the session removes the draft"
    stored = open_store(db).load_session(facilitate.engine.session.id)[1].setup
    assert stored == setup
    assert (setup.customer, [p.name for p in setup.participants]) == (
        "Acme Health",
        ["Ana Lopez", "Bo Chen"],
    )


async def test_start_afresh_forgets_the_draft(tmp_path: Path) -> None:
    db = tmp_path / "w.db"
    async with make_app(db, FakeClock()).run_test(size=SIZE) as pilot:
        await type_set_up(pilot)
    async with make_app(db, FakeClock()).run_test(size=SIZE) as pilot:
        await wait_for_screen(pilot, ConfirmDialog)
        await pilot.press("n")
        screen = await wait_for_screen(pilot, SetupScreen)
        assert screen.query_one("#customer", Input).value == ""
    assert load_draft(SCRIPT) is None


async def test_a_store_that_will_not_open_keeps_everything_typed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    reported = calls_to(monkeypatch, SetupScreen, "store_failed")
    db = tmp_path / "w.db"
    db.write_bytes(b"this is not a database\x00" * 64)
    app = make_app(db, FakeClock())
    async with app.run_test(size=SIZE) as pilot:
        screen = await type_set_up(pilot)
        problem = screen.query_one("#setup-problem", Static)
        await wait_until(pilot, lambda: problem.display)
        said = str(problem.render())
        assert "is not a workshop-tui database" in said and "Ctrl+S tries again" in said
        assert ". Everything typed here is kept" in said, "the problem is a sentence of its own"
        failed = reported()
        await pilot.press("ctrl+s")  # still broken: still here, still typed
        await wait_until(pilot, lambda: reported() > failed, what="the new try said it failed")
        assert isinstance(app.screen, SetupScreen) and app.return_code is None
        assert screen.query_one("#customer", Input).value == "Acme Health"
        db.unlink()  # the facilitator moves the damaged file away
        await pilot.press("ctrl+s")
        facilitate = await wait_for_screen(pilot, FacilitateScreen)
        assert facilitate.engine.session.setup.customer == "Acme Health"
        assert len(facilitate.engine.session.setup.participants) == 2


async def test_quitting_set_up_says_where_the_draft_is(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    app = make_app(tmp_path / "w.db", FakeClock())
    async with app.run_test(size=SIZE) as pilot:
        await type_set_up(pilot)
        await pilot.press("ctrl+q")
        await wait_until(pilot, lambda: app.return_code is not None)
    assert app.return_code == 0
    printed = capsys.readouterr()
    said = " ".join((printed.out + printed.err).split())
    assert f"kept in {draft_path(SCRIPT)}" in said
    assert load_draft(SCRIPT) is not None


ANSI = re.compile(r"\x1b\[[0-9;?<>=]*[ -/]*[@-~]|\x1b[\]P][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b.")


def read_until(fd: int, text: str, timeout: float = 20) -> str:
    """Read the app's terminal output until ``text`` shows (escape sequences taken out)."""
    seen = b""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        ready, _, _ = select.select([fd], [], [], 0.1)
        if ready:
            try:
                seen += os.read(fd, 65536)
            except OSError:
                break
            if text in ANSI.sub("", seen.decode("utf-8", "replace")):
                return ANSI.sub("", seen.decode("utf-8", "replace"))
    raise AssertionError(f"{text!r} never showed; the app printed {seen[-2000:]!r}")


def drain(fd: int) -> None:
    while select.select([fd], [], [], 0)[0]:
        try:
            os.read(fd, 65536)
        except OSError:
            return


async def test_a_kill_during_set_up_loses_nothing_typed(tmp_path: Path) -> None:
    """``workshop run`` in a real terminal, typed into, then killed -9; the next start offers
    everything back."""
    db = tmp_path / "w.db"
    command = [sys.executable, "-m", "workshop_tui", "--db", str(db), "run", SCRIPT]
    pid, fd = pty.fork()
    if pid == 0:  # the child: the app, in a 100x30 terminal of its own
        os.environ.update({"TERM": "xterm-256color", "COLUMNS": "100", "LINES": "30"})
        os.execv(sys.executable, command)
    try:
        read_until(fd, "Customer or team")
        # Typed in one burst, as fast as a terminal delivers it: Enter past the supplier,
        # Enter on the facilitator opens the add-person dialog, and what follows must land in
        # it (Ctrl+S saves it, the person's side left as it is).
        os.write(fd, b"Acme Kill\r\rKim Park\rAna Lopez\rProduct Owner\x13")
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            drain(fd)
            draft = load_draft(SCRIPT)
            if draft is not None and draft.participants:
                break
            time.sleep(0.05)
        os.kill(pid, signal.SIGKILL)
    finally:
        with_status = os.waitpid(pid, 0)[1]
        os.close(fd)
    assert os.WIFSIGNALED(with_status) and os.WTERMSIG(with_status) == signal.SIGKILL

    again = make_app(db, FakeClock())
    async with again.run_test(size=SIZE) as pilot:
        await wait_for_screen(pilot, ConfirmDialog)
        await pilot.press("y")
        screen = await wait_for_screen(pilot, SetupScreen)
        assert screen.query_one("#customer", Input).value == "Acme Kill"
        assert screen.query_one("#facilitator", Input).value == "Kim Park"
        table = screen.query_one("#participants", DataTable)
        assert [str(cell) for cell in table.get_row_at(0)] == [
            "Ana Lopez",
            "Product Owner",
            "Customer: Acme Kill",
        ]
