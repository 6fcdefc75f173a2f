"""The decisions panel: the script's questions and those raised in the room, each with its method.

Every change is a new revision of the question's decision (same key) carrying
its full state: objections, rounds of fingers, dots and outcome. What is shown
is the latest revision of each key, so a resumed session looks the same.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, ClassVar

from pydantic import ValidationError
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.widgets import OptionList, Static

from workshop_tui.content.model import DecisionQuestion, DecisionsActivity
from workshop_tui.dialogs.form import Field, FormDialog
from workshop_tui.domain import views
from workshop_tui.domain.decision_flow import (
    AGREED,
    DECIDED,
    NOT_AGREED,
    consent_outcome,
    decision_status,
    dot_budget,
    fist_verdict,
    read_dots,
    read_show_of_fingers,
    unresolved,
    with_objection,
    with_resolution,
)
from workshop_tui.domain.decisions import (
    CONSENT_OUTCOME,
    FINGERS,
    consent_reached,
    dot_ranking,
    dots_spent,
    fist_of_five_agreed,
)
from workshop_tui.domain.kinds import DecisionMethod
from workshop_tui.domain.records import Decision
from workshop_tui.widgets.activity import ActivityPanel, PanelDetail
from workshop_tui.widgets.marked_list import MarkedList

if TYPE_CHECKING:
    from workshop_tui.content.model import Part
    from workshop_tui.domain.engine import SessionEngine

BARS = " ▁▂▃▄▅▆▇█"
DOT_BAR_WIDTH = 12
STATUS_STYLE = {AGREED: "$success", NOT_AGREED: "$error", DECIDED: "$accent"}
VOTING = (DecisionMethod.FIST_OF_FIVE, DecisionMethod.DOT_VOTING)
DEFAULT_DOTS: int = DecisionQuestion.model_fields["dots_per_person"].default


@dataclass(frozen=True, slots=True)
class Question:
    """A question on the list: from the script or raised in the room, and its latest decision."""

    row_id: str
    question: str
    method: DecisionMethod
    options: tuple[str, ...] = ()
    dots_per_person: int = DEFAULT_DOTS
    decision: Decision | None = None

    @property
    def status(self) -> str:
        return decision_status(self.decision)


class DecisionsPanel(ActivityPanel):
    """Questions on the left, the selected question's method at work on the right."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("a", "add_question", "Add", tooltip="Raise a question of the room's own"),
        Binding(
            "enter", "decide", "Decide", tooltip="Record the decision on the selected question"
        ),
        Binding(
            "v", "vote", "Vote", tooltip="Record a round of fist of five, or the dots per option"
        ),
        Binding("o", "object", "Object", tooltip="Add an objection to the consent"),
        Binding("r", "resolve", "Resolve", tooltip="Record how an objection was resolved"),
        Binding(
            "w",
            "write",
            "Outcome",
            show=False,
            tooltip="Write or overwrite the outcome, and whether it was agreed",
        ),
    ]

    DEFAULT_CSS = """
    DecisionsPanel {
        height: 1fr;
        #decisions-body { height: 1fr; }
        #decisions-list { min-width: 22; }
        #decision-question { text-style: bold; color: $accent; }
        #decision-work { margin-top: 1; }
    }
    """

    def __init__(self, engine: SessionEngine, part: Part, **kwargs: Any) -> None:
        super().__init__(engine, part, **kwargs)
        activity = part.activity
        assert isinstance(activity, DecisionsActivity), "DecisionsPanel shows a decisions part"
        self.activity = activity
        self._questions: dict[str, Question] = {}

    def compose(self) -> ComposeResult:
        yield Static("", id="decisions-summary", classes="panel-summary", markup=False)
        with Horizontal(id="decisions-body"):
            yield MarkedList(id="decisions-list", classes="panel-list")
            with PanelDetail(id="decision-detail"):
                yield Static("", id="decision-question", markup=False)
                yield Static("", id="decision-work")

    # -- reading ---------------------------------------------------------------------------
    def questions(self) -> list[Question]:
        """The script's questions in order, then those raised in the room, with their decisions."""
        decisions = [
            row
            for row in views.current_decisions(self.engine.session.decisions)
            if row.part_id == self.part.id
        ]
        by_question = {row.question.casefold(): row for row in decisions}
        listed: list[Question] = []
        used: set[str] = set()
        for index, spec in enumerate(self.activity.questions):
            decision = by_question.get(spec.question.casefold())
            if decision is not None:
                used.add(decision.key)
            listed.append(
                Question(
                    f"script-{index}",
                    spec.question,
                    spec.method,
                    tuple(spec.options),
                    spec.dots_per_person,
                    decision,
                )
            )
        for row in decisions:
            if row.key not in used:
                listed.append(
                    Question(
                        f"raised-{row.key}",
                        row.question,
                        row.method,
                        tuple(row.votes),
                        DEFAULT_DOTS,
                        row,
                    )
                )
        return listed

    @property
    def selected(self) -> Question | None:
        row_id = self.query_one("#decisions-list", MarkedList).selected_id
        return self._questions.get(row_id) if row_id else None

    # -- drawing ---------------------------------------------------------------------------
    def sync(self, select: str | None = None) -> None:
        """Redraw the list and the selected question from the session's decisions."""
        questions = self.questions()
        self._questions = {q.row_id: q for q in questions}
        settled = sum(1 for q in questions if q.status != "open")
        self.query_one("#decisions-summary", Static).update(
            f"{settled} of {len(questions)} questions decided  ·  a: add a question"
        )
        rows = [(q.row_id, self._row(q)) for q in questions]
        self.query_one("#decisions-list", MarkedList).show(rows, select=select)
        self._show_detail()

    @staticmethod
    def _row(question: Question) -> Content:
        style = STATUS_STYLE.get(question.status, "$text-muted")
        return Content.assemble(
            question.question,
            "\n",
            (question.status, style),
            " · ",
            (question.method.label, "$text-muted"),
        )

    def _show_detail(self) -> None:
        question = self.selected
        title = self.query_one("#decision-question", Static)
        work = self.query_one("#decision-work", Static)
        self.refresh_bindings()
        if question is None:
            title.update("No questions yet")
            work.update(Content("Press a to raise a question for the room to decide."))
            return
        title.update(question.question)
        work.update(self._work_area(question))
        self.query_one("#decision-detail", VerticalScroll).scroll_home(animate=False)

    def _work_area(self, question: Question) -> Content:
        decision = question.decision
        status_style = STATUS_STYLE.get(question.status, "$text-muted")
        lines: list[Content] = [
            Content.assemble(
                (question.method.label, "bold"), " · ", (question.status, status_style)
            )
        ]
        if question.method is DecisionMethod.CONSENT:
            lines += self._consent_lines(decision)
            keys = "o objection · r resolve · enter consent · w outcome"
        elif question.method is DecisionMethod.FIST_OF_FIVE:
            lines += self._fist_lines(decision)
            keys = "v round of fingers · enter or w outcome"
        elif question.method is DecisionMethod.DOT_VOTING:
            lines += self._dot_lines(question)
            keys = "v dots per option · enter decide · w outcome"
        else:
            keys = "enter or w write the decision"
        if decision is not None and decision.outcome:
            lines += [Content(""), Content.assemble(("Outcome: ", "bold"), decision.outcome)]
        lines += [Content(""), Content(keys).stylize("$text-muted")]
        return Content("\n").join(lines)

    @staticmethod
    def _consent_lines(decision: Decision | None) -> list[Content]:
        objections = decision.objections if decision else ()
        if not objections:
            return [Content("No objections raised.").stylize("$text-muted")]
        open_count = len(unresolved(objections))
        heading = (
            "Every objection resolved"
            if not open_count
            else f"{open_count} of {len(objections)} objections unresolved"
        )
        lines = [Content(heading).stylize("$success" if not open_count else "$warning")]
        for number, objection in enumerate(objections, start=1):
            if objection.resolution:
                lines.append(Content.assemble(("✔ ", "$success"), f"{number}. {objection.text}"))
                lines.append(Content.assemble("    → ", (objection.resolution, "italic")))
            else:
                lines.append(Content.assemble(("✖ ", "$error"), f"{number}. {objection.text}"))
                lines.append(Content("    unresolved").stylize("$text-muted italic"))
        return lines

    @staticmethod
    def _fist_lines(decision: Decision | None) -> list[Content]:
        rounds = decision.rounds if decision else ()
        if not rounds:
            return [
                Content("No rounds yet: press v after the show of fingers.").stylize("$text-muted")
            ]
        lines: list[Content] = []
        for number in range(len(rounds), 0, -1):  # newest first, so it is in view
            counts = rounds[number - 1]
            top = max(counts.get(finger, 0) for finger in FINGERS) or 1
            fingers, bars, numbers = [], [], []
            for finger in FINGERS:
                count = counts.get(finger, 0)
                low = finger in ("0", "1", "2")
                bar = BARS[max(1, round(count / top * 8))] if count else "·"
                fingers.append(f"{finger:>3}")
                bars.append((f"{bar:>3}", "$warning" if low else "$success"))
                numbers.append(f"{count:>3}")
            good = fist_of_five_agreed(counts)
            lines.append(Content.assemble((f"{'Round ' + str(number):<8}", "bold"), *fingers))
            lines.append(Content.assemble(" " * 8, *bars))
            lines.append(Content.assemble((f"{'people':<8}", "$text-muted"), *numbers))
            verdict = (fist_verdict(counts), "$success" if good else "$warning")
            lines.append(Content.assemble("→ ", verdict))
            if number > 1:
                lines.append(Content(""))
        return lines

    def _dot_lines(self, question: Question) -> list[Content]:
        decision = question.decision
        votes = dict(decision.votes) if decision and decision.votes else {}
        for option in question.options:
            votes.setdefault(option, 0)
        people = len(self.engine.session.setup.participants)
        budget = dot_budget(people, question.dots_per_person)
        spent = dots_spent(votes)
        if not people:
            lines = [Content(f"{spent} dots spent (no participants listed, so no budget)")]
        elif spent > budget:
            lines = [
                Content(
                    f"⚠ {spent} dots spent, only {budget} to give "
                    f"({people} people × {question.dots_per_person})"
                ).stylize("bold $warning")
            ]
        else:
            lines = [
                Content(
                    f"{spent} of {budget} dots spent ({people} people × {question.dots_per_person})"
                )
            ]
        top = max(votes.values(), default=0) or 1
        for option, dots in dot_ranking(votes):
            bar = "█" * round(dots / top * DOT_BAR_WIDTH) if dots else "·"
            lines.append(
                Content.assemble(
                    (f"{bar:<{DOT_BAR_WIDTH}}", "$accent"), f" {dots:>2}  ", (option, "bold")
                )
            )
        return lines

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()
        self._show_detail()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()  # a click only selects; enter decides

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Offer only the keys the selected question's method uses."""
        if action in ("decide", "vote", "object", "resolve", "write"):
            question = self.selected if self.is_mounted else None
            if question is None:
                return False
            if action in ("object", "resolve"):
                return question.method is DecisionMethod.CONSENT
            if action == "vote":
                return question.method in VOTING
        return True

    # -- recording -------------------------------------------------------------------------
    def _record(self, question: Question, **changes: Any) -> Decision | None:
        """A new revision of the question's decision: its current state with ``changes``."""
        current = question.decision
        state: dict[str, Any] = {
            "outcome": current.outcome if current else "",
            "agreed": current.agreed if current else None,
            "votes": dict(current.votes) if current else {},
            "rounds": current.rounds if current else (),
            "objections": current.objections if current else (),
        }
        state.update(changes)
        return self.perform(
            self.engine.record_decision,
            question.question,
            question.method,
            key=current.key if current else None,
            **state,
        )

    def _on_selected(self, then: Callable[[Question], None]) -> None:
        question = self.selected
        if question is not None:
            then(question)

    def action_add_question(self) -> None:
        """Raise a question of the room's own, with its method (and options for dot voting)."""
        methods = [(method.label, method.value) for method in DecisionMethod]
        fields = [
            Field("question", "Question", required=True),
            Field(
                "method",
                "Method",
                value=DecisionMethod.CONSENT.value,
                options=methods,
                required=True,
            ),
            Field("options", "Options (dot voting only)", placeholder="Separated by commas"),
        ]
        listed = {q.question.casefold() for q in self._questions.values()}

        def parsed(values: dict[str, str]) -> DecisionQuestion:
            options = [o.strip() for o in values["options"].split(",") if o.strip()]
            method = DecisionMethod(values["method"])
            if method is not DecisionMethod.DOT_VOTING:
                options = []
            return DecisionQuestion(question=values["question"], method=method, options=options)

        def check(values: dict[str, str]) -> str | None:
            if values["question"].casefold() in listed:
                return "That question is already on the list."
            try:
                spec = parsed(values)
            except ValidationError as error:
                return _first_problem(error)
            if len(set(spec.options)) != len(spec.options):
                return "Each option can be listed only once."
            return None

        def save(values: dict[str, str]) -> None:
            spec = parsed(values)
            votes = {option: 0 for option in spec.options}
            row = self.perform(self.engine.record_decision, spec.question, spec.method, votes=votes)
            if row is not None:
                self.sync(select=f"raised-{row.key}")

        self.ask(FormDialog("Raise a question", fields, validate=check, save_label="Add"), save)

    def action_object(self) -> None:
        def ask(question: Question) -> None:
            objections = question.decision.objections if question.decision else ()
            fields = [
                Field("objection", "Objection", required=True, placeholder="What is unsafe to try?")
            ]

            def save(values: dict[str, str]) -> None:
                # An objection withdraws any consent recorded before it.
                self._record(
                    question,
                    objections=with_objection(objections, values["objection"]),
                    outcome="",
                    agreed=None,
                )

            self.ask(FormDialog("Add an objection", fields, intro=question.question), save)

        self._on_selected(ask)

    def action_resolve(self) -> None:
        def ask(question: Question) -> None:
            objections = question.decision.objections if question.decision else ()
            waiting = unresolved(objections)
            if not waiting:
                self.notify("There is no unresolved objection.", title="Nothing to resolve")
                return
            choices = [(f"{i + 1}. {objections[i].text}", str(i)) for i in waiting]
            fields = [
                Field("which", "Objection", value=str(waiting[0]), options=choices, required=True),
                Field(
                    "resolution",
                    "Resolution",
                    required=True,
                    placeholder="How the room resolved it",
                ),
            ]

            def save(values: dict[str, str]) -> None:
                resolved = with_resolution(objections, int(values["which"]), values["resolution"])
                self._record(question, objections=resolved)

            self.ask(FormDialog("Resolve an objection", fields, intro=question.question), save)

        self._on_selected(ask)

    def action_vote(self) -> None:
        def ask(question: Question) -> None:
            if question.method is DecisionMethod.FIST_OF_FIVE:
                self._ask_fingers(question)
            elif question.method is DecisionMethod.DOT_VOTING:
                self._ask_dots(question)

        self._on_selected(ask)

    def _ask_fingers(self, question: Question) -> None:
        rounds = question.decision.rounds if question.decision else ()
        fields = [
            Field(
                finger,
                f"{finger} finger{'s' if finger != '1' else ''}: how many people",
                placeholder="0",
            )
            for finger in FINGERS
        ]

        def check(values: dict[str, str]) -> str | None:
            try:
                read_show_of_fingers(values)
            except ValueError as error:
                return _sentence(str(error))
            return None

        def save(values: dict[str, str]) -> None:
            counts = read_show_of_fingers(values)
            self._record(question, rounds=(*rounds, counts), agreed=fist_of_five_agreed(counts))

        title = f"Fist of five: round {len(rounds) + 1}"
        self.ask(FormDialog(title, fields, intro=question.question, validate=check), save)

    def _ask_dots(self, question: Question) -> None:
        votes = question.decision.votes if question.decision else {}
        names = {f"option{index}": option for index, option in enumerate(question.options)}
        fields = [
            Field(
                name,
                option,
                value=str(votes.get(option, "")) if votes.get(option) else "",
                placeholder="0",
            )
            for name, option in names.items()
        ]

        def typed(values: dict[str, str]) -> dict[str, int]:
            by_option = {option: values[name] for name, option in names.items()}
            return read_dots(by_option, question.options)

        def check(values: dict[str, str]) -> str | None:
            try:
                typed(values)
            except ValueError as error:
                return _sentence(str(error))
            return None

        def save(values: dict[str, str]) -> None:
            self._record(question, votes=typed(values))

        intro = f"{question.question} Dots per option:"
        self.ask(FormDialog("Dot voting", fields, intro=intro, validate=check), save)

    def action_decide(self) -> None:
        def decide(question: Question) -> None:
            if question.method is DecisionMethod.CONSENT:
                self._ask_consent(question)
            elif question.method is DecisionMethod.DOT_VOTING:
                self._ask_dot_outcome(question)
            else:
                self.action_write()

        self._on_selected(decide)

    def _ask_consent(self, question: Question) -> None:
        objections = question.decision.objections if question.decision else ()
        if not consent_reached(objections):
            count = len(unresolved(objections))
            noun = "objection is" if count == 1 else "objections are"
            self.notify(
                f"{count} {noun} unresolved: resolve them (r) before recording consent.",
                severity="warning",
                title="No consent yet",
            )
            return
        fields = [
            Field("note", "Note (optional)", placeholder="e.g. review at the first Sprint Review")
        ]

        def save(values: dict[str, str]) -> None:
            outcome = consent_outcome(CONSENT_OUTCOME, values["note"])
            self._record(question, outcome=outcome, agreed=True)

        intro = f"{question.question}\nOutcome: {CONSENT_OUTCOME}"
        self.ask(FormDialog("Record consent", fields, intro=intro, save_label="Record"), save)

    def _ask_dot_outcome(self, question: Question) -> None:
        votes = question.decision.votes if question.decision else {}
        if not dots_spent(votes):
            self.notify(
                "Enter the dots per option first (v).", severity="warning", title="No dots yet"
            )
            return
        top = dot_ranking(votes)[0][0]
        fields = [Field("outcome", "Outcome", value=top, required=True)]

        def save(values: dict[str, str]) -> None:
            self._record(question, outcome=values["outcome"], agreed=True)

        self.ask(FormDialog("Record the decision", fields, intro=question.question), save)

    def action_write(self) -> None:
        def ask(question: Question) -> None:
            decision = question.decision
            agreed = (
                ""
                if decision is None or decision.agreed is None
                else ("yes" if decision.agreed else "no")
            )
            fields = [
                Field(
                    "outcome", "Outcome", value=decision.outcome if decision else "", required=True
                ),
                Field(
                    "agreed",
                    "Agreed?",
                    value=agreed,
                    options=[("Yes, agreed", "yes"), ("No, not agreed", "no")],
                ),
            ]

            def save(values: dict[str, str]) -> None:
                verdict = {"yes": True, "no": False}.get(values["agreed"])
                self._record(question, outcome=values["outcome"], agreed=verdict)

            self.ask(FormDialog("Write the outcome", fields, intro=question.question), save)

        self._on_selected(ask)


def _sentence(text: str) -> str:
    text = text.strip()
    return text[:1].upper() + text[1:] + ("" if text.endswith(".") else ".")


def _first_problem(error: ValidationError) -> str:
    """The first problem pydantic found, as a sentence without its "Value error, " prefix."""
    message = str(error.errors()[0]["msg"]).removeprefix("Value error, ")
    return _sentence(message)
