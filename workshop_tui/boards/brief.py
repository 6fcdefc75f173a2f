"""The part's brief at the top of the stage: name, where it sits, goal, prompts and steps."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Static

from workshop_tui.content.durations import format_duration
from workshop_tui.domain.read_models.brief import PartBrief
from workshop_tui.widgets.plain_text import plain


class BriefBoard(VerticalScroll):
    """What the room reads about the part it is on; parts it does not have stay hidden."""

    def compose(self) -> ComposeResult:
        for name in ("part-title", "part-meta", "part-goal", "room-prompt", "steps"):
            yield Static(id=name)

    def show(self, brief: PartBrief, prompt_in_play: int | None = None) -> None:
        """Draw ``brief``; the prompt in play (its index), if any, is marked ▶."""
        meta = (
            f"Part {brief.number} of {brief.total} · {brief.kind.label}"
            f" · {format_duration(brief.duration_seconds)}"
        )
        prompts = "\n".join(
            f"{'▶ ' if n == prompt_in_play else ''}❝ {prompt} ❞"
            for n, prompt in enumerate(brief.prompts)
        )
        steps = "\n".join(f"{n}. {step}" for n, step in enumerate(brief.steps, 1))
        for name, text in (
            ("part-title", brief.name),
            ("part-meta", meta),
            ("part-goal", brief.goal),
            ("room-prompt", prompts),
            ("steps", steps),
        ):
            widget = self.query_one(f"#{name}", Static)
            widget.update(plain(text))
            widget.display = bool(text)
