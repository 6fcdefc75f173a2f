"""Markdown building blocks over text that is already escaped (see ``escape``)."""

from __future__ import annotations

from collections.abc import Sequence

from workshop_tui.export.escape import HARD_BREAK

Lines = list[str]


def heading(level: int, text: str) -> str:
    """An ATX heading of escaped, single-line ``text``."""
    return f"{'#' * level} {text}"


def table(
    headers: Sequence[str], rows: Sequence[Sequence[str]], right: Sequence[int] = ()
) -> Lines:
    """A GFM table of escaped cells; columns whose index is in ``right`` align right.

    Every row gets exactly ``len(headers)`` cells, padding or cutting as needed.
    """
    width = len(headers)
    rule = ["---:" if index in right else "---" for index in range(width)]
    out = [_row(headers), _row(rule)]
    for row in rows:
        cells = list(row[:width]) + [""] * (width - len(row))
        out.append(_row(cells))
    return out


def _row(cells: Sequence[str]) -> str:
    return f"| {' | '.join(cells)} |"


def item(first: str, *more: str, indent: str = "  ", marker: str = "- ") -> Lines:
    """A list item: ``first`` on the marker line, each of ``more`` on a hard-broken line.

    The texts may already hold hard breaks made with ``escape.block(text, indent)``.
    """
    texts = [text for text in (first, *more) if text]
    out = [f"{marker}{texts[0]}" if texts else marker.rstrip()]
    out.extend(f"{indent}{text}" for text in texts[1:])
    for index in range(len(out) - 1):
        out[index] += HARD_BREAK
    return out
