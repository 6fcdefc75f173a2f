"""A Markdown document cut into pieces that render one by one exactly as the whole would.

The notes preview renders only the pieces in view, so a long document costs
what a screenful costs. A piece ends before a heading, or (once it is long)
before a new top-level block after a blank line, or before the next item of
a top-level list; never inside a fenced code block or a table. Rendered
pieces are put together by :func:`joined_rows`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TypeVar

MAX_LINES = 40
"""A piece grows past this many source lines only where no cut is safe."""

HEADING = re.compile(r"#{1,6}(\s|$)")
FENCE = re.compile(r" {0,3}(`{3,}|~{3,})")
BULLET = re.compile(r"[-*+](\s|$)")
ORDERED = re.compile(r"\d{1,9}[.)](\s|$)")
"""Never cut inside a numbered list: its numbers are aligned to the widest."""

Row = TypeVar("Row")


@dataclass(frozen=True, slots=True)
class Piece:
    """Some whole blocks of the document (or items of one list)."""

    source: str
    gap: bool
    """Whether a blank row separates it from the piece before (False: the same list goes on)."""


def pieces(markdown: str, max_lines: int = MAX_LINES) -> list[Piece]:
    """``markdown`` cut into pieces, in order; joined by newlines, they are the document."""
    result: list[Piece] = []
    current: list[str] = []
    gap = False
    fence: str | None = None
    margin = ""
    """What the last line at the margin began: a "bullet" or "ordered" item, a "table" row
    or "other"."""
    for line in markdown.split("\n"):
        cut: bool | None = None  # None: no cut here; else the next piece's gap
        opens = FENCE.match(line)
        if fence is not None:
            if line.strip().startswith(fence):
                fence = None
        elif opens:  # never a cut: Rich pads a code block with a blank row of its own
            fence = opens.group(1)[0] * 3
        elif HEADING.match(line):
            cut = True if any(text.strip() for text in current) else None
        elif line and not line[0].isspace():
            kind = _kind(line)
            if kind == "bullet" and margin == "bullet":  # the same list goes on
                cut = False if len(current) >= max_lines else None
            elif kind != "table" and not (kind == margin == "ordered"):
                cut = _cut_before_block(current, max_lines, margin)  # a new block
        if cut is not None:
            result.append(Piece("\n".join(current), gap))
            current, gap = [], cut
        if line and not line[0].isspace() and fence is None:
            margin = _kind(line)
        current.append(line)
    result.append(Piece("\n".join(current), gap))
    return result


def _kind(line: str) -> str:
    if line.startswith("|"):
        return "table"
    return "bullet" if BULLET.match(line) else "ordered" if ORDERED.match(line) else "other"


def _cut_before_block(current: Sequence[str], max_lines: int, margin: str) -> bool | None:
    """A new block may start a piece when the piece is long and a blank line ends it
    (not after a table: Rich spaces the block after one differently)."""
    if len(current) >= max_lines and current and not current[-1].strip() and margin != "table":
        return True
    return None


def joined_rows(
    rendered: Sequence[Row], gap: bool, index: int, blank: Row, is_blank: Callable[[Row], bool]
) -> list[Row]:
    """Piece ``index``'s rendered rows as they stand in the whole document.

    Rich starts a list with a blank row; inside the document one blank row
    separates two blocks and none two items of one list.
    """
    rows = list(rendered)
    if index == 0:
        return rows
    start = 0
    while start < len(rows) and is_blank(rows[start]):
        start += 1
    return [blank, *rows[start:]] if gap else rows[start:]
