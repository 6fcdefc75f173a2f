"""The notes preview's pieces render, put together, exactly as the whole document does."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from workshop_tui.screens.markdown_pieces import joined_rows, pieces
from workshop_tui.screens.notes_preview import render_lines

GOLDEN = sorted((Path(__file__).parents[1] / "golden").glob("*.md"))


def rows_of(markdown: str, width: int) -> list[str]:
    return [
        "".join(segment.text for segment in row).rstrip() for row in render_lines(markdown, width)
    ]


def put_together(markdown: str, width: int, max_lines: int) -> list[str]:
    result: list[str] = []
    for index, piece in enumerate(pieces(markdown, max_lines)):
        rendered = rows_of(piece.source, width)
        result += joined_rows(rendered, piece.gap, index, "", lambda row: not row.strip())
    return result


def assert_renders_as_whole(markdown: str, width: int, max_lines: int) -> None:
    assert "\n".join(piece.source for piece in pieces(markdown, max_lines)) == markdown
    assert put_together(markdown, width, max_lines) == rows_of(markdown, width)


@pytest.mark.parametrize("path", GOLDEN, ids=lambda path: path.stem)
@pytest.mark.parametrize(("width", "max_lines"), [(30, 3), (97, 40)])
def test_every_exported_document_renders_in_pieces_as_a_whole(
    path: Path, width: int, max_lines: int
) -> None:
    assert_renders_as_whole(path.read_text(encoding="utf-8"), width, max_lines)


def test_a_long_section_is_cut_between_list_items_and_a_fence_is_never_cut() -> None:
    notes = "\n".join(f"- note {n}" for n in range(100))
    fenced = "```\n" + "\n".join(f"# line {n}" for n in range(100)) + "\n```"
    document = f"# Notes\n\n{notes}\n\n{fenced}\n"
    cut = pieces(document, max_lines=10)
    assert len(cut) > 5
    assert sum("```" in piece.source for piece in cut) == 1, "the fence stays whole"
    assert_renders_as_whole(document, 50, 10)


WORD = st.text("abcdefghij ", min_size=1, max_size=12).map(str.strip).filter(bool)
TEXT = st.lists(WORD, min_size=1, max_size=12).map(" ".join)
BLOCK = st.one_of(
    TEXT.map(lambda text: f"## {text}"),
    TEXT,
    st.lists(TEXT, min_size=1, max_size=6).map(lambda items: "\n".join(f"- {i}" for i in items)),
    st.lists(TEXT, min_size=1, max_size=6).map(lambda items: "\n\n".join(f"- {i}" for i in items)),
    st.lists(TEXT, min_size=1, max_size=12).map(
        lambda items: "\n".join(f"{n}. {i}" for n, i in enumerate(items, 1))
    ),
    TEXT.map(lambda text: f"- {text}\n  - {text}\n\n  {text}"),
    TEXT.map(lambda text: f"> {text}\n> {text}"),
    TEXT.map(lambda text: f"| a | b |\n| --- | --- |\n| {text} | x |"),
    TEXT.map(lambda text: f"```\n# {text}\n\n- {text}\n```"),
)


@settings(max_examples=40, deadline=None)
@given(st.lists(BLOCK, min_size=1, max_size=14), st.integers(2, 12), st.integers(24, 90))
def test_any_document_renders_in_pieces_as_a_whole(
    blocks: list[str], max_lines: int, width: int
) -> None:
    assert_renders_as_whole("\n\n".join(blocks) + "\n", width, max_lines)
