"""The status under the countdown: centred, cut rather than wrapped, redrawn only on change."""

from __future__ import annotations

import pytest
from textual.app import App, ComposeResult
from textual.geometry import Region

from workshop_tui.boards.status_lines import Line, StatusLines, fit_centred


class StatusApp(App[None]):
    CSS = "StatusLines { width: 20; height: 3; }"

    def compose(self) -> ComposeResult:
        yield StatusLines()


def rows(widget: StatusLines) -> list[str]:
    return [widget.render_line(y).text for y in range(widget.size.height)]


@pytest.mark.parametrize(
    ("text", "width", "expected"),
    [
        ("abc", 9, (3, "abc")),
        ("abcd", 9, (2, "abcd")),
        ("exactly ten", 11, (0, "exactly ten")),
        ("a line that is too long", 10, (0, "a line th…")),
        ("ends on a space here", 10, (0, "ends on a…")),
        ("anything", 0, (0, "")),
        ("日本語のテキスト", 9, (0, "日本語の…")),
        (("the longest wording", "shorter", "short"), 12, (2, "shorter")),
        (("the longest wording", "a shorter one"), 19, (0, "the longest wording")),
        (("far too long", "still too long"), 8, (0, "still t…")),
    ],
)
def test_fit_centred(text: Line, width: int, expected: tuple[int, str]) -> None:
    assert fit_centred(text, width) == expected


async def test_lines_are_centred_and_cut_never_wrapped() -> None:
    app = StatusApp()
    async with app.run_test(size=(40, 10)) as pilot:
        widget = app.query_one(StatusLines)
        widget.show(["Part running", "Workshop 41:00 left and a long tail", "on plan"])
        await pilot.pause()
        assert rows(widget) == [
            "    Part running    ",
            "Workshop 41:00 left…",
            "      on plan       ",
        ]
        assert all(len(row) == 20 for row in rows(widget))


async def test_same_lines_do_not_repaint() -> None:
    app = StatusApp()
    async with app.run_test(size=(40, 10)) as pilot:
        widget = app.query_one(StatusLines)
        widget.show(["a", "b", "c"])
        await pilot.pause()
        repaints: list[bool] = []
        original = widget.refresh

        regions: list[tuple[Region, ...]] = []

        def counting_refresh(*args: Region, **kwargs: object) -> StatusLines:
            repaints.append(bool(kwargs.get("layout")))
            regions.append(args)
            return original(*args, **kwargs)  # type: ignore[arg-type]

        widget.refresh = counting_refresh  # type: ignore[method-assign]
        widget.show(("a", "b", "c"))
        assert repaints == []
        widget.show(("a", "b", "d"))
        assert repaints == [False], "a changed line repaints without a new layout"
        assert regions[0] == (Region(0, 2, 20, 1),), "only the line that changed"
        widget.show(("a", "b"))
        assert repaints == [False, True], "a different number of lines asks for a layout"
        await pilot.pause()
        assert rows(widget)[:2] == ["         a          ", "         b          "]
