"""A part's own records, and the script's preloaded entries the room has not taken up yet.

A Cynefin part preloads items to classify and a promises part preloads each
party's expected promises. The board shows the records begun in its part, and
lists a preloaded entry as waiting until some record uses its wording.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Protocol, TypeVar

from workshop_tui.domain.folding import revisions


class _PartRow(Protocol):
    @property
    def key(self) -> str: ...

    @property
    def part_id(self) -> str: ...


R = TypeVar("R", bound=_PartRow)


def same_wording(a: str, b: str) -> bool:
    """Whether two wordings are the same, ignoring case and runs of spaces."""
    return _normal(a) == _normal(b)


def pending(templates: Sequence[str], used: Iterable[str]) -> list[int]:
    """Positions of the ``templates`` whose wording no ``used`` text has, in order."""
    taken = {_normal(text) for text in used}
    return [index for index, text in enumerate(templates) if _normal(text) not in taken]


def begun_in(rows: Sequence[R], part_id: str) -> list[R]:
    """Every revision of the keys whose first revision was written in ``part_id``, in order."""
    keys = {key for key, history in revisions(rows).items() if history[0].part_id == part_id}
    return [row for row in rows if row.key in keys]


def _normal(text: str) -> str:
    return " ".join(text.split()).casefold()
