"""The facilitation screen's own keys, through a real app, store and injected clock."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widget import Widget
from textual.widgets import Input, Select, Static

from tests.ui.app_driver import wait_until, wait_until_idle
from tests.ui.test_full_session import SIZE, type_into_dialog, wait_for
from workshop_tui.app.launch import Launch
from workshop_tui.app.workshop_app import WorkshopApp
from workshop_tui.boards.agenda import AgendaBoard
from workshop_tui.boards.countdown import BigCountdown
from workshop_tui.boards.status_lines import StatusLines
from workshop_tui.dialogs.form import FormDialog
from workshop_tui.domain.clock import FakeClock
from workshop_tui.locations import StoreLocation
from workshop_tui.screens.facilitate import FacilitateScreen
from workshop_tui.screens.setup import SetupScreen
from workshop_tui.storage import open_store


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


async def started(pilot, clock: FakeClock) -> FacilitateScreen:  # type: ignore[no-untyped-def]
    await wait_for(pilot, SetupScreen)
    await pilot.press(*"Acme", "ctrl+s")
    screen = await wait_for(pilot, FacilitateScreen)
    assert isinstance(screen, FacilitateScreen)
    return screen


def shown(widget: Widget) -> list[str]:
    """The lines the widget shows on screen."""
    return [
        "".join(segment.text for segment in widget.render_line(y))
        for y in range(widget.size.height)
    ]


def app_for(tmp_path: Path, clock: FakeClock, store: StoreLocation | None = None) -> WorkshopApp:
    """The console on ``store`` (by default a file in ``tmp_path``), exporting to a folder
    there."""
    launch = Launch(
        store=store or tmp_path / "w.db",
        script_ref="customer-working-agreement",
        exports_dir=tmp_path / "exports",
    )
    return WorkshopApp(launch, clock=clock)


async def test_extending_is_stored_and_shown(tmp_path: Path, clock: FakeClock) -> None:
    app = app_for(tmp_path, clock)
    async with app.run_test(size=SIZE) as pilot:
        screen = await started(pilot, clock)
        await pilot.press("space")
        await pilot.press("e", "E")
        await pilot.pause()
        assert screen.engine.timing.current.extra_seconds == 360
        assert screen.query_one(BigCountdown).text == "14:00"
        await pilot.press("ctrl+e")
        await type_into_dialog(pilot, "-2m")
        assert screen.engine.timing.current.extra_seconds == 240
    _, stored = open_store(tmp_path / "w.db").load_session(screen.engine.session.id)
    assert stored.timings[0].extra_seconds == 240


async def test_time_up_rings_the_bell_once_and_shows_how_far_over(
    tmp_path: Path, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = app_for(tmp_path, clock)
    rings: list[str] = []
    monkeypatch.setattr(app, "bell", lambda: rings.append("ding"))
    async with app.run_test(size=SIZE) as pilot:
        screen = await started(pilot, clock)
        await pilot.press("b", "space")
        countdown = screen.query_one(BigCountdown)
        clock.advance(7 * 60)
        await wait_until(pilot, lambda: countdown.text == "01:00")  # each drawn on a tick
        assert countdown.phase == "ending"
        assert rings == []
        clock.advance(2 * 60 + 5)
        await wait_until(pilot, lambda: countdown.text == "-01:05")
        clock.advance(10)
        await wait_until(pilot, lambda: countdown.text == "-01:15")
        assert countdown.phase == "over" and countdown.text == "-01:15"
        assert rings == ["ding"], "the bell rings once, when time runs out"
        part_line, _, plan_line = screen.query_one("#workshop-line", StatusLines).shown
        assert "bell on" in part_line and "behind plan" in plan_line


async def test_private_notes_are_hidden_until_asked_for(tmp_path: Path, clock: FakeClock) -> None:
    app = app_for(tmp_path, clock)
    async with app.run_test(size=SIZE) as pilot:
        screen = await started(pilot, clock)
        private = screen.query_one("#private")
        assert not private.display
        note = screen.engine.part.facilitator_notes[0]
        await pilot.press("t")
        assert private.display and note in str(screen.query_one("#private-text", Static).render())
        await pilot.press("t")
        assert not private.display


async def test_go_to_any_part_and_back(tmp_path: Path, clock: FakeClock) -> None:
    app = app_for(tmp_path, clock)
    async with app.run_test(size=SIZE) as pilot:
        screen = await started(pilot, clock)
        await pilot.press("g")
        dialog = await wait_for(pilot, FormDialog)
        dialog.query_one(Select).value = "4"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert screen.engine.part.id == "sign-off"
        assert "Sign-off" in str(screen.query_one("#part-title", Static).render())
        await pilot.press("pageup", "pageup")
        await pilot.pause()
        assert screen.engine.index == 2
        agenda = shown(screen.query_one(AgendaBoard))
        current = next(line for line in agenda if "▶" in line)
        assert "Negotiate Promises" in current
        # Only the part that was left going forward is done; parts jumped over stay upcoming.
        assert sum("✔" in line for line in agenda) == 1
        assert sum("·" in line for line in agenda) == 4


async def test_go_to_a_part_by_its_number_and_enter(tmp_path: Path, clock: FakeClock) -> None:
    """g, the part's number, Enter: the number chooses the part and Enter goes there (an
    Enter on an untouched list still opens it)."""
    app = app_for(tmp_path, clock)
    async with app.run_test(size=SIZE) as pilot:
        screen = await started(pilot, clock)
        await pilot.press("g")
        await wait_for(pilot, FormDialog)
        await pilot.press("5", "enter")
        await wait_until(pilot, lambda: screen.engine.part.id == "sign-off")
        assert not isinstance(app.screen, FormDialog)
        await pilot.press("g")
        dialog = await wait_for(pilot, FormDialog)
        await pilot.press("enter")
        await wait_until(pilot, lambda: dialog.query_one(Select).expanded)


async def test_export_at_any_time_writes_the_notes_so_far(tmp_path: Path, clock: FakeClock) -> None:
    app = app_for(tmp_path, clock)
    async with app.run_test(size=SIZE) as pilot:
        await started(pilot, clock)
        await pilot.press("n")
        await type_into_dialog(pilot, "First | note with `code` and <b>tags</b>")
        await pilot.press("x")
        await pilot.pause()
    (exported,) = (tmp_path / "exports").glob("*.md")
    text = exported.read_text(encoding="utf-8")
    assert "# Customer Working Agreement — Acme" in text
    assert r"First \| note with \`code\` and \<b\>tags\</b\>" in text


async def test_status_keeps_every_fact_in_a_narrow_side_bar(
    tmp_path: Path, clock: FakeClock
) -> None:
    app = app_for(tmp_path, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await started(pilot, clock)
        await pilot.press("space", "b", "E", "E", "E", "E", "E", "E", "E")
        await pilot.pause()
        status = app.screen.query_one("#workshop-line", StatusLines)
        part_line = status.shown[0]
        assert len(part_line) <= status.size.width
        assert "…" not in part_line
        assert "running" in part_line.lower() and "+35m" in part_line and "bell" in part_line


def burst(app: WorkshopApp, text: str) -> None:
    """Keys as a terminal delivers a burst: all queued at once, none waiting for the last."""
    from textual import events
    from textual.keys import _character_to_key

    for char in text:
        key = char if char.isalnum() else _character_to_key(char)
        app.post_message(events.Key(key, char))


async def test_keys_typed_with_n_go_to_the_note_never_to_the_screen(
    tmp_path: Path, clock: FakeClock
) -> None:
    app = app_for(tmp_path, clock)
    async with app.run_test(size=SIZE) as pilot:
        screen = await started(pilot, clock)
        burst(app, "nPlease e-mail everyone e ")  # "e" gives a minute, space starts the timer
        dialog = await wait_for(pilot, FormDialog)
        field = dialog.query_one("#field-text", Input)
        await wait_until(pilot, lambda: field.value == "Please e-mail everyone e ")
        assert dialog.query_one("#field-text", Input).value == "Please e-mail everyone e "
        assert screen.engine.timing.current.extra_seconds == 0 and not screen.engine.timing.running
        await pilot.press("enter")
        await pilot.pause()
        assert [note.text for note in screen.engine.session.notes] == ["Please e-mail everyone e"]


async def test_a_part_change_is_drawn_as_one_frame(
    tmp_path: Path, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every frame after PgDn shows one part whole: brief, countdown, status and board."""
    app = app_for(tmp_path, clock)
    async with app.run_test(size=SIZE) as pilot:
        screen = await started(pilot, clock)
        frames: list[tuple[str, str, str, str]] = []
        display = app._display

        def seen(shown_screen, update):  # type: ignore[no-untyped-def]
            if shown_screen is screen:
                boards = [type(w).__name__ for w in screen.query("#activity > *") if w.display]
                frames.append(
                    (
                        str(screen.query_one("#part-title", Static).render()),
                        screen.query_one(BigCountdown).text,
                        screen.query_one("#workshop-line", StatusLines).lines[1],
                        ",".join(boards),
                    )
                )
            return display(shown_screen, update)

        monkeypatch.setattr(app, "_display", seen)
        await pilot.press("pagedown")
        old = ("Opening", "08:00", "Workshop 1:00:00 left", "DiscussionControls")
        new = ("Agree Type of Work", "12:00", "Workshop 1:00:00 left", "CynefinControls")
        await wait_until(pilot, lambda: new in frames, what="a frame of the new part")
        await wait_until_idle(pilot)  # and whatever the change still draws after it
        assert frames, "the part change was drawn"
        assert set(frames) <= {old, new}, f"a frame mixed two parts: {set(frames) - {old, new}}"
        assert frames[-1] == new
