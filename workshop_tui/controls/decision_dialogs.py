"""The forms of the decisions board: each built from the question it asks about.

Each checks what is typed before it closes (a count that is not a number, an
option listed twice), so the flows in ``decisions`` only record what is valid.
"""

from __future__ import annotations

from collections.abc import Collection

from pydantic import ValidationError

from workshop_tui.content.activities import DecisionQuestion
from workshop_tui.controls.base import sentence
from workshop_tui.dialogs.form import Field, FormDialog
from workshop_tui.domain.kinds import DecisionMethod
from workshop_tui.domain.read_models.decisions import Question
from workshop_tui.domain.rules.decision_flow import read_dots, read_show_of_fingers, unresolved
from workshop_tui.domain.rules.decisions import CONSENT_OUTCOME, FINGERS


def raised(values: dict[str, str]) -> DecisionQuestion:
    """The question the room raised, as a script would hold it (options for dot voting only)."""
    method = DecisionMethod(values["method"])
    options = [o.strip() for o in values["options"].split(",") if o.strip()]
    if method is not DecisionMethod.DOT_VOTING:
        options = []
    return DecisionQuestion(question=values["question"], method=method, options=options)


def raise_question(listed: Collection[str]) -> FormDialog:
    """A question of the room's own, its method, and options for dot voting."""

    def check(values: dict[str, str]) -> str | None:
        if values["question"].casefold() in listed:
            return "That question is already on the list."
        try:
            spec = raised(values)
        except ValidationError as error:
            return sentence(str(error.errors()[0]["msg"]).removeprefix("Value error, "))
        if len(set(spec.options)) != len(spec.options):
            return "Each option can be listed only once."
        return None

    methods = [(method.label, method.value) for method in DecisionMethod]
    fields = [
        Field("question", "Question", required=True),
        Field("method", "Method", DecisionMethod.CONSENT.value, options=methods, required=True),
        Field("options", "Options (dot voting only)", placeholder="Separated by commas"),
    ]
    return FormDialog("Raise a question", fields, validate=check, save_label="Add")


def objection(question: Question) -> FormDialog:
    field = Field("objection", "Objection", required=True, placeholder="What is unsafe to try?")
    return FormDialog("Add an objection", [field], intro=question.question)


def resolution(question: Question) -> FormDialog:
    """Which unresolved objection, and how the room resolved it."""
    objections = question.objections
    waiting = unresolved(objections)
    choices = [(f"{i + 1}. {objections[i].text}", str(i)) for i in waiting]
    fields = [
        Field("which", "Objection", value=str(waiting[0]), options=choices, required=True),
        Field("resolution", "Resolution", required=True, placeholder="How the room resolved it"),
    ]
    return FormDialog("Resolve an objection", fields, intro=question.question)


def fingers(question: Question) -> FormDialog:
    """How many people showed each number of fingers, in the next round."""

    def check(values: dict[str, str]) -> str | None:
        try:
            read_show_of_fingers(values)
        except ValueError as error:
            return sentence(str(error))
        return None

    fields = [
        Field(finger, f"{finger} finger{'s' if finger != '1' else ''}: how many people", "", "0")
        for finger in FINGERS
    ]
    title = f"Fist of five: round {len(question.rounds) + 1}"
    return FormDialog(title, fields, intro=question.question, validate=check)


def dot_fields(question: Question) -> dict[str, str]:
    """The field name of each option of a dot vote."""
    return {f"option{index}": option for index, option in enumerate(question.options)}


def dots(question: Question) -> FormDialog:
    """Dots per option (the fields named by ``dot_fields``)."""
    votes = question.votes
    names = dot_fields(question)

    def check(values: dict[str, str]) -> str | None:
        try:
            read_dots({option: values[name] for name, option in names.items()}, question.options)
        except ValueError as error:
            return sentence(str(error))
        return None

    fields = [
        Field(name, option, value=str(votes[option]) if votes.get(option) else "", placeholder="0")
        for name, option in names.items()
    ]
    intro = f"{question.question} Dots per option:"
    return FormDialog("Dot voting", fields, intro=intro, validate=check)


def consent(question: Question) -> FormDialog:
    """What the room consents to, in the words the agreement will hold, and a note."""
    decision = question.decision
    statement = Field(
        "statement",
        "What does the room consent to? (the words the agreement holds)",
        value=decision.outcome if decision is not None and decision.outcome else "",
        placeholder="e.g. the outcome statement, the grid, the rhythm, as agreed",
        required=True,
    )
    note = Field("note", "Note (optional)", placeholder="e.g. review at the first Sprint Review")
    intro = f"{question.question}\nConsent: {CONSENT_OUTCOME}"
    return FormDialog("Record consent", [statement, note], intro=intro, save_label="Record")


def dot_outcome(question: Question, top: str) -> FormDialog:
    fields = [Field("outcome", "Outcome", value=top, required=True)]
    return FormDialog("Record the decision", fields, intro=question.question)


def outcome(question: Question) -> FormDialog:
    """Any outcome, and whether it was agreed."""
    decision = question.decision
    agreed = (
        "" if decision is None or decision.agreed is None else "yes" if decision.agreed else "no"
    )
    fields = [
        Field("outcome", "Outcome", value=decision.outcome if decision else "", required=True),
        Field(
            "agreed",
            "Agreed?",
            value=agreed,
            options=[("Yes, agreed", "yes"), ("No, not agreed", "no")],
        ),
    ]
    return FormDialog("Write the outcome", fields, intro=question.question)
