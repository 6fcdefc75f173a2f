"""Which items of a list fit a height, the item in play always among them."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Window:
    """The items shown (``start`` to ``end``, end excluded) and how many are left out."""

    start: int
    end: int
    hidden: int

    @property
    def shown(self) -> range:
        return range(self.start, self.end)


def fit(heights: list[int], focus: int | None, rows: int, gap: int = 0) -> Window:
    """The items that fit ``rows``: all of them if they can, else the item in play
    (``focus``, else the first) and as many neighbours as fit, after it first, with one
    row kept to say how many more there are. ``gap``: blank rows between two items."""
    count = len(heights)
    if not count:
        return Window(0, 0, 0)

    def used(start: int, end: int) -> int:
        return sum(heights[start:end]) + gap * (end - start - 1)

    if used(0, count) <= rows:
        return Window(0, count, 0)
    room = rows - 1  # the "+N more" line
    centre = focus if focus is not None and 0 <= focus < count else 0
    start, end = centre, centre + 1
    grew = True
    while grew:
        grew = False
        if end < count and used(start, end + 1) <= room:
            end += 1
            grew = True
        if start > 0 and used(start - 1, end) <= room:
            start -= 1
            grew = True
    return Window(start, end, count - (end - start))
