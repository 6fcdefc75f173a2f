"""Decisions on the projector: the question in play, its options and its vote as bars."""

from __future__ import annotations

from datetime import datetime

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Static

from workshop_tui.boards.decisions import work_area
from workshop_tui.boards.projector.stage import Stage
from workshop_tui.domain.read_models.decisions import DecisionsView, QuestionView
from workshop_tui.domain.read_models.in_play import question_key
from workshop_tui.widgets.plain_text import plain

NO_QUESTIONS = "No question to decide yet."


class DecisionsStage(Stage):
    """The other questions on a line; the question in play large, its method at work."""

    DEFAULT_CSS = """
    DecisionsStage #decision-questions { height: auto; padding: 0 1; color: $text-muted; }
    DecisionsStage #decision-questions.-alone { display: none; }
    DecisionsStage #decision-page {
        height: 1fr; border: round $text-muted 50%; padding: 0 1; scrollbar-size-vertical: 0;
    }
    DecisionsStage #decision-question { text-style: bold; color: $accent; padding-bottom: 1; }
    DecisionsStage #decision-options { padding-bottom: 1; }
    """

    view: DecisionsView

    def compose(self) -> ComposeResult:
        yield Static(id="decision-questions")
        with VerticalScroll(id="decision-page", can_focus=False):
            yield Static(id="decision-question")
            yield Static(id="decision-options")
            yield Static(id="decision-work")

    def draw(self) -> None:
        self.draw_in_play()

    def draw_in_play(self) -> None:
        questions = self.view.questions
        shown = self.question()
        full = "   ".join(
            f"{_mark(q, shown)} {n}. {q.question.question}" for n, q in enumerate(questions, 1)
        )
        short = "Questions  " + "  ".join(
            f"{_mark(q, shown)}{n}" for n, q in enumerate(questions, 1)
        )
        line = self.one_line(full, short) if questions else NO_QUESTIONS
        self.query_one("#decision-questions", Static).update(plain(line))
        self.query_one("#decision-questions").set_class(len(questions) == 1, "-alone")
        page = self.query_one("#decision-page")
        page.display = shown is not None
        if shown is None:
            return
        question = shown.question
        self.query_one("#decision-question", Static).update(plain(question.question))
        voted = shown.dots is not None and any(count for _, count in shown.dots.ranking)
        options = "\n".join(f"• {option}" for option in question.options)
        widget = self.query_one("#decision-options", Static)
        widget.update(plain(options))
        widget.display = bool(question.options) and not voted  # the bars name them once voted
        self.query_one("#decision-work", Static).update(work_area(shown, self.view.audience))

    def question(self) -> QuestionView | None:
        """The question in play: the one selected on the console; with none selected, the
        one the room last recorded something on, else the first."""
        questions = self.view.questions
        chosen = next((q for q in questions if question_key(q) == self.in_play), None)
        if chosen is None:
            recorded = [q for q in questions if q.question.decision is not None]
            latest = max(recorded, key=_recorded_at, default=None)
            chosen = latest or (questions[0] if questions else None)
        return chosen


def _mark(question: QuestionView, shown: QuestionView | None) -> str:
    if question is shown:
        return "▶"
    return "✓" if question.question.decision else "○"


def _recorded_at(question: QuestionView) -> datetime:
    decision = question.question.decision
    assert decision is not None
    return decision.at
