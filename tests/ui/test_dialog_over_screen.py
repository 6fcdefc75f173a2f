"""A dialog over the facilitation screen: the screen dimmed under it as Textual dims it,
and both laid out again when the terminal's size changes."""

from __future__ import annotations

from pathlib import Path

from rich.segment import Segment
from rich.style import Style
from textual.color import Color
from textual.renderables.background_screen import BackgroundScreen

from tests.ui.app_driver import clock, wait_for_screen, wait_until
from tests.ui.test_screens import resumed_app
from workshop_tui.dialogs.form import FormDialog
from workshop_tui.domain.clock import FakeClock
from workshop_tui.screens.facilitate import FacilitateScreen
from workshop_tui.textual_fixes import DimmedScreen

__all__ = ["clock"]


def test_the_screen_under_a_dialog_is_dimmed_exactly_as_textual_dims_it() -> None:
    styles = [
        None,
        Style(color="#fea62b", bgcolor="#121212", bold=True),
        Style(color="red", link="https://example.org"),
        Style(bgcolor="#e0e0e0", italic=True),
        Style.from_meta({"@click": "app.bell"}),
    ]
    segments = [Segment(f"text {n}", style) for n, style in enumerate(styles * 3)]
    segments.append(Segment("\x1b[?25l", None, [(1,)]))  # type: ignore[list-item]
    for tint in (Color(0, 0, 0, 0.6), Color(255, 255, 255, 0.4), Color(0, 0, 0, 0)):
        ours = list(DimmedScreen.process_segments(segments, tint))
        textual = list(BackgroundScreen.process_segments(segments, tint))
        assert ours == textual


async def test_a_dialog_dims_the_screen_under_it_and_a_resize_lays_that_screen_out_again(
    tmp_path: Path, clock: FakeClock
) -> None:
    app = resumed_app(tmp_path, clock)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await wait_for_screen(pilot, FacilitateScreen)
        await pilot.press("n")
        dialog = await wait_for_screen(pilot, FormDialog)
        assert isinstance(dialog.render(), DimmedScreen)
        shown = app.export_screenshot()
        assert "Northwind" in shown, "the header under it is still there, dimmed"
        await pilot.resize_terminal(120, 36)
        await pilot.pause()
        await pilot.pause()
        box = dialog.query_one("#dialog-box").region
        assert abs(box.x - (120 - box.right)) <= 1, "the dialog is centred in the new size"
        assert abs(box.y - (36 - box.bottom)) <= 1
        await pilot.press("escape")
        await wait_until(pilot, lambda: app.screen is screen)
        await pilot.pause()
        assert screen.size == (120, 36)
        assert screen.query_one("Footer").region.width == 120


async def test_a_long_question_scrolls_and_its_answers_stay_in_view_at_80x24() -> None:
    from textual.app import App

    from workshop_tui.dialogs.confirm import ConfirmDialog

    detail = "\n".join(f"Line {n} of what the room is about to accept." for n in range(60))
    answers: list[bool] = []

    class Asks(App[None]):
        def on_mount(self) -> None:
            self.push_screen(ConfirmDialog("Accept the advice?", detail), answers.append)

    app = Asks()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.pause()
        dialog = app.screen
        yes = dialog.query_one("#yes")
        assert yes.region.bottom <= 24 and yes.region.height > 0, "the answers are in view"
        scroller = dialog.query_one("#dialog-fields")
        assert scroller.max_scroll_y > 0
        await pilot.press("pagedown")
        assert scroller.scroll_y > 0, "the detail reads on"
        await pilot.press("y")
        assert answers == [True]
