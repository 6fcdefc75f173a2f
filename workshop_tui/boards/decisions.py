"""The decisions board: the questions on the left, the highlighted one's method at work beside.

Consent shows each objection and how it was resolved, fist of five its rounds
of fingers (newest first), dot voting its dots against the room's budget.
"""

from __future__ import annotations

from typing import Any

from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.message import Message
from textual.widgets import OptionList, Static

from workshop_tui.boards.board import Board, PanelDetail
from workshop_tui.domain.kinds import DecisionMethod
from workshop_tui.domain.read_models.audience import Audience, Wording
from workshop_tui.domain.read_models.decisions import (
    DecisionsView,
    DotTally,
    Question,
    QuestionView,
    Round,
)
from workshop_tui.domain.rules.decision_flow import AGREED, DECIDED, NOT_AGREED
from workshop_tui.domain.rules.decisions import FINGERS
from workshop_tui.widgets.marked_list import MarkedList
from workshop_tui.widgets.plain_text import plain

BARS = " ▁▂▃▄▅▆▇█"
DOT_BAR_WIDTH = 12
STATUS_STYLE = {AGREED: "$success", NOT_AGREED: "$error", DECIDED: "$accent"}
KEYS = {
    DecisionMethod.CONSENT: Wording("o objection · r resolve · enter consent · w outcome", ""),
    DecisionMethod.FIST_OF_FIVE: Wording("v round of fingers · enter or w outcome", ""),
    DecisionMethod.DOT_VOTING: Wording("v dots per option · enter decide · w outcome", ""),
}
"""The keys that move a question on, under its method at work (the console's only)."""
OTHER_KEYS = Wording("enter or w write the decision", "")
ADD_KEY = Wording("  ·  a: add a question", "")
NO_QUESTIONS = Wording("Press a to raise a question for the room to decide.", "")
NO_ROUNDS = Wording("No rounds yet: press v after the show of fingers.", "No rounds yet.")


