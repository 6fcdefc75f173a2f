"""The summary's notes preview: its head at once, the whole document soon after, as text."""

from __future__ import annotations

from textual.app import App, ComposeResult

from tests.ui.app_driver import wait_until
from workshop_tui.screens.notes_preview import HEAD_LINES, NotesPreview, head

DOCUMENT = "# Notes\n\n" + "\n\n".join(f"- note {n}: [b]not markup[/b]" for n in range(400))


class PreviewApp(App[None]):
    def compose(self) -> ComposeResult:
        yield NotesPreview(DOCUMENT)


def test_the_head_ends_at_a_blank_line_within_its_lines() -> None:
    kept = head(DOCUMENT)
    assert len(kept.splitlines()) <= HEAD_LINES
    assert DOCUMENT.startswith(kept) and DOCUMENT[len(kept) :].startswith("\n\n")
    assert head("short") == "short"


async def test_the_preview_shows_its_head_first_then_the_whole_document() -> None:
    app = PreviewApp()
    async with app.run_test(size=(60, 20)) as pilot:
        preview = app.query_one(NotesPreview)
        await pilot.pause()
        assert preview._rows, "never an empty panel"  # the head, drawn before the thread ends
        first = "".join(segment.text for segment in preview.render_line(0))
        assert "Notes" in first
        await wait_until(pilot, lambda: preview.complete)
        assert preview.virtual_size.height >= 400
        preview.scroll_end(animate=False)
        await pilot.pause()
        last = [preview.render_line(y).text for y in range(preview.size.height)]
        assert any("note 399: [b]not markup[/b]" in line for line in last)
