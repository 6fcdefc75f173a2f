"""MarkedList rows: titles wrap under their first word, the lines below stay single."""

from __future__ import annotations

from textual.content import Content

from workshop_tui.widgets.marked_list import wrap_lines

QUESTION = "Do we agree the work is mostly complex and will be delivered Sprint by Sprint?"


def plain(lines: list[Content]) -> list[str]:
    return [line.plain for line in lines]


def test_a_long_title_wraps_at_words_and_keeps_its_status_line() -> None:
    row = Content.assemble("Keeping the agreement alive", "\n", "0 of 4 initialled")
    assert plain(wrap_lines(row, 20)) == [
        "Keeping the",
        "agreement alive",
        "0 of 4 initialled",
    ]


def test_a_title_longer_than_three_lines_ends_in_an_ellipsis_after_a_word() -> None:
    lines = plain(wrap_lines(Content(QUESTION), 20))
    assert lines == ["Do we agree the work", "is mostly complex", "and will be …"]
    assert all(len(line) <= 20 for line in lines)


def test_before_layout_rows_are_left_as_they_are() -> None:
    row = Content.assemble(QUESTION, "\n", "open · Consent")
    assert plain(wrap_lines(row, 0)) == [QUESTION, "open · Consent"]
