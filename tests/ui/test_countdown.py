"""The projector countdown: size, phases, redraws and how it looks."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from textual.app import App, ComposeResult
from textual.geometry import Region

from workshop_tui.boards.block_font import (
    CHARACTERS,
    FONTS,
    BlockFont,
    choose_font,
    render_text,
)
from workshop_tui.boards.countdown import BigCountdown


class CountdownApp(App[None]):
    """The countdown alone, in a box of a given size in the middle of the screen."""

    CSS = """
    Screen { align: center middle; }
    """

    def __init__(
        self,
        seconds: float = 725,
        *,
        box: tuple[int, int] | None = (64, 12),
        paused: bool = False,
        ending_after: float = 120,
    ) -> None:
        super().__init__()
        self.countdown = BigCountdown(seconds, paused=paused, ending_after=ending_after)
        if box is not None:
            self.countdown.styles.width, self.countdown.styles.height = box

    def compose(self) -> ComposeResult:
        yield self.countdown


def rendered_rows(widget: BigCountdown) -> list[str]:
    """Every row the widget draws, as plain text."""
    return [widget.render_line(y).text for y in range(widget.size.height)]


def inked_rows(widget: BigCountdown) -> list[str]:
    """The rows that show something."""
    return [row for row in rendered_rows(widget) if row.strip()]


def assert_whole_reading(widget: BigCountdown) -> None:
    """Every row of the glyphs is on screen, uncut, and no row is wider than the widget."""
    font = widget.font
    assert font is not None
    expected = [row.strip() for row in render_text(widget.text, font) if row.strip()]
    rows = rendered_rows(widget)
    assert all(len(row) == widget.size.width for row in rows)
    assert [row.strip() for row in rows if row.strip()][: len(expected)] == expected


async def test_tall_at_100x30_in_a_projector_region() -> None:
    app = CountdownApp(725, box=(64, 12))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        widget = app.countdown
        assert widget.size == (64, 12)
        assert len(inked_rows(widget)) >= 9
        assert_whole_reading(widget)


async def test_fills_a_whole_screen_with_larger_digits() -> None:
    app = CountdownApp(725, box=None)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        region_rows = len(inked_rows(app.countdown))
    app = CountdownApp(725, box=(64, 12))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert region_rows > len(inked_rows(app.countdown))


async def test_shrinks_at_80x24_without_cutting() -> None:
    large = CountdownApp(725, box=(64, 12))
    async with large.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        large_rows = len(inked_rows(large.countdown))
    small = CountdownApp(725, box=(40, 6))
    async with small.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        widget = small.countdown
        assert widget.size == (40, 6)
        assert 3 <= len(inked_rows(widget)) < large_rows
        assert_whole_reading(widget)


async def test_redraws_smaller_when_the_terminal_shrinks() -> None:
    app = CountdownApp(725, box=None)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        before = len(inked_rows(app.countdown))
        await pilot.resize_terminal(50, 12)
        await pilot.pause()
        assert len(inked_rows(app.countdown)) < before
        assert_whole_reading(app.countdown)


async def test_auto_height_is_as_tall_as_the_digits() -> None:
    app = CountdownApp(725, box=None)
    app.countdown.styles.width = 64
    app.countdown.styles.height = "auto"
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        widget = app.countdown
        assert widget.font is not None
        assert widget.size.height in (widget.font.height, widget.font.height + 2)
        assert_whole_reading(widget)


@pytest.mark.parametrize("seconds", [3723, -200, 0.4, 36000])
async def test_hours_and_over_time_fit_whole(seconds: float) -> None:
    app = CountdownApp(seconds, box=(64, 12))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert len(inked_rows(app.countdown)) >= 5
        assert_whole_reading(app.countdown)


async def test_smallest_space_falls_back_to_plain_text() -> None:
    app = CountdownApp(725, box=(12, 2))
    async with app.run_test(size=(30, 10)) as pilot:
        await pilot.pause()
        assert app.countdown.font is None
        assert [row.strip() for row in inked_rows(app.countdown)] == ["12:05"]


async def test_label_under_the_digits_when_there_is_room() -> None:
    app = CountdownApp(725, box=(56, 16))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        widget = app.countdown
        assert inked_rows(widget)[-1].strip() == "remaining"
        widget.seconds = -5
        await pilot.pause()
        assert inked_rows(widget)[-1].strip() == "over time"
        widget.paused = True
        await pilot.pause()
        assert inked_rows(widget)[-1].strip() == "paused"


async def test_no_label_when_it_would_cost_digit_size() -> None:
    app = CountdownApp(725, box=(64, 12))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert "remaining" not in "".join(rendered_rows(app.countdown))


async def test_phases_set_css_classes() -> None:
    app = CountdownApp(600, ending_after=120)
    async with app.run_test(size=(100, 30)) as pilot:
        widget = app.countdown
        seen: list[tuple[str, set[str]]] = []
        for change in (
            {"seconds": 600},
            {"seconds": 120},
            {"seconds": 0},
            {"seconds": -1},
            {"paused": True},
            {"paused": False, "seconds": 300},
        ):
            for attribute, value in change.items():
                setattr(widget, attribute, value)
            await pilot.pause()
            phase_classes = {name for name in widget.classes if name.startswith("-")}
            seen.append((widget.phase, phase_classes))
        assert seen == [
            ("normal", set()),
            ("ending", {"-ending"}),
            ("ending", {"-ending"}),
            ("over", {"-over"}),
            ("paused", {"-paused"}),
            ("normal", set()),
        ]


async def test_ending_threshold_is_configurable() -> None:
    app = CountdownApp(290, ending_after=300)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert app.countdown.has_class("-ending")
        app.countdown.ending_after = 60
        await pilot.pause()
        assert app.countdown.phase == "normal"
        assert not app.countdown.has_class("-ending")


async def test_over_time_shows_a_leading_minus() -> None:
    app = CountdownApp(-200)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert app.countdown.text == "-03:20"


async def test_phase_colours_differ() -> None:
    app = CountdownApp(600)
    async with app.run_test(size=(100, 30)) as pilot:
        widget = app.countdown
        colours = []
        for seconds, paused in ((600, False), (60, False), (-60, False), (600, True)):
            widget.seconds, widget.paused = seconds, paused
            await pilot.pause()
            colours.append(widget.styles.color)
        assert len(set(colours)) == 4


async def test_same_text_does_not_refresh(monkeypatch: pytest.MonkeyPatch) -> None:
    app = CountdownApp(100.0)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        widget = app.countdown
        refreshes: list[object] = []
        original = widget.refresh

        def counting_refresh(*args: object, **kwargs: object) -> BigCountdown:
            refreshes.append(args)
            return original(*args, **kwargs)

        monkeypatch.setattr(widget, "refresh", counting_refresh)
        renders = widget.render_count
        for seconds in (99.9, 99.5, 99.01, 99.2):  # all read "01:40"
            widget.seconds = seconds
            await pilot.pause()
        assert widget.text == "01:40"
        assert refreshes == []
        assert widget.render_count == renders

        widget.seconds = 98.5
        await pilot.pause()
        assert widget.text == "01:39"
        assert len(refreshes) == 1
        assert widget.render_count == renders + 1


def test_every_character_renders_in_every_font() -> None:
    for font in FONTS:
        for char in CHARACTERS:
            rows = render_text(char, font)
            assert len(rows) == font.height, (font.name, char)
            assert {len(row) for row in rows} == {font.width(char)}, (font.name, char)
            inked = any(cell != " " for row in rows for cell in row)
            assert inked == (char != " "), (font.name, char)


@pytest.mark.parametrize("bitmap", ["5x7", "3x5"])
def test_glyphs_are_distinct(bitmap: str) -> None:
    font = BlockFont(bitmap, 1, 1)
    drawings = {render_text(char, font) for char in CHARACTERS}
    assert len(drawings) == len(CHARACTERS)


@pytest.mark.parametrize("width,height", [(100, 30), (64, 12), (48, 7), (40, 6), (30, 3), (8, 2)])
def test_choose_font_picks_the_tallest_that_fits(width: int, height: int) -> None:
    text = "12:05"
    font = choose_font(text, width, height)
    fitting = [f for f in FONTS if f.width(text) <= width and f.height <= height]
    if font is None:
        assert fitting == []
    else:
        assert font.width(text) <= width and font.height <= height
        assert font.height == max(f.height for f in fitting)


async def test_screenshot_at_100x30_is_saved(tmp_path: Path) -> None:
    app = CountdownApp(725, box=(64, 12))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        saved = Path(app.save_screenshot(filename="countdown_100x30.svg", path=str(tmp_path)))
    assert saved.exists()
    svg = saved.read_text(encoding="utf-8")
    assert svg.startswith("<svg") and "█" in svg


@pytest.mark.parametrize(
    "state,kwargs",
    [
        ("normal", {"seconds": 725}),
        ("ending", {"seconds": 95}),
        ("over", {"seconds": -200}),
        ("paused", {"seconds": 725, "paused": True}),
    ],
)
def test_snapshot(snap_compare: Callable[..., bool], state: str, kwargs: dict[str, object]) -> None:
    """The countdown in a 64x13 region of a 100x30 screen, as the room sees it."""
    assert snap_compare(CountdownApp(**kwargs, box=(64, 13)), terminal_size=(100, 30))


def record_repaints(countdown: BigCountdown) -> list[tuple[Region, ...]]:
    """Every later ``refresh`` of ``countdown``: the regions it was given (() for all)."""
    repainted: list[tuple[Region, ...]] = []
    refresh = countdown.refresh

    def recording_refresh(*regions: Region, **kwargs: bool) -> BigCountdown:
        repainted.append(regions)
        return refresh(*regions, **kwargs)

    countdown.refresh = recording_refresh  # type: ignore[method-assign]
    return repainted


async def test_a_new_minute_repaints_only_the_glyph_that_changed() -> None:
    app = CountdownApp(44 * 60, box=(40, 9))
    async with app.run_test(size=(60, 14)) as pilot:
        countdown = app.countdown
        await pilot.pause()
        repainted = record_repaints(countdown)
        countdown.seconds = 45 * 60
        await pilot.pause()
        assert countdown.text == "45:00"
        (region,) = repainted[0]
        font = countdown.font
        assert font is not None
        assert 0 < region.width <= font.width("5"), "one glyph's columns, not the whole reading"
        assert inked_rows(countdown)[0].strip() == render_text("45:00", font)[0].strip()


async def test_a_wider_reading_repaints_every_cell_it_covers() -> None:
    app = CountdownApp(59 * 60 + 59, box=(40, 9))
    async with app.run_test(size=(60, 14)) as pilot:
        countdown = app.countdown
        await pilot.pause()
        repainted = record_repaints(countdown)
        before = rendered_rows(countdown)
        countdown.seconds = 60 * 60 + 30
        await pilot.pause()
        assert countdown.text == "1:00:30"
        (region,) = repainted[0]
        after = rendered_rows(countdown)
        changed = [
            (x, y)
            for y, (old, new) in enumerate(zip(before, after, strict=True))
            for x, (a, b) in enumerate(zip(old, new, strict=True))
            if a != b
        ]
        assert len(changed) > 100, "the whole reading moved"
        assert all(region.contains(x, y) for x, y in changed)
        assert_whole_reading(countdown)
