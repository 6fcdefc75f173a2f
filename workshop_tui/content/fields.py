"""The building blocks of the script model: strict models, durations, text, ids, located errors."""

from __future__ import annotations

import re
from typing import Annotated

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, PlainSerializer

from workshop_tui.content.durations import parse_duration

Seconds = Annotated[
    int,
    BeforeValidator(parse_duration),
    PlainSerializer(lambda seconds: f"{seconds}s", return_type=str, when_used="json"),
]
"""A duration written as "10m", "1h30m", "90s" or plain minutes, held as seconds."""

Text = Annotated[str, Field(min_length=1)]
SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


class LocatedError(ValueError):
    """A readable error about one element inside the value being validated.

    ``at`` is that element's path from the value (``(2,)`` for its third item),
    and ``first``, if given, the path of an earlier element it clashes with, so
    the loader can point at the right line.
    """

    def __init__(
        self, message: str, at: tuple[str | int, ...] = (), first: tuple[str | int, ...] = ()
    ) -> None:
        super().__init__(message)
        self.at = at
        self.first = first


def slugify(text: str) -> str:
    """A stable id from a name: "Agree Type of Work" -> "agree-type-of-work"."""
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "part"


class StrictModel(BaseModel):
    """A script model: unknown keys are errors, values are frozen and stripped."""

    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


def reject_duplicates(names: list[str], what: str) -> None:
    seen: dict[str, int] = {}
    for index, name in enumerate(names):
        key = name.casefold()
        if key in seen:
            raise LocatedError(f'{what} "{name}" appears twice', at=(index,), first=(seen[key],))
        seen[key] = index
