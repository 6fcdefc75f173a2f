"""The building blocks of the script model: strict models, durations, text, ids, located errors."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Annotated

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, PlainSerializer, ValidationError
from pydantic_core import InitErrorDetails

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


def duplicates(names: Sequence[str | None], what: str) -> list[LocatedError]:
    """Every name listed again (ignoring case), each pointing at its first listing (None:
    an item with no name to compare)."""
    seen: dict[str, int] = {}
    found: list[LocatedError] = []
    for index, name in enumerate(names):
        if name is None:
            continue
        key = name.strip().casefold()
        if key in seen:
            found.append(
                LocatedError(f'{what} "{name}" appears twice', at=(index,), first=(seen[key],))
            )
        else:
            seen[key] = index
    return found


def reject_duplicates(names: list[str], what: str) -> None:
    """Refuse every name listed twice, all of them at once."""
    raise_each(duplicates(names, what))


def raise_each(errors: Sequence[LocatedError], earlier: ValidationError | None = None) -> None:
    """Refuse every one of ``errors`` at once, after the ``earlier`` problems of the same
    value if there are any (nothing happens when there are neither).

    A validator can raise one exception; a ``ValidationError`` holding several line errors
    is taken whole by pydantic, each error placed under the validator's own location, so
    the loader names each on its line in one run.
    """
    if not errors and earlier is None:
        return
    if len(errors) == 1 and earlier is None:
        raise errors[0]
    lines = [
        InitErrorDetails(
            type=found["type"],
            loc=found["loc"],
            input=found["input"],
            **({"ctx": found["ctx"]} if "ctx" in found else {}),  # type: ignore[typeddict-item]
        )
        for found in (earlier.errors(include_url=False) if earlier is not None else [])
    ]
    lines += [
        InitErrorDetails(type="value_error", loc=(), input=None, ctx={"error": error})
        for error in errors
    ]
    title = earlier.title if earlier is not None else "Script"
    raise ValidationError.from_exception_data(title, lines)
