"""Every text the room reads is at least 4.5:1 on its background, the countdown at least 7:1.

The ratios are computed (WCAG relative luminance) from SVG screenshots of the
app as drawn, in both of its themes: whatever a theme or a CSS rule changes,
the colours measured are the ones on screen. Behind a dialog the screen is
dimmed on purpose (the room is meant to look at the dialog), so while a dialog
is open only the dialog's own box is audited.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.geometry import Region
from textual.pilot import Pilot

from tests.ui.app_driver import clock, make_app, wait_for_screen, wait_until, wait_until_idle
from tests.ui.contrast_audit import Run, runs
from tests.ui.test_screens import resumed_app
from workshop_tui.app.themes import DARK, LIGHT
from workshop_tui.boards.countdown import BigCountdown
from workshop_tui.dialogs.form import FormDialog
from workshop_tui.domain.clock import FakeClock
from workshop_tui.screens.facilitate import FacilitateScreen
from workshop_tui.screens.help import HelpScreen
from workshop_tui.screens.picker import PickerScreen
from workshop_tui.screens.setup import SetupScreen
from workshop_tui.screens.summary import SummaryScreen

__all__ = ["clock"]

TEXT = 4.5
COUNTDOWN = 7.0


def inside(run: Run, region: Region) -> bool:
    return region.contains(run.column, run.row)


def unticked_mark(run: Run) -> bool:
    """An unticked checkbox's "X", drawn nearly in its box's colour on purpose: not text."""
    return run.words == "X" and run.ratio < 2


def poor(svg: str, region: Region | None = None) -> list[str]:
    """Each run of words below 4.5:1 (inside ``region`` if given), described."""
    return [
        f"{run.text.strip()!r} {run.foreground} on {run.background}: {run.ratio:.2f}"
        for run in runs(svg)
        if run.words
        and run.ratio < TEXT
        and not unticked_mark(run)
        and (region is None or inside(run, region))
    ]


def countdown_ratios(svg: str, region: Region) -> list[float]:
    """The contrast of every drawn cell run of the countdown (its glyphs and its label)."""
    return [run.ratio for run in runs(svg) if run.text.strip() and inside(run, region)]


async def audit(pilot: Pilot[None], where: str, problems: list[str]) -> None:
    if not pilot.app.screen.is_modal:  # a dialog's flow waits for its answer
        await wait_until_idle(pilot)
    pilot.app.clear_notifications()
    await pilot.pause()
    svg = pilot.app.export_screenshot()
    screen = pilot.app.screen
    box = None
    if screen.is_modal:
        box = screen.query_one("#dialog-box, #help-box").region
    problems += [f"{where}: {problem}" for problem in poor(svg, box)]


@pytest.mark.parametrize("theme", [DARK, LIGHT])
async def test_every_text_and_the_countdown_read_well_in_both_themes(
    tmp_path: Path, clock: FakeClock, theme: str
) -> None:
    app = resumed_app(tmp_path, clock)
    problems: list[str] = []
    countdown: dict[str, float] = {}
    async with app.run_test(size=(100, 30)) as pilot:
        app.theme = theme
        screen = await wait_for_screen(pilot, FacilitateScreen)
        for index in range(len(screen.engine.script.parts)):
            await pilot.press("pagedown") if index else None
            await audit(pilot, f"part {index + 1}", problems)
        await pilot.press("n")
        await wait_for_screen(pilot, FormDialog)
        await audit(pilot, "note dialog", problems)
        await pilot.press("escape")
        await pilot.press("question_mark")
        await wait_for_screen(pilot, HelpScreen)
        await audit(pilot, "help", problems)
        await pilot.press("escape")
        await wait_for_screen(pilot, FacilitateScreen)

        big = screen.query_one(BigCountdown)
        remaining = screen.engine.timing.remaining()
        steps = [("paused", 0.0), ("normal", 0.0), ("ending", remaining - 60), ("over", 180.0)]
        for phase, advance in steps:
            if phase == "normal":
                await pilot.press("space")
            clock.advance(advance)
            # a tick redraws the countdown
            await wait_until(pilot, lambda shown=phase: big.phase == shown)
            await pilot.pause()
            assert big.phase == phase
            svg = app.export_screenshot()
            countdown[phase] = min(countdown_ratios(svg, big.region))
            problems += [f"countdown {phase}: {p}" for p in poor(svg)]

        await pilot.press("space", "f")
        await pilot.pause()
        await pilot.press("enter")
        await wait_for_screen(pilot, SummaryScreen)
        await audit(pilot, "summary", problems)
    assert not problems, "\n".join(problems)
    assert min(countdown.values()) >= COUNTDOWN, countdown


@pytest.mark.parametrize("theme", [DARK, LIGHT])
async def test_the_picker_and_set_up_read_well_in_both_themes(
    tmp_path: Path, clock: FakeClock, theme: str
) -> None:
    app = make_app(tmp_path / "w.db", clock, script_ref=None)
    problems: list[str] = []
    async with app.run_test(size=(100, 30)) as pilot:
        app.theme = theme
        await wait_for_screen(pilot, PickerScreen)
        await audit(pilot, "picker", problems)
        await pilot.press("enter")
        await wait_for_screen(pilot, SetupScreen)
        await audit(pilot, "set-up", problems)
        await pilot.press("ctrl+a")
        await wait_for_screen(pilot, FormDialog)
        await audit(pilot, "add a participant", problems)
    assert not problems, "\n".join(problems)