class DecisionsBoard(Board):
    """Questions with their status; the highlighted one's objections, rounds or dots."""

    DEFAULT_CSS = """
    DecisionsBoard {
        #decisions-body { height: 1fr; }
        #decisions-list { min-width: 22; }
        #decision-question { text-style: bold; color: $accent; }
        #decision-work { margin-top: 1; }
    }
    """

    class Highlighted(Message):
        """Another question is highlighted (the keys on offer may change)."""

    def __init__(self, view: DecisionsView, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._view = view

    @property
    def selected(self) -> QuestionView | None:
        """The highlighted question."""
        return self._view.find(self.query_one("#decisions-list", MarkedList).selected_id)

    def compose(self) -> ComposeResult:
        yield Static(id="decisions-summary", classes="panel-summary")
        with Horizontal(id="decisions-body"):
            yield MarkedList(id="decisions-list", classes="panel-list")
            with PanelDetail(id="decision-detail"):
                yield Static(id="decision-question")
                yield Static(id="decision-work")

    def on_mount(self) -> None:
        self.show(self._view)

    def show(self, view: DecisionsView, select: str | None = None) -> None:
        """Draw the list and the highlighted question; highlight ``select`` if given."""
        self._view = view
        self.query_one("#decisions-summary", Static).update(
            Content(f"{view.settled} of {len(view.questions)} questions decided")
            + ADD_KEY.to(view.audience)
        )
        rows = [(q.row_id, _row(q.question)) for q in view.questions]
        self.query_one("#decisions-list", MarkedList).show(rows, select=select)
        self._show_detail()

    def _show_detail(self) -> None:
        question = self.selected
        title = self.query_one("#decision-question", Static)
        work = self.query_one("#decision-work", Static)
        self.post_message(self.Highlighted())
        if question is None:
            title.update(Content("No questions yet"))
            work.update(Content(NO_QUESTIONS.to(self._view.audience)))
            return
        title.update(plain(question.question.question))
        work.update(work_area(question, self._view.audience))
        self.query_one("#decision-detail", VerticalScroll).scroll_home(animate=False)

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()
        self._show_detail()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()  # a click only selects; enter decides


def _row(question: Question) -> Content:
    style = STATUS_STYLE.get(question.status, "$text-muted")
    return Content.assemble(
        plain(question.question),
        "\n",
        (question.status, style),
        " · ",
        (question.method.label, "$text-muted"),
    )


def work_area(view: QuestionView, audience: Audience = Audience.CONSOLE) -> Content:
    """The question's method at work, its outcome, and (for the console) the keys that move
    it on."""
    question = view.question
    status_style = STATUS_STYLE.get(question.status, "$text-muted")
    lines: list[Content] = [
        Content.assemble((question.method.label, "bold"), " · ", (question.status, status_style))
    ]
    if question.method is DecisionMethod.CONSENT:
        lines += _consent_lines(view)
    elif question.method is DecisionMethod.FIST_OF_FIVE:
        lines += _fist_lines(view.rounds, audience)
    elif view.dots is not None:
        lines += _dot_lines(view.dots)
    decision = question.decision
    if decision is not None and decision.outcome:
        lines += [Content(""), Content.assemble(("Outcome: ", "bold"), plain(decision.outcome))]
    keys = KEYS.get(question.method, OTHER_KEYS).to(audience)
    if keys:
        lines += [Content(""), Content(keys).stylize("$text-muted")]
    return Content("\n").join(lines)


def _consent_lines(view: QuestionView) -> list[Content]:
    objections = view.question.objections
    if not objections:
        return [Content("No objections raised.").stylize("$text-muted")]
    open_count = view.open_objections
    heading = (
        "Every objection resolved"
        if not open_count
        else f"{open_count} of {len(objections)} objections unresolved"
    )
    lines = [Content(heading).stylize("$success" if not open_count else "$warning")]
    for number, objection in enumerate(objections, start=1):
        if objection.resolution:
            lines.append(Content.assemble(("✔ ", "$success"), plain(f"{number}. {objection.text}")))
            lines.append(Content.assemble("    → ", plain(objection.resolution, "italic")))
        else:
            lines.append(Content.assemble(("✖ ", "$error"), plain(f"{number}. {objection.text}")))
            lines.append(Content("    unresolved").stylize("$text-muted italic"))
    return lines


def _fist_lines(rounds: tuple[Round, ...], audience: Audience) -> list[Content]:
    if not rounds:
        return [Content(NO_ROUNDS.to(audience)).stylize("$text-muted")]
    lines: list[Content] = []
    for shown in rounds:  # newest first, so it is in view
        counts = shown.counts
        top = max(counts.get(finger, 0) for finger in FINGERS) or 1
        title = f"Round {shown.number}"
        label = max(len(title), len("people"))  # each cell brings its own space
        cell = 1 + max(len(str(counts.get(finger, 0))) for finger in FINGERS)
        fingers, bars, numbers = [], [], []  # as narrow as its content: a row never wraps
        for finger in FINGERS:
            count = counts.get(finger, 0)
            low = finger in ("0", "1", "2")
            bar = BARS[max(1, round(count / top * 8))] if count else "·"
            fingers.append(f"{finger:>{cell}}")
            bars.append((f"{bar:>{cell}}", "$warning" if low else "$success"))
            numbers.append(f"{count:>{cell}}")
        lines.append(Content.assemble((f"{title:<{label}}", "bold"), *fingers))
        lines.append(Content.assemble(" " * label, *bars))
        lines.append(Content.assemble((f"{'people':<{label}}", "$text-muted"), *numbers))
        verdict = (shown.verdict, "$success" if shown.agreed else "$warning")
        lines.append(Content.assemble("→ ", verdict))
        if shown.number > 1:
            lines.append(Content(""))
    return lines


def _dot_lines(dots: DotTally) -> list[Content]:
    people, per_person = dots.people, dots.per_person
    if not people:
        lines = [Content(f"{dots.spent} dots spent (no participants listed, so no budget)")]
    elif dots.spent > dots.budget:
        lines = [
            Content(
                f"⚠ {dots.spent} dots spent, only {dots.budget} to give "
                f"({people} people × {per_person})"
            ).stylize("bold $warning")
        ]
    else:
        lines = [
            Content(f"{dots.spent} of {dots.budget} dots spent ({people} people × {per_person})")
        ]
    top = max((count for _, count in dots.ranking), default=0) or 1
    for option, count in dots.ranking:
        bar = "█" * round(count / top * DOT_BAR_WIDTH) if count else "·"
        lines.append(
            Content.assemble(
                (f"{bar:<{DOT_BAR_WIDTH}}", "$accent"), f" {count:>2}  ", plain(option, "bold")
            )
        )
    return lines
