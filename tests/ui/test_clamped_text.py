"""Text clamped to a number of lines, cut after a whole word with an ellipsis."""

from __future__ import annotations

from textual.app import App, ComposeResult

from workshop_tui.widgets.clamped_text import ClampedText, clamp

TEXT = "Move customer records from the old system into the new CRM"


def test_fits_untouched() -> None:
    assert clamp("Short item", 20, 2) == ["Short item"]


def test_cut_after_a_whole_word_with_an_ellipsis() -> None:
    assert clamp(TEXT, 18, 2, lead="▶ ", indent="  ") == ["▶ Move customer", "  records from …"]
    assert clamp(TEXT, 20, 1) == ["Move customer …"]


def test_a_word_wider_than_the_line_is_the_only_thing_cut() -> None:
    assert clamp("Supercalifragilisticexpialidocious", 10, 1) == ["Supercali…"]


def test_nothing_to_show() -> None:
    assert clamp("   ", 10, 2) == []
    assert clamp(TEXT, 0, 2) == []


async def test_widget_height_follows_its_lines() -> None:
    class One(App[None]):
        def compose(self) -> ComposeResult:
            yield ClampedText(TEXT, max_lines=2, indent="  ")

    app = One()
    async with app.run_test(size=(20, 5)) as pilot:
        widget = app.query_one(ClampedText)
        assert widget.size.height == 2
        assert [widget.render_line(y).text.rstrip() for y in range(2)] == [
            "Move customer",
            "  records from the …",
        ]
        widget.max_lines = 3
        await pilot.pause()
        assert widget.size.height == 3
