"""The summary's notes preview: drawn at once at any length, only the pieces in view rendered."""

from __future__ import annotations

from textual.app import App, ComposeResult

from workshop_tui.screens.notes_preview import NotesPreview

DOCUMENT = "# Notes\n\n" + "\n\n".join(f"- note {n}: [b]not markup[/b]" for n in range(400))
SECTIONS = "\n\n".join(
    f"## Part {part}\n\n" + "\n".join(f"- part {part} note {n}" for n in range(30))
    for part in range(12)
)


class PreviewApp(App[None]):
    def __init__(self, markdown: str) -> None:
        super().__init__()
        self.markdown = markdown

    def compose(self) -> ComposeResult:
        yield NotesPreview(self.markdown)


def shown(preview: NotesPreview) -> list[str]:
    return [preview.render_line(y).text for y in range(preview.size.height)]


async def test_the_first_screen_is_drawn_at_once_and_only_what_is_in_view_is_rendered() -> None:
    app = PreviewApp(DOCUMENT)
    async with app.run_test(size=(60, 20)) as pilot:
        preview = app.query_one(NotesPreview)
        await pilot.pause()
        lines = shown(preview)
        assert "Notes" in lines[0], "never an empty panel"
        assert any("note 0: [b]not markup[/b]" in line for line in lines), "text, not markup"
        assert not preview.complete and preview.rendered < 5


async def test_the_end_of_the_document_is_reached_and_read_in_full() -> None:
    app = PreviewApp(DOCUMENT)
    async with app.run_test(size=(60, 20)) as pilot:
        preview = app.query_one(NotesPreview)
        await pilot.pause()
        preview.focus()
        await pilot.press("end")
        await pilot.pause()
        lines = shown(preview)
        assert any("note 399: [b]not markup[/b]" in line for line in lines)
        assert preview.scroll_y == preview.max_scroll_y, "at the very end, not above it"
        assert not preview.complete, "the pieces in between were never rendered"


async def test_paging_down_and_up_reads_every_line_once_in_order() -> None:
    app = PreviewApp(SECTIONS)
    async with app.run_test(size=(60, 20)) as pilot:
        preview = app.query_one(NotesPreview)
        await pilot.pause()
        preview.focus()
        seen: list[str] = []
        for _ in range(60):
            seen += [line.strip() for line in shown(preview)]
            if preview.scroll_y >= preview.max_scroll_y:
                break
            await pilot.press("pagedown")
            await pilot.pause()
        notes = [line for line in dict.fromkeys(seen) if line.startswith("• part")]
        assert notes == [f"• part {p} note {n}" for p in range(12) for n in range(30)]
        await pilot.press("home")
        await pilot.pause()
        assert "Part 0" in shown(preview)[0]


async def test_a_narrower_preview_renders_again_and_keeps_its_place() -> None:
    app = PreviewApp(SECTIONS)
    async with app.run_test(size=(80, 20)) as pilot:
        preview = app.query_one(NotesPreview)
        await pilot.pause()
        preview.scroll_to(y=165, animate=False, immediate=True)  # part 5's notes
        await pilot.pause()
        top = shown(preview)[0].strip()
        assert top.startswith("• part 4 note")
        await pilot.resize_terminal(50, 20)
        await pilot.pause()
        assert shown(preview)[0].strip() == top, "the same line stays on top"


CJK = "# Notes\n\n" + "\n\n".join(
    f"## Part {part}\n\n"
    + "\n".join(
        f"- 第{part}部分 第{n}条 会议记录内容很长需要换行显示会议记录内容" for n in range(8)
    )
    for part in range(30)
)
"""Wide characters: each piece is taller than its estimate, which counts characters."""


def window_at(full: list[str], view: list[str]) -> int | None:
    """The row of the whole rendered text where ``view`` starts (None: not a window of it)."""
    hits = [i for i in range(len(full) - len(view) + 1) if full[i : i + len(view)] == view]
    return hits[0] if len(hits) == 1 else None


async def test_reading_up_by_rows_and_pages_from_the_end_skips_nothing() -> None:
    """Pieces above the view come out taller than estimated: the text read stays put."""
    app = PreviewApp(CJK)
    async with app.run_test(size=(60, 20)) as pilot:
        preview = app.query_one(NotesPreview)
        preview.focus()
        await pilot.pause()
        full = [
            row.text.rstrip()
            for index in range(preview.piece_count())
            for row in preview.render_piece(index, preview.scrollable_content_region.width)
        ]
        for key, step in (("up", 1), ("pageup", preview.scrollable_content_region.height)):
            await pilot.press("end")
            await pilot.pause()
            at = window_at(full, [line.rstrip() for line in shown(preview)])
            assert at == len(full) - preview.size.height
            for _ in range(6):
                await pilot.press(key)
                await pilot.pause()
                now = window_at(full, [line.rstrip() for line in shown(preview)])
                assert now == at - step, f"{key} moved the text from row {at} to {now}"
                at = now
