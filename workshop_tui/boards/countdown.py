"""A countdown the back row can read: block digits scaled to the space they get."""

from __future__ import annotations

from typing import Literal

from rich.style import Style
from textual.geometry import Region, Size
from textual.reactive import reactive, var
from textual.strip import Strip
from textual.widget import Widget

from workshop_tui.boards.block_font import BlockFont, choose_font, render_text
from workshop_tui.boards.status_lines import centred_strip
from workshop_tui.content.durations import format_clock

Phase = Literal["normal", "ending", "over", "paused"]

PHASE_CLASSES: dict[str, str] = {"ending": "-ending", "over": "-over", "paused": "-paused"}
"""The CSS class each phase puts on the widget ("normal" has none)."""

LABELS: dict[str, str] = {
    "normal": "remaining",
    "ending": "remaining",
    "over": "over time",
    "paused": "paused",
}

_LABEL_ROWS = 2  # a blank row, then the label


class BigCountdown(Widget):
    """Remaining time in block digits, as large as the widget's size allows.

    Set ``seconds`` (negative when over time) and ``paused``; the widget picks
    its phase, puts the matching CSS class on itself and redraws only when the
    text on screen changes.
    """

    COMPONENT_CLASSES = {"countdown--label"}

    DEFAULT_CSS = """
    BigCountdown {
        width: 1fr;
        height: 1fr;
        min-height: 1;
        color: $foreground;
        text-style: bold;
    }
    BigCountdown.-ending {
        color: $warning;
    }
    BigCountdown.-over {
        color: $error;
    }
    BigCountdown.-paused {
        color: $text-muted;
    }
    BigCountdown > .countdown--label {
        color: $text-muted;
        text-style: not bold;
    }
    """

    seconds: reactive[float] = reactive(0.0, repaint=False)
    """Seconds remaining; negative when over time."""
    paused: reactive[bool] = reactive(False, repaint=False)
    """Whether the clock is stopped."""
    ending_after: reactive[float] = reactive(120.0, repaint=False)
    """The phase turns "ending" when this many seconds or fewer remain."""
    show_label: reactive[bool] = reactive(True, layout=True)
    """Whether to print the small label under the digits when there is room."""
    phase: var[Phase] = var("normal")
    """"normal", "ending", "over" or "paused"; read-only from outside."""
    label: var[str] = var("remaining")
    """The small word under the digits; follows the phase."""

    def __init__(
        self,
        seconds: float = 0.0,
        *,
        paused: bool = False,
        ending_after: float = 120.0,
        show_label: bool = True,
        name: str | None = None,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self._text = format_clock(seconds)
        self._lines_key: tuple[object, ...] | None = None
        self._lines: list[Strip] = []
        self.render_count = 0
        """How many times the lines were laid out again (for tests and benchmarks)."""
        self.set_reactive(BigCountdown.seconds, float(seconds))
        self.set_reactive(BigCountdown.paused, paused)
        self.set_reactive(BigCountdown.ending_after, float(ending_after))
        self.set_reactive(BigCountdown.show_label, show_label)
        self._update_state()

    @property
    def text(self) -> str:
        """The reading on screen, e.g. "12:05" or "-03:20"."""
        return self._text

    @property
    def font(self) -> BlockFont | None:
        """The font that fits the current size; None means plain text."""
        width, height = self.size
        return choose_font(self._text, width, height)

    def _compute_phase_now(self) -> Phase:
        if self.paused:
            return "paused"
        if self._text.startswith("-"):
            return "over"
        if self.seconds <= self.ending_after:
            return "ending"
        return "normal"

    def _update_state(self) -> None:
        """Recompute text and phase; refresh only if what is shown changed."""
        text = format_clock(self.seconds)
        changed = text != self._text
        self._text = text
        self.phase = self._compute_phase_now()
        if changed:
            self._refresh_changed_cells()

    def _refresh_changed_cells(self) -> None:
        """Repaint only the cells that differ from what is on screen (usually one digit).

        A minute more changes one glyph of "44:00"; repainting that glyph's
        columns sends a tenth of the bytes of the whole reading to the terminal.
        """
        if not self.is_mounted or not self._lines or not self.size:
            self.refresh()
            return
        before = [line.text for line in self._lines]
        after = [line.text for line in self._current_lines()]
        changed = _changed_cells(before, after)
        if changed is None:
            self.refresh()
        elif changed:
            self.refresh(changed)

    def watch_seconds(self) -> None:
        self._update_state()

    def watch_paused(self) -> None:
        self._update_state()

    def watch_ending_after(self) -> None:
        self._update_state()

    def watch_phase(self, old: Phase, new: Phase) -> None:
        if old in PHASE_CLASSES:
            self.remove_class(PHASE_CLASSES[old])
        if new in PHASE_CLASSES:
            self.add_class(PHASE_CLASSES[new])
        self.label = LABELS[new]

    def watch_label(self) -> None:
        self.refresh()

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        """With ``height: auto``, as tall as the largest font that fits."""
        font = choose_font(self._text, width, container.height)
        height = font.height if font else 1
        if self.show_label and container.height - height >= _LABEL_ROWS:
            height += _LABEL_ROWS
        return height

    def render_line(self, y: int) -> Strip:
        """One row of the centred reading (and label)."""
        lines = self._current_lines()
        if 0 <= y < len(lines):
            return lines[y]
        return Strip.blank(self.size.width, self.visual_style.rich_style)

    def _current_lines(self) -> list[Strip]:
        """Every row for the current reading, size and style (laid out again only on change)."""
        width, height = self.size
        style = self.visual_style.rich_style
        label_style = self.get_component_rich_style("countdown--label")
        key = (self._text, self.label, self.show_label, width, height, style, label_style)
        if key != self._lines_key:
            self._lines = self._layout(width, height, style, label_style)
            self._lines_key = key
        return self._lines

    def _layout(self, width: int, height: int, style: Style, label_style: Style) -> list[Strip]:
        """Every row of the widget: glyph rows centred both ways."""
        self.render_count += 1
        font = choose_font(self._text, width, height)
        rows = list(render_text(self._text, font)) if font else [self._text[:width]]
        body = [(row, style) for row in rows]
        if self.show_label and height - len(rows) >= _LABEL_ROWS:
            body += [("", style), (self.label[:width], label_style)]
        top = max((height - len(body)) // 2, 0)
        blank = Strip.blank(width, style)
        lines = [blank] * top
        lines += [centred_strip(text, width, style, text_style) for text, text_style in body]
        lines += [blank] * (height - len(lines))
        return lines[:height]


def _changed_cells(before: list[str], after: list[str]) -> Region | None:
    """The smallest region holding every cell that differs; None when the shapes differ.

    An empty region means nothing changed.
    """
    if len(before) != len(after) or any(
        len(old) != len(new) for old, new in zip(before, after, strict=True)
    ):
        return None
    rows: list[int] = []
    left, right = None, None
    for y, (old, new) in enumerate(zip(before, after, strict=True)):
        if old == new:
            continue
        rows.append(y)
        first = next(x for x, (a, b) in enumerate(zip(old, new, strict=True)) if a != b)
        last = len(old) - next(
            x for x, (a, b) in enumerate(zip(reversed(old), reversed(new), strict=True)) if a != b
        )
        left = first if left is None else min(left, first)
        right = last if right is None else max(right, last)
    if not rows or left is None or right is None:
        return Region(0, 0, 0, 0)
    return Region(left, rows[0], right - left, rows[-1] - rows[0] + 1)
