"""Pure pieces of the room view: which items fit around the item in play, and a break's end."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from workshop_tui.boards.projector.fitting import Window, fit
from workshop_tui.domain.rules.breaks import BreakError, back_at


def test_everything_that_fits_is_shown() -> None:
    assert fit([2, 3, 1], focus=None, rows=6) == Window(0, 3, 0)
    assert fit([], focus=None, rows=5) == Window(0, 0, 0)


def test_the_item_in_play_and_its_neighbours_fit_with_a_line_for_the_rest() -> None:
    heights = [3] * 20
    window = fit(heights, focus=17, rows=10)  # 9 rows for items, 1 for "+N more"
    assert 17 in window.shown and window.end - window.start == 3 and window.hidden == 17
    assert fit(heights, focus=None, rows=10).start == 0  # nothing in play: from the top


def test_an_item_taller_than_the_list_is_shown_alone() -> None:
    window = fit([2, 12, 2], focus=1, rows=8)
    assert list(window.shown) == [1] and window.hidden == 2


def test_gaps_between_items_count() -> None:
    assert fit([1, 1, 1], focus=None, rows=5, gap=1) == Window(0, 3, 0)
    assert fit([1, 1, 1], focus=0, rows=4, gap=1).hidden == 1


NOW = datetime(2026, 11, 21, 10, 50, tzinfo=UTC)


@pytest.mark.parametrize("said", ["10m", "10", "10 min", " 10m "])
def test_a_break_of_some_minutes(said: str) -> None:
    assert back_at(said, NOW) == NOW + timedelta(minutes=10)


def test_a_break_until_a_time_of_day_today() -> None:
    later = (NOW + timedelta(minutes=18)).astimezone()
    assert back_at(f"{later:%H:%M}", NOW) == later.replace(second=0, microsecond=0)


@pytest.mark.parametrize("said", ["25:00", "soon", "0m", "13h", "-5m"])
def test_what_cannot_end_a_break_is_said(said: str) -> None:
    with pytest.raises(BreakError):
        back_at(said, NOW)


def test_a_time_already_past_is_refused() -> None:
    earlier = (NOW - timedelta(minutes=5)).astimezone()
    with pytest.raises(BreakError, match="has passed"):
        back_at(f"{earlier:%H:%M}", NOW)
