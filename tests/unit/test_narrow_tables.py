"""A table too wide for the notes preview is shown as a list of its rows, nothing cut."""

from __future__ import annotations

from workshop_tui.screens.notes_preview import render_lines
from workshop_tui.widgets.narrow_tables import cells

AGENDA = (
    "## Agenda\n\n"
    "| # | Part | Planned | Added | Taken away | Allowed | Actual | Overrun | Status |\n"
    "|---:|---|---:|---:|---:|---:|---:|---:|---|\n"
    "| 1 | Agree Type of Work | 10m | +0m | -0m | 10m | 12m | +2m | Done |\n"
    "| 2 | How Much Agility \\| [b]really[/b] | 20m | +5m | -0m | 25m | 31m | +6m | Done |\n"
    "|  | **Total** | **30m** | +5m | -0m | **35m** | **43m** | +8m |  |\n\n"
    "After the table."
)
WORDS = [
    "Planned", "Taken away", "Allowed", "Overrun", "Status", "Agree Type of Work",
    "How Much Agility | [b]really[/b]", "Total", "43m", "+8m", "After the table.",
]  # fmt: skip


def drawn(markdown: str, width: int) -> str:
    rows = render_lines(markdown, width)
    return "\n".join("".join(segment.text for segment in row).rstrip() for row in rows)


def joined(text: str) -> str:
    """The text with its wrapping undone, to find a phrase broken across rows."""
    return " ".join(text.split())


def test_a_table_too_wide_is_a_list_of_its_rows_with_every_cell_whole() -> None:
    for width in (40, 60, 76):
        text = drawn(AGENDA, width)
        assert "…" not in text, f"nothing cut at {width} cells"
        for word in WORDS:
            assert word in joined(text), f"{word!r} in full at {width} cells"
        assert "1 · Part: Agree Type of Work" in joined(text), "the row number leads its row"


def test_a_table_that_fits_stays_a_table() -> None:
    text = drawn(AGENDA, 120)
    header = next(line for line in text.splitlines() if "Planned" in line)
    assert "Part" in header and "Status" in header, "one row of headers"
    assert "Part: Agree" not in joined(text)


def test_an_escaped_pipe_stays_inside_its_cell() -> None:
    assert cells("| a \\| b | c |") == ["a \\| b", "c"]
    assert cells("| ends with \\| |") == ["ends with \\|"]
