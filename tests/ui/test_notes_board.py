"""The notes board draws only the notes in view: any count shows at once, newest in view."""

from __future__ import annotations

from rich.color import Color
from textual.app import App, ComposeResult
from textual.strip import Strip

from workshop_tui.boards.notes import NotesBoard, NotesScroll
from workshop_tui.domain.read_models.notes import NoteLine, NotesView
from workshop_tui.themes import register_themes

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
