"""The shape of a facilitation script, as pydantic models.

Every model forbids unknown keys, so a typo such as ``duraton`` is an error,
never silently ignored. Durations are stored as whole seconds.
"""

from __future__ import annotations

from typing import Any

from pydantic import (
    Field,
    ModelWrapValidatorHandler,
    ValidationError,
    field_validator,
    model_validator,
)

from workshop_tui.content.activities import Activity, DiscussionActivity
from workshop_tui.content.fields import (
    SLUG,
    LocatedError,
    Seconds,
    StrictModel,
    Text,
    duplicates,
    raise_each,
    slugify,
)
from workshop_tui.content.references import unknown_presented


class Part(StrictModel):
    """One timed part of a workshop."""

    id: str = ""
    name: Text
    duration: Seconds
    activity: Activity = DiscussionActivity()
    goal: str = ""
    steps: list[Text] = []
    prompts: list[Text] = []
    facilitator_notes: list[Text] = []

    @field_validator("id")
    @classmethod
    def _slug_id(cls, value: str) -> str:
        if value and not SLUG.match(value):
            raise ValueError(f'"{value}" is not an id (use lower-case words joined by "-")')
        return value

    @model_validator(mode="after")
    def _default_id(self) -> Part:
        if not self.id:
            object.__setattr__(self, "id", slugify(self.name))
        return self

    @property
    def kind(self) -> str:
        return self.activity.kind


class UsefulFile(StrictModel):
    """A document the facilitator may want at hand."""

    title: Text
    location: Text
    note: str = ""


class Script(StrictModel):
    """A facilitation script: everything a facilitator needs to run one workshop."""

    id: str
    title: Text
    purpose: Text
    duration: Seconds
    audience: str = ""
    prepared_materials: list[Text] = []
    parts: list[Part] = Field(min_length=1)
    takeaways: list[Text] = []
    facilitation_tips: list[Text] = []
    useful_files: list[UsefulFile] = []

    @field_validator("id")
    @classmethod
    def _slug_id(cls, value: str) -> str:
        if not SLUG.match(value):
            raise ValueError(f'"{value}" is not an id (use lower-case words joined by "-")')
        return value

    @field_validator("parts")
    @classmethod
    def _distinct_parts(cls, parts: list[Part]) -> list[Part]:
        names = duplicates([part.name for part in parts], "part name")
        named = {error.at for error in names}  # a name given twice gives its id twice: said once
        ids = [e for e in duplicates([part.id for part in parts], "part id") if e.at not in named]
        raise_each(names + ids)
        return parts

    @model_validator(mode="wrap")
    @classmethod
    def _presented_subjects_exist(
        cls, data: Any, handler: ModelWrapValidatorHandler[Script]
    ) -> Script:
        """Every presented subject exists: checked on the plain data too when the script has
        other problems, so one run names them all."""
        try:
            script = handler(data)
        except ValidationError as error:
            if isinstance(data, dict):
                raise_each(_unknown(data.get("parts")), error)
            raise
        raise_each(_unknown([part.model_dump() for part in script.parts]))
        return script

    @property
    def planned_seconds(self) -> int:
        """The sum of the parts' durations."""
        return sum(part.duration for part in self.parts)

    def part_index(self, part_id: str) -> int:
        """The position of the part with ``part_id``."""
        for index, part in enumerate(self.parts):
            if part.id == part_id:
                return index
        raise KeyError(part_id)


def _unknown(parts: object) -> list[LocatedError]:
    return [LocatedError(message, at=at) for message, at in unknown_presented(parts)]
