"""What each part of a script does, as pydantic models: discussion, Cynefin, promises,
sign-off, decisions and actions, with what each holds prepared."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import (
    Field,
    ValidationError,
    ValidatorFunctionWrapHandler,
    field_validator,
    model_validator,
)

from workshop_tui.content.fields import (
    LocatedError,
    StrictModel,
    Text,
    duplicates,
    raise_each,
    reject_duplicates,
    slugify,
)
from workshop_tui.domain.kinds import CynefinDomain, DecisionMethod


class DiscussionActivity(StrictModel):
    """Steps and prompts; the room talks, the facilitator captures notes."""

    kind: Literal["discussion"] = "discussion"


class CynefinActivity(StrictModel):
    """The room classifies items of its work into the Cynefin domains."""

    kind: Literal["cynefin"]
    items: list[Text] = []
    domain_prompts: dict[CynefinDomain, Text] = {}


class PromiseTemplate(StrictModel):
    """A promise a party is expected to make, preloaded for negotiation."""

    text: Text
    detail: str = ""

    @model_validator(mode="before")
    @classmethod
    def _from_plain_text(cls, value: object) -> object:
        return {"text": value} if isinstance(value, str) else value


class Party(StrictModel):
    """One side of the agreement and the promises it is expected to make."""

    name: Text
    promises: list[PromiseTemplate] = []


class PromisesActivity(StrictModel):
    """Two or more parties negotiate the promises each makes."""

    kind: Literal["promises"]
    parties: list[Party] = Field(min_length=2)

    @field_validator("parties")
    @classmethod
    def _distinct_parties(cls, parties: list[Party]) -> list[Party]:
        reject_duplicates([party.name for party in parties], "party name")
        return parties


PRESENTABLE = ("promises", "decision", "agility", "cynefin", "actions", "text")
"""What a sign-off section can present, each written as one key of an item of ``presents``."""
_FLAGS = ("agility", "cynefin", "actions")


class PresentedItem(StrictModel):
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


class SignoffSection(StrictModel):
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


class SignoffActivity(StrictModel):
    """Sections of an agreement, each complete when everyone named has initialled it."""

    kind: Literal["signoff"]
    signatories: list[Text] = []
    """Roles who initial every section that names no ``initials_by`` of its own."""
    sections: list[SignoffSection] = Field(min_length=1)

    @field_validator("sections")
    @classmethod
    def _distinct_sections(cls, sections: list[SignoffSection]) -> list[SignoffSection]:
        reject_duplicates([section.id for section in sections], "section id")
        return sections

    @model_validator(mode="after")
    def _everyone_named(self) -> SignoffActivity:
        raise_each(
            [
                LocatedError(
                    f'section "{section.title}" names nobody to initial it '
                    "(add initials_by, or signatories for the whole part)",
                    at=("sections", index),
                )
                for index, section in enumerate(self.sections)
                if not section.initials_by and not self.signatories
            ]
        )
        return self

    def roles_for(self, section: SignoffSection) -> list[str]:
        """Who must initial ``section``."""
        return list(section.initials_by or self.signatories)


class DecisionQuestion(StrictModel):
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


class DecisionsActivity(StrictModel):
    """Questions to decide, each with its decision method."""

    kind: Literal["decisions"]
    questions: list[DecisionQuestion] = []

    @field_validator("questions", mode="wrap")
    @classmethod
    def _distinct_questions(
        cls, value: object, handler: ValidatorFunctionWrapHandler
    ) -> list[DecisionQuestion]:
        """A question asked twice in one part would be decided twice, each overwriting the
        other's record: refused, naming both, even when a question has other problems."""
        items = value if isinstance(value, list) else []
        texts = [item.get("question") if isinstance(item, dict) else None for item in items]
        twice = duplicates([text if isinstance(text, str) else None for text in texts], "question")
        try:
            questions: list[DecisionQuestion] = handler(value)
        except ValidationError as error:
            raise_each(twice, error)
            raise
        raise_each(twice)
        return questions


class ActionTemplate(StrictModel):
    """A follow-up the script suggests; owner and due date are set in the room."""

    text: Text
    owner: str = ""

    @model_validator(mode="before")
    @classmethod
    def _from_plain_text(cls, value: object) -> object:
        return {"text": value} if isinstance(value, str) else value


class ActionsActivity(StrictModel):
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
