"""A click on a board's lines changes nothing: the board's controls hold the selection,
and the room never sees a second highlighted line the keys know nothing of."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import OptionList

from tests.ui.app_driver import clock, go_to_part, wait_for_screen
from tests.ui.test_screens import resumed_app
from workshop_tui.boards.cynefin_box import CynefinBox
from workshop_tui.boards.promises import PromiseColumn
from workshop_tui.domain.clock import FakeClock
from workshop_tui.screens.facilitate import FacilitateScreen

__all__ = ["clock"]


def highlights(lists: list[OptionList]) -> list[int | None]:
    return [each.highlighted for each in lists]


async def test_clicks_on_promises_and_cynefin_boxes_move_no_highlight(
    tmp_path: Path, clock: FakeClock
) -> None:
    app = resumed_app(tmp_path, clock)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await wait_for_screen(pilot, FacilitateScreen)
        columns: list[OptionList] = list(screen.query(PromiseColumn))
        before = highlights(columns)
        assert before.count(None) == 1, "the selection is in one column"
        for column in columns:
            await pilot.click(column, offset=(3, 1))
            await pilot.hover(column, offset=(3, 2))
        await pilot.pause()
        assert highlights(columns) == before

        await go_to_part(pilot, 1)
        boxes: list[OptionList] = [b for b in screen.query(CynefinBox) if b.option_count]
        before = highlights(boxes)
        for box in boxes:
            await pilot.click(box, offset=(2, 1))
        await pilot.pause()
        assert highlights(boxes) == before
