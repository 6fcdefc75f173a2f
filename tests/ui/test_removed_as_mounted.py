"""A part's controls let go of while they are still mounting (a neighbour made ready out
of sight as the facilitator moves on, or a screen that goes) leave quietly."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from textual.app import App, ComposeResult
from textual.containers import Vertical

from tests.ui.panel_harness import APP_CSS, begin
from workshop_tui.content.catalog import find_script
from workshop_tui.content.loader import load_script
from workshop_tui.controls.registry import controls_for

SCRIPT = load_script(find_script("customer-working-agreement")).script
KINDS = {part.activity.kind: index for index, part in enumerate(SCRIPT.parts)}


class Stage(App[None]):
    CSS_PATH = APP_CSS

    def compose(self) -> ComposeResult:
        yield Vertical(id="stage")


@pytest.mark.parametrize("kind", sorted(KINDS))
async def test_controls_removed_before_their_mount_is_handled_raise_nothing(
    tmp_path: Path, kind: str
) -> None:
    engine = begin(tmp_path, SCRIPT, part=KINDS[kind])
    app = Stage()
    async with app.run_test(size=(100, 30)) as pilot:
        stage = app.query_one("#stage")
        for ticks in range(6):  # removed at each point of the mount
            controls = controls_for(engine, engine.part)
            controls.display = ticks % 2 == 0  # shown, or ready out of sight
            stage.mount(controls)
            for _ in range(ticks):
                await asyncio.sleep(0)
            controls.remove()
            await pilot.pause()
        assert app.return_code is None, "an error stopped the app"
        assert not stage.children
