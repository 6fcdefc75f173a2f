"""The Customer Working Agreement negotiated and signed by keys, then both documents exported.

Amend one promise, decline one with a reason, park one, sign the Delivery team's
section for everyone present, amend again (those initials go stale), initial
again, export the agreement and the full notes: the store, the screen and both
files say the same thing.
"""

from __future__ import annotations

from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import Static

from tests.ui.app_driver import (
    clock,
    go_to_part,
    make_app,
    start_session,
    type_text,
    wait_for_screen,
    wait_until,
)
from tests.ui.panel_harness import shown
from workshop_tui.controls.promises import PromisesControls
from workshop_tui.dialogs.confirm import ConfirmDialog
from workshop_tui.dialogs.form import FormDialog
from workshop_tui.domain.clock import FakeClock
from workshop_tui.domain.kinds import InitialKind, PromiseStatus
from workshop_tui.domain.read_models import standing
from workshop_tui.screens.facilitate import FacilitateScreen
from workshop_tui.storage import open_store
from workshop_tui.widgets.marked_list import MarkedList

__all__ = ["clock"]

TEAM = "A dedicated team of Developers who can turn the requested value into a usable increment"
SECTION = "delivery-team-promises"


async def answer(pilot: Pilot[None], *texts: str) -> None:
    """Type each text into the open dialog's fields after what they hold, Enter after each."""
    await wait_for_screen(pilot, FormDialog)
    for text in texts:
        await pilot.press("end")
        await type_text(pilot, text)
        await pilot.press("enter")
    await wait_for_screen(pilot, FacilitateScreen)


async def select_promise(pilot: Pilot[None], party: int, wording: str) -> None:
    """Move the promises board's selection to ``wording`` in column ``party``."""
    controls = pilot.app.screen.query_one(PromisesControls)
    await pilot.press("left", "left", *["right"] * party, "home")
    for _ in range(8):
        if controls.selected.wording.startswith(wording):
            return
        await pilot.press("down")
    raise AssertionError(f"no promise {wording!r} in column {party}")


async def initial_for_everyone(pilot: Pilot[None]) -> None:
    """Select the Delivery team's section, then ``a`` and Enter: everyone present initials."""
    screen = await wait_for_screen(pilot, FacilitateScreen)
    await pilot.press("home", "down")
    assert screen.controls.query_one(MarkedList).selected_id == SECTION
    await pilot.press("a")
    await wait_for_screen(pilot, ConfirmDialog)
    await pilot.press("enter")
    await wait_for_screen(pilot, FacilitateScreen)


async def test_negotiate_sign_amend_and_initial_again(tmp_path: Path, clock: FakeClock) -> None:
    app = make_app(tmp_path / "w.db", clock, exports_dir=tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await start_session(pilot)
        engine = screen.engine
        await go_to_part(pilot, 2)
        await select_promise(pilot, 0, TEAM)
        await pilot.press("enter", "m")  # table it, then amend it
        await answer(pilot, ", four Developers full time", "the customer asked")
        await select_promise(pilot, 0, "A Scrum Master")
        await pilot.press("d")
        await answer(pilot, "no budget")
        await select_promise(pilot, 1, "Provide a Product Owner")
        await pilot.press("k")
        await answer(pilot, "nobody named")

        await go_to_part(pilot, 4)
        await initial_for_everyone(pilot)
        first = [row for row in engine.session.signoffs if row.section_id == SECTION]
        assert [row.role for row in first] == ["Customer sponsor", "Product Owner", "Delivery lead"]
        assert f"{TEAM}, four Developers full time" in first[0].wording
        assert "Scrum Master" not in first[0].wording.split("Declined")[0]

        await go_to_part(pilot, 2)
        await select_promise(pilot, 0, TEAM)
        await pilot.press("m")
        await answer(pilot, " and a tester", "")
        await go_to_part(pilot, 4)
        await pilot.press("home", "down")
        roles = shown(screen.controls.query_one("#signoff-roles", Static))
        assert roles.count("for an earlier wording") == 3
        assert engine.signoff.progress(engine.part)[1].complete is False

        await initial_for_everyone(pilot)
        assert engine.signoff.progress(engine.part)[1].complete is True
        await pilot.press("x", "X")
        await wait_until(pilot, lambda: len(list(tmp_path.glob("*.md"))) == 2)

    store = open_store(tmp_path / "w.db")
    try:
        stored = store.load_session(engine.session.id)[1]
    finally:
        store.close()
    [team] = [t for t in standing.promise_threads(stored.promises) if t.history[0].text == TEAM]
    assert [row.text for row in team.amendments] == [TEAM, f"{TEAM}, four Developers full time"]
    current = {t.current.text[:20]: t.current for t in standing.promise_threads(stored.promises)}
    assert (current["A Scrum Master who k"].status, current["A Scrum Master who k"].reason) == (
        PromiseStatus.DECLINED,
        "no budget",
    )
    assert current["Provide a Product Ow"].reason == "nobody named"
    rows = [row for row in stored.signoffs if row.section_id == SECTION]
    assert [row.kind for row in rows] == [InitialKind.INITIALLED] * 6
    assert len({row.wording for row in rows}) == 2  # the wording each was given for
    assert f"{TEAM}, four Developers full time and a tester" in rows[-1].wording

    [agreement] = tmp_path.glob("*-agreement.md")
    [notes] = [path for path in tmp_path.glob("*.md") if path != agreement]
    signed = agreement.read_text(encoding="utf-8")
    assert f"{TEAM}, four Developers full time and a tester" in signed
    assert "no budget" in signed and "nobody named" in signed
    assert "version 2" in signed
    full = notes.read_text(encoding="utf-8")
    assert "the customer asked" in full
    assert full.count("initialled version 1") == 3 and full.count("initialled version 2") == 3
