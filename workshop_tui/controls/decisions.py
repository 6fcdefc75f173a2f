"""The decisions board's keys: raise a question, object, resolve, vote, decide, write the outcome.

Every change is a new revision of the question's decision (same key) carrying
its full state: objections, rounds of fingers, dots and outcome.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType

from workshop_tui.boards.decisions import DecisionsBoard
from workshop_tui.content.activities import DecisionQuestion
from workshop_tui.controls import decision_dialogs as forms
from workshop_tui.controls.base import ActivityControls
from workshop_tui.dialogs.key_hold import dialog_flow
from workshop_tui.domain.kinds import DecisionMethod
from workshop_tui.domain.read_models.decisions import DecisionsView, Question, decisions_view
from workshop_tui.domain.read_models.in_play import question_key
from workshop_tui.domain.records import Decision
from workshop_tui.domain.rules.decision_flow import (
    consent_outcome,
    read_dots,
    read_show_of_fingers,
    unresolved,
    with_objection,
    with_resolution,
)
from workshop_tui.domain.rules.decisions import (
    consent_reached,
    dot_ranking,
    dots_spent,
    fist_of_five_agreed,
)

if TYPE_CHECKING:
    from workshop_tui.content.model import Part
    from workshop_tui.domain.engine import SessionEngine

VOTING = (DecisionMethod.FIST_OF_FIVE, DecisionMethod.DOT_VOTING)
DEFAULT_DOTS: int = DecisionQuestion.model_fields["dots_per_person"].default
"""The dots each person has on a question the room raised (as a script's default)."""


class DecisionsControls(ActivityControls):
    """Keys on the decisions board; each question's method decides which are on offer."""

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

    def __init__(self, engine: SessionEngine, part: Part, **kwargs: Any) -> None:
        super().__init__(engine, part, **kwargs)
        self._view = self.view()

    def view(self) -> DecisionsView:
        return decisions_view(self.part, self.engine.session, default_dots=DEFAULT_DOTS)

    def compose(self) -> ComposeResult:
        yield DecisionsBoard(self._view)

    @property
    def board(self) -> DecisionsBoard:
        return self.query_one(DecisionsBoard)

    def in_play(self) -> str | None:
        shown = self.board.selected if self.is_mounted else None
        return question_key(shown) if shown is not None else None

    @property
    def selected(self) -> Question | None:
        """The highlighted question."""
        shown = self.board.selected if self.is_mounted else None
        return shown.question if shown is not None else None

    def redraw(self, select: str | None = None) -> None:
        self._view = self.view()
        if self.is_mounted:
            self.board.show(self._view, select=select)

    def on_decisions_board_highlighted(self, event: DecisionsBoard.Highlighted) -> None:
        event.stop()
        self.refresh_bindings()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Offer only the keys the selected question's method uses."""
        if action in ("decide", "vote", "object", "resolve", "write"):
            question = self.selected
            if question is None:
                return False
            if action in ("object", "resolve"):
                return question.method is DecisionMethod.CONSENT
            if action == "vote":
                return question.method in VOTING
        return True

    def _record(self, question: Question, **changes: Any) -> Decision | None:
        """A new revision of the question's decision: its current state with ``changes``."""
        current = question.decision
        state: dict[str, Any] = {
            "outcome": current.outcome if current else "",
            "agreed": current.agreed if current else None,
            "votes": question.votes,
            "rounds": question.rounds,
            "objections": question.objections,
        }
        state.update(changes)
        return self.perform(
            self.engine.decisions.record,
            question.question,
            question.method,
            key=current.key if current else None,
            **state,
        )

    # -- dialog flows -------------------------------------------------------------------
    @dialog_flow
    async def action_add_question(self) -> None:
        """Raise a question of the room's own, with its method (and options for dot voting)."""
        listed = {q.question.question.casefold() for q in self._view.questions}
        values = await self.ask(forms.raise_question(listed))
        if values:
            spec = forms.raised(values)
            votes = {option: 0 for option in spec.options}
            row = self.perform(
                self.engine.decisions.record, spec.question, spec.method, votes=votes
            )
            if row is not None:
                self.redraw(select=f"raised-{row.key}")

    @dialog_flow
    async def action_object(self) -> None:
        question = self.selected
        if question is None:
            return
        values = await self.ask(forms.objection(question))
        if values:  # an objection withdraws any consent recorded before it
            objections = with_objection(question.objections, values["objection"])
            self._record(question, objections=objections, outcome="", agreed=None)

    @dialog_flow
    async def action_resolve(self) -> None:
        question = self.selected
        if question is None:
            return
        if not unresolved(question.objections):
            self.say("There is no unresolved objection.", title="Nothing to resolve")
            return
        values = await self.ask(forms.resolution(question))
        if values:
            which, how = int(values["which"]), values["resolution"]
            self._record(question, objections=with_resolution(question.objections, which, how))

    @dialog_flow
    async def action_vote(self) -> None:
        question = self.selected
        if question is None:
            return
        if question.method is DecisionMethod.FIST_OF_FIVE:
            values = await self.ask(forms.fingers(question))
            if values:
                counts = read_show_of_fingers(values)
                rounds = (*question.rounds, counts)
                self._record(question, rounds=rounds, agreed=fist_of_five_agreed(counts))
        elif question.method is DecisionMethod.DOT_VOTING:
            values = await self.ask(forms.dots(question))
            if values:
                typed = {
                    option: values[name] for name, option in forms.dot_fields(question).items()
                }
                self._record(question, votes=read_dots(typed, question.options))

    @dialog_flow
    async def action_decide(self) -> None:
        question = self.selected
        if question is None:
            return
        if question.method is DecisionMethod.CONSENT:
            await self._consent(question)
        elif question.method is DecisionMethod.DOT_VOTING:
            await self._dot_outcome(question)
        else:
            await self._write(question)

    @dialog_flow
    async def action_write(self) -> None:
        question = self.selected
        if question is not None:
            await self._write(question)

    async def _consent(self, question: Question) -> None:
        if not consent_reached(question.objections):
            count = len(unresolved(question.objections))
            noun = "objection is" if count == 1 else "objections are"
            self.say(
                f"{count} {noun} unresolved: resolve them (r) before recording consent.",
                severity="warning",
                title="No consent yet",
            )
            return
        values = await self.ask(forms.consent(question))
        if values:
            outcome = consent_outcome(values["statement"], values["note"])
            self._record(question, outcome=outcome, agreed=True)

    async def _dot_outcome(self, question: Question) -> None:
        votes = question.votes
        if not dots_spent(votes):
            self.say(
                "Enter the dots per option first (v).", severity="warning", title="No dots yet"
            )
            return
        values = await self.ask(forms.dot_outcome(question, dot_ranking(votes)[0][0]))
        if values:
            self._record(question, outcome=values["outcome"], agreed=True)

    async def _write(self, question: Question) -> None:
        values = await self.ask(forms.outcome(question))
        if values:
            verdict = {"yes": True, "no": False}.get(values["agreed"])
            self._record(question, outcome=values["outcome"], agreed=verdict)
