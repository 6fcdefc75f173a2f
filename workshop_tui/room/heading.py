"""The top of the projector while a board is shown: the part and the prompt in play, a compact
countdown beside them, and the agenda as one line under them."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from rich.cells import cell_len
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Static

from workshop_tui.boards.countdown import BigCountdown
from workshop_tui.boards.timer import status_lines
from workshop_tui.domain.read_models.brief import PartBrief
from workshop_tui.domain.read_models.timing import AgendaLine, TimerView
from workshop_tui.widgets.plain_text import plain

MARKS = {"done": "✓", "skipped": "↷", "current": "▶", "upcoming": "·"}


class RoomHeading(Horizontal):
    """The part's name, where it sits and the prompt in play; the countdown, compact."""

    DEFAULT_CSS = """
    RoomHeading { height: auto; }
    RoomHeading #heading-text { width: 1fr; height: auto; padding: 0 1; }
    RoomHeading #heading-part { text-style: bold; color: $accent; }
    RoomHeading #heading-meta { color: $text-muted; }
    RoomHeading #heading-prompt { text-style: bold; }
    RoomHeading #heading-goal { color: $text-muted; text-style: italic; }
    RoomHeading .-empty { display: none; }
    RoomHeading #heading-clock { width: 30; height: 5; }
    RoomHeading #heading-digits { height: 4; }
    RoomHeading #heading-status { height: 1; text-align: center; color: $text-muted; }
    """

    def compose(self) -> ComposeResult:
        with Vertical(id="heading-text"):
            for name in ("heading-part", "heading-meta", "heading-prompt", "heading-goal"):
                yield Static(id=name)
        with Vertical(id="heading-clock"):
            yield BigCountdown(id="heading-digits", show_label=False)
            yield Static(id="heading-status")

    def show(self, brief: PartBrief, where: str, prompt: int | None) -> None:
        """The part of ``brief``, ``where`` it belongs (workshop, customer), the prompt in play
        (its index; with none chosen, the part's goal)."""
        meta = f"Part {brief.number} of {brief.total} · {where}"
        in_play = (
            brief.prompts[prompt] if prompt is not None and prompt < len(brief.prompts) else ""
        )
        for name, text in (
            ("heading-part", brief.name),
            ("heading-meta", meta),
            ("heading-prompt", f"❝ {in_play} ❞" if in_play else ""),
            ("heading-goal", "" if in_play else brief.goal),
        ):
            widget = self.query_one(f"#{name}", Static)
            widget.update(plain(text))
            widget.set_class(not text, "-empty")  # a class, so a short screen can hide more

    def tick(self, view: TimerView) -> None:
        """The countdown and one status line: running or paused, the workshop's time left."""
        part, workshop, _plan = status_lines(view)
        for digits in self.query(BigCountdown):  # none while the screen is taken down
            digits.seconds = view.remaining
            digits.paused = not view.running
        for status in self.query("#heading-status").results(Static):
            status.update(plain(f"{part[-1]} · {workshop}"))


class AgendaStrip(Static):
    """The agenda on one line: every part by name, or, where that does not fit, the current
    part by name and the others by number."""

    DEFAULT_CSS = """
    AgendaStrip { height: auto; padding: 0 1; color: $text-muted; }
    """

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._rows: tuple[tuple[str, str], ...] = ()
        """(status, name) of each part, as drawn."""

    def show(self, agenda: Sequence[AgendaLine]) -> None:
        rows = tuple((row.status, row.name) for row in agenda)
        if rows != self._rows:
            self._rows = rows
            self._draw()

    def on_resize(self) -> None:
        self._draw()

    def _draw(self) -> None:
        rows = self._rows
        full = "   ".join(f"{MARKS[status]} {name}" for status, name in rows)
        width = self.content_size.width or 80
        if cell_len(full) > width:
            full = "  ".join(
                f"{MARKS[status]} {n}. {name}" if status == "current" else f"{MARKS[status]}{n}"
                for n, (status, name) in enumerate(rows, 1)
            )
        self.update(plain(full))
