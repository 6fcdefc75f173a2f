"""The console cuts nothing it could show: drawn at 80x24, 100x30 and 160x45, both themes.

Each test reaches a part of a stored session by the keys a facilitator presses,
then reads the drawn screen (what the facilitator sees), not the widgets' data.
"""

from __future__ import annotations

import re
from collections.abc import AsyncIterator, Sequence
from contextlib import asynccontextmanager
from pathlib import Path

import pytest
from textual.pilot import Pilot

from tests.ui.app_driver import make_app, settle, steady_cursors, wait_for_screen
from tests.ui.console_seed import seed_full_session
from tests.ui.room_harness import screen_text
from workshop_tui.app.themes import DARK, LIGHT
from workshop_tui.dialogs.form import FormDialog
from workshop_tui.domain.clock import FakeClock
from workshop_tui.screens.facilitate import FacilitateScreen
from workshop_tui.screens.summary import SummaryScreen

SIZES = [(80, 24), (100, 30), (160, 45)]
SIZE_IDS = [f"{w}x{h}" for w, h in SIZES]
THEMES = [DARK, LIGHT]


@asynccontextmanager
async def console_on(
    tmp_path: Path,
    size: tuple[int, int],
    theme: str,
    part: int,
    keys: Sequence[str] = (),
    *,
    dialog: bool = False,
) -> AsyncIterator[Pilot[None]]:
    """The console on part ``part`` of ``seed_full_session``, ``keys`` pressed there
    (opening a ``dialog``: its flow waits for an answer, so no waiting for workers)."""
    clock = FakeClock()
    db = tmp_path / "w.db"
    session_id = seed_full_session(db, clock)
    app = make_app(db, clock, script_ref=None, session_id=session_id, exports_dir=tmp_path)
    async with app.run_test(size=size) as pilot:
        app.theme = theme
        screen = await wait_for_screen(pilot, FacilitateScreen)
        while screen.engine.index < part:
            await pilot.press("pagedown")
        while screen.engine.index > part:
            await pilot.press("pageup")
        await settle(pilot)
        if keys:
            await pilot.press(*keys)
            if dialog:
                await wait_for_screen(pilot, FormDialog)
                await steady_cursors(pilot)
            else:
                await settle(pilot)
        yield pilot


@pytest.mark.parametrize("theme", THEMES)
@pytest.mark.parametrize("size", SIZES, ids=SIZE_IDS)
async def test_cynefin_headers_keep_their_count(
    tmp_path: Path, size: tuple[int, int], theme: str
) -> None:
    async with console_on(tmp_path, size, theme, part=1) as pilot:
        text = screen_text(pilot.app)
        for name, count in (("3 Complex", 1), ("2 Compl", 2), ("4 Chaotic", 0), ("1 Clear", 1)):
            assert re.search(rf"━{name}\S* ?· ?{count}━", text), (name, text)
        assert re.search(r"━To classi\S* ?· ?6━", text), text


@pytest.mark.parametrize("theme", THEMES)
@pytest.mark.parametrize("size", SIZES, ids=SIZE_IDS)
async def test_an_actions_owner_and_due_date_are_whole(
    tmp_path: Path, size: tuple[int, int], theme: str
) -> None:
    async with console_on(tmp_path, size, theme, part=5) as pilot:
        lines = screen_text(pilot.app).splitlines()
        heading = next(line for line in lines if "Owner" in line and "Due" in line)
        owner_at, due_at = heading.index("Owner"), heading.index("Due")
        row = next(n for n, line in enumerate(lines) if "▶  ☐" in line)
        rows = lines[row : row + 3]
        owner = " ".join(line[owner_at:due_at].strip() for line in rows).split()
        assert owner[:2] == ["Priya", "Sharma"], rows
        assert rows[0][due_at:].startswith("Fri 1 Jan 2027"), rows


@pytest.mark.parametrize("theme", THEMES)
@pytest.mark.parametrize("size", SIZES, ids=SIZE_IDS)
async def test_a_sections_earlier_and_held_initials_are_whole(
    tmp_path: Path, size: tuple[int, int], theme: str
) -> None:
    async with console_on(tmp_path, size, theme, part=4) as pilot:
        text = screen_text(pilot.app)
        assert "↺ 2 earlier" in text and "‖ 1 held" in text, text
        assert not re.search(r"[↺‖][^▕│]*…", text), text


def dialog_text(text: str) -> str:
    """The words inside the dialog's thick border, its lines joined as one would read them."""
    inside = [line.split("█")[1] for line in text.splitlines() if line.count("█") >= 2]
    return " ".join(" ".join(inside).split())


FULL = "Full: fixed time and budget; the Product Owner orders scope Sprint by Sprint"
DOTS_QUESTION = "Which level of agility goes into the Statement of Work?"
FINGERS_QUESTION = (
    "How confident are we that the customer can keep its three promises from Sprint 1?"
)


@pytest.mark.parametrize("theme", THEMES)
@pytest.mark.parametrize("size", SIZES, ids=SIZE_IDS)
async def test_the_dot_vote_dialog_opens_at_its_question_with_whole_options(
    tmp_path: Path, size: tuple[int, int], theme: str
) -> None:
    async with console_on(
        tmp_path, size, theme, part=3, keys=("down", "down", "v"), dialog=True
    ) as pilot:
        drawn = dialog_text(screen_text(pilot.app))
        assert DOTS_QUESTION in drawn, drawn
        assert FULL in drawn, drawn  # the first field's label, wrapped, not cut


@pytest.mark.parametrize("theme", THEMES)
@pytest.mark.parametrize("size", SIZES, ids=SIZE_IDS)
async def test_the_fist_of_five_dialog_opens_at_its_question_and_first_label(
    tmp_path: Path, size: tuple[int, int], theme: str
) -> None:
    async with console_on(tmp_path, size, theme, part=3, keys=("down", "v"), dialog=True) as pilot:
        drawn = dialog_text(screen_text(pilot.app))
        assert FINGERS_QUESTION in drawn, drawn
        assert "0 fingers" in drawn, drawn


@pytest.mark.parametrize("theme", THEMES)
@pytest.mark.parametrize("size", SIZES, ids=SIZE_IDS)
async def test_the_fist_of_five_chart_keeps_its_rows_whole(
    tmp_path: Path, size: tuple[int, int], theme: str
) -> None:
    async with console_on(tmp_path, size, theme, part=3, keys=("down",)) as pilot:
        text = screen_text(pilot.app)
        assert re.search(r"Round 1 +0 +1 +2 +3 +4 +5 ", text), text
        assert re.search(r"people +0 +1 +0 +2 +0 +0 ", text), text


@pytest.mark.parametrize("theme", THEMES)
@pytest.mark.parametrize("size", SIZES, ids=SIZE_IDS)
async def test_the_summarys_agenda_shows_every_column(
    tmp_path: Path, size: tuple[int, int], theme: str
) -> None:
    async with console_on(tmp_path, size, theme, part=5, keys=("f", "y")) as pilot:
        await wait_for_screen(pilot, SummaryScreen)
        await settle(pilot)
        text = screen_text(pilot.app)
        assert re.search(r"Part +Plan +\+/- +Actual +Over ", text), text
        assert re.search(r"Opening +8m +1m ", text), text
        assert re.search(r"Negotiate Promises +18m +0m ", text), text
