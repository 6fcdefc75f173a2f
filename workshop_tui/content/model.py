"""The shape of a facilitation script, as pydantic models.

Every model forbids unknown keys, so a typo such as ``duraton`` is an error,
never silently ignored. Durations are stored as whole seconds.
"""

from __future__ import annotations

import re
from typing import Annotated, Literal

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    PlainSerializer,
    field_validator,
    model_validator,
)

from workshop_tui.content.durations import parse_duration
from workshop_tui.content.references import unknown_presented
from workshop_tui.domain.kinds import CynefinDomain, DecisionMethod

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


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


class DiscussionActivity(_Strict):
    """Steps and prompts; the room talks, the facilitator captures notes."""

    kind: Literal["discussion"] = "discussion"


class CynefinActivity(_Strict):
    """The room classifies items of its work into the Cynefin domains."""

    kind: Literal["cynefin"]
    items: list[Text] = []
    domain_prompts: dict[CynefinDomain, Text] = {}


class PromiseTemplate(_Strict):
    """A promise a party is expected to make, preloaded for negotiation."""

    text: Text
    detail: str = ""

    @model_validator(mode="before")
    @classmethod
    def _from_plain_text(cls, value: object) -> object:
        return {"text": value} if isinstance(value, str) else value


class Party(_Strict):
    """One side of the agreement and the promises it is expected to make."""

    name: Text
    promises: list[PromiseTemplate] = []


class PromisesActivity(_Strict):
    """Two or more parties negotiate the promises each makes."""

    kind: Literal["promises"]
    parties: list[Party] = Field(min_length=2)

    @field_validator("parties")
    @classmethod
    def _distinct_parties(cls, parties: list[Party]) -> list[Party]:
        _reject_duplicates([party.name for party in parties], "party name")
        return parties


PRESENTABLE = ("promises", "decision", "agility", "cynefin", "actions", "text")
"""What a sign-off section can present, each written as one key of an item of ``presents``."""
_FLAGS = ("agility", "cynefin", "actions")


class PresentedItem(_Strict):
    """One piece of a section's wording: the session's results on a subject, or fixed text.

    ``promises: <party>`` presents that party's promises as they stand,
    ``decision: <question>`` the outcome of that question, ``agility`` the agreed
    level of agility with the Cynefin board's summary, ``cynefin`` the work as
    placed on the board, ``actions`` the action list, and ``text: ...`` a fixed
    paragraph. The three words may be written alone (``- agility``).
    """

    promises: str = ""
    decision: str = ""
    agility: bool = False
    cynefin: bool = False
    actions: bool = False
    text: str = ""

    @model_validator(mode="before")
    @classmethod
    def _from_word(cls, value: object) -> object:
        if isinstance(value, str):
            word = value.strip()
            if word in _FLAGS:
                return {word: True}
            raise ValueError(
                f'"{word}" is not something a section can present (write agility, cynefin '
                "or actions alone, or promises: PARTY, decision: QUESTION or text: TEXT)"
            )
        return value

    @model_validator(mode="after")
    def _exactly_one(self) -> PresentedItem:
        chosen = [name for name in PRESENTABLE if getattr(self, name)]
        if len(chosen) != 1:
            raise ValueError(
                "each presented item names exactly one of: "
                + ", ".join(PRESENTABLE)
                + (f" (this one names {' and '.join(chosen)})" if chosen else "")
            )
        return self

    @property
    def kind(self) -> str:
        """Which of ``PRESENTABLE`` this item is."""
        return next(name for name in PRESENTABLE if getattr(self, name))


class SignoffSection(_Strict):
    """A section of an agreement, read aloud, then initialled by each named role.

    Its wording is its fixed ``text`` followed by what it ``presents``.
    """

    id: str = ""
    title: Text
    text: str = ""
    presents: list[PresentedItem] = []
    initials_by: list[Text] = []

    @model_validator(mode="after")
    def _default_id(self) -> SignoffSection:
        if not self.text and not self.presents:
            raise ValueError("a section needs a text, or something it presents (presents:)")
        if not self.id:
            object.__setattr__(self, "id", slugify(self.title))
        return self


class SignoffActivity(_Strict):
    """Sections of an agreement, each complete when everyone named has initialled it."""

    kind: Literal["signoff"]
    signatories: list[Text] = []
    """Roles who initial every section that names no ``initials_by`` of its own."""
    sections: list[SignoffSection] = Field(min_length=1)

    @field_validator("sections")
    @classmethod
    def _distinct_sections(cls, sections: list[SignoffSection]) -> list[SignoffSection]:
        _reject_duplicates([section.id for section in sections], "section id")
        return sections

    @model_validator(mode="after")
    def _everyone_named(self) -> SignoffActivity:
        for index, section in enumerate(self.sections):
            if not section.initials_by and not self.signatories:
                raise LocatedError(
                    f'section "{section.title}" names nobody to initial it '
                    "(add initials_by, or signatories for the whole part)",
                    at=("sections", index),
                )
        return self

    def roles_for(self, section: SignoffSection) -> list[str]:
        """Who must initial ``section``."""
        return list(section.initials_by or self.signatories)


class DecisionQuestion(_Strict):
    """A question the room decides, and how."""

    question: Text
    method: DecisionMethod = DecisionMethod.CONSENT
    options: list[Text] = []
    dots_per_person: int = Field(default=3, ge=1, le=20)

    @model_validator(mode="after")
    def _options_for_dots(self) -> DecisionQuestion:
        if self.method is DecisionMethod.DOT_VOTING and len(self.options) < 2:
            raise ValueError("dot voting needs at least two options")
        return self


class DecisionsActivity(_Strict):
    """Questions to decide, each with its decision method."""

    kind: Literal["decisions"]
    questions: list[DecisionQuestion] = []


class ActionTemplate(_Strict):
    """A follow-up the script suggests; owner and due date are set in the room."""

    text: Text
    owner: str = ""

    @model_validator(mode="before")
    @classmethod
    def _from_plain_text(cls, value: object) -> object:
        return {"text": value} if isinstance(value, str) else value


class ActionsActivity(_Strict):
    """Follow-ups with an owner and a due date."""

    kind: Literal["actions"]
    suggested: list[ActionTemplate] = []


Activity = Annotated[
    DiscussionActivity
    | CynefinActivity
    | PromisesActivity
    | SignoffActivity
    | DecisionsActivity
    | ActionsActivity,
    Field(discriminator="kind"),
]


class Part(_Strict):
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


class UsefulFile(_Strict):
    """A document the facilitator may want at hand."""

    title: Text
    location: Text
    note: str = ""


class Script(_Strict):
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
        _reject_duplicates([part.name for part in parts], "part name")
        _reject_duplicates([part.id for part in parts], "part id")
        return parts

    @model_validator(mode="after")
    def _presented_subjects_exist(self) -> Script:
        unknown = unknown_presented(self)
        if unknown is not None:
            raise LocatedError(unknown[0], at=unknown[1])
        return self

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


def _reject_duplicates(names: list[str], what: str) -> None:
    seen: dict[str, int] = {}
    for index, name in enumerate(names):
        key = name.casefold()
        if key in seen:
            raise LocatedError(f'{what} "{name}" appears twice', at=(index,), first=(seen[key],))
        seen[key] = index
