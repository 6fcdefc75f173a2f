"""The notes board draws only the notes in view: any count shows at once, newest in view."""

from __future__ import annotations

import pytest
from rich.color import Color
from textual import events
from textual.app import App, ComposeResult
from textual.strip import Strip

from workshop_tui.app.themes import register_themes
from workshop_tui.boards.notes import NotesBoard, NotesScroll
from workshop_tui.domain.read_models.notes import NoteLine, NotesView
from workshop_tui.widgets.piecewise_scroll import PiecewiseScroll

SIZE = (60, 20)


def many(count: int) -> tuple[NoteLine, ...]:
    return tuple(
        NoteLine(f"{9 + number // 60:02d}:{number % 60:02d}", f"Note {number}: {'word ' * 12}")
        for number in range(count)
    )


class BoardApp(App[None]):
    def __init__(self, notes: tuple[NoteLine, ...]) -> None:
        super().__init__()
        self._notes = notes

    def compose(self) -> ComposeResult:
        yield NotesBoard(NotesView(self._notes))

    def on_mount(self) -> None:
        register_themes(self)

    @property
    def scroll(self) -> NotesScroll:
        return self.query_one(NotesScroll)


def drawn(scroll: NotesScroll) -> list[str]:
    """The rows the notes' column draws now."""
    return [scroll.render_line(y).text.rstrip() for y in range(scroll.size.height)]


async def test_a_thousand_notes_draw_a_screenful_with_the_newest_at_the_bottom() -> None:
    app = BoardApp(many(1000))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        rows = [row for row in drawn(app.scroll) if row]
        assert rows[-1].endswith("word")
        assert any("  Note 999:" in row for row in rows)
        assert app.scroll.rendered < 30, "only the notes in view (and a margin) are wrapped"


async def test_home_and_end_reach_the_first_and_the_newest_note() -> None:
    app = BoardApp(many(300))
    async with app.run_test(size=SIZE) as pilot:
        app.scroll.focus()
        await pilot.pause()
        await pilot.press("home")
        await pilot.pause()
        assert drawn(app.scroll)[1].startswith("09:00  Note 0:")
        await pilot.press("end")
        await pilot.pause()
        assert any("Note 299:" in row for row in drawn(app.scroll))
        assert app.scroll.scroll_y == app.scroll.max_scroll_y


async def test_reading_down_from_the_top_shows_every_note_once_in_order() -> None:
    notes = many(30)
    app = BoardApp(notes)
    async with app.run_test(size=SIZE) as pilot:
        app.scroll.focus()
        await pilot.pause()
        await pilot.press("home")
        seen: list[str] = []
        for _ in range(app.scroll.virtual_size.height):
            await pilot.pause()
            seen.append(drawn(app.scroll)[0])
            if app.scroll.scroll_y >= app.scroll.max_scroll_y:
                seen.extend(drawn(app.scroll)[1:])
                break
            await pilot.press("down")
        starts = [row.split(":", 2)[1].split()[-1] for row in seen if "  Note " in row]
        assert [int(n) for n in starts] == list(range(30))


async def test_a_new_note_scrolls_into_view_and_a_narrower_board_keeps_the_newest() -> None:
    app = BoardApp(many(200))
    async with app.run_test(size=SIZE) as pilot:
        board = app.query_one(NotesBoard)
        board.show(NotesView((*many(200), NoteLine("12:00", "The newest note"))))
        await pilot.pause()
        assert drawn(app.scroll)[-1] == "12:00  The newest note"
        await pilot.resize_terminal(40, 16)
        await pilot.pause()
        await pilot.pause()
        assert [row for row in drawn(app.scroll) if row][-1] == "12:00  The newest note"
        assert app.scroll.scroll_y == app.scroll.max_scroll_y


async def test_no_notes_shows_the_hint_and_text_is_never_markup() -> None:
    app = BoardApp(())
    async with app.run_test(size=SIZE) as pilot:
        assert "No notes on this part yet" in " ".join(drawn(app.scroll))
        assert app.scroll.has_class("-empty")
        hostile = NoteLine("10:00", "[bold]x[/] $accent \x1b[31m")
        app.query_one(NotesBoard).show(NotesView((hostile,)))
        await pilot.pause()
        assert not app.scroll.has_class("-empty")
        assert "[bold]x[/] $accent" in drawn(app.scroll)[1]


async def test_a_theme_change_draws_the_times_in_the_new_accent() -> None:
    app = BoardApp(many(3))
    async with app.run_test(size=SIZE) as pilot:
        app.theme = "workshop-dark"
        await pilot.pause()
        before = app.scroll.render_line(1)
        app.theme = "workshop-light"
        await pilot.pause()
        await pilot.pause()
        after = app.scroll.render_line(1)
        assert after.text == before.text

        def time_colour(row: Strip) -> list[Color | None]:
            return [s.style.color if s.style else None for s in row if s.text.startswith("09:")]

        assert time_colour(after) and time_colour(after) != time_colour(before)


async def test_from_the_newest_note_up_and_the_wheel_move_a_row_not_to_the_top() -> None:
    app = BoardApp(many(200))
    async with app.run_test(size=SIZE) as pilot:
        app.scroll.focus()
        await pilot.pause()
        bottom = app.scroll.max_scroll_y
        await pilot.press("up")
        await pilot.pause()
        assert app.scroll.scroll_y == bottom - 1
        await pilot.press("end")
        app.query_one(NotesBoard).show(NotesView((*many(200), NoteLine("12:00", "Newest"))))
        await pilot.pause()
        bottom = app.scroll.max_scroll_y
        wheel_up = events.MouseScrollUp(app.scroll, 2, 2, 0, -1, 0, False, False, False)
        app.scroll.post_message(wheel_up)
        await pilot.pause()
        assert bottom - 4 <= app.scroll.scroll_y < bottom


async def test_a_note_as_wide_as_the_board_is_not_cut_when_the_scrollbar_appears() -> None:
    width = SIZE[0] - 2  # the board's padding; one cell less once the scrollbar shows
    text = "a" * (width - len("09:00  ") - len(" END")) + " END"
    app = BoardApp(tuple(NoteLine("09:00", text) for _ in range(10)))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.scroll.show_vertical_scrollbar
        rows = [row for row in drawn(app.scroll) if row]
        assert rows[-1] == "END", "wrapped to the narrower room, not cut at its edge"


async def test_the_first_frame_and_a_theme_change_draw_the_notes_never_a_blank_panel(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    blank: list[int] = []
    draw = PiecewiseScroll.render_line

    def spy(self: PiecewiseScroll, y: int) -> Strip:
        row = self.scroll_offset.y + y
        if not self._width or (
            row < self.virtual_size.height and self._rows[self._piece_at(row)] is None
        ):
            blank.append(y)
        return draw(self, y)

    monkeypatch.setattr(PiecewiseScroll, "render_line", spy)
    app = BoardApp(many(40))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert not blank, "rows asked for before the notes were fitted"
        app.theme = "workshop-light"
        await pilot.pause()
        assert not blank, "rows drawn blank while the new colours were on their way"
