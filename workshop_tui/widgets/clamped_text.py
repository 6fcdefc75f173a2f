"""Text that wraps at word boundaries and ends in "…" when it needs more lines than it may use."""

from __future__ import annotations

import textwrap
from functools import lru_cache

from textual.content import Content
from textual.geometry import Size
from textual.reactive import reactive
from textual.widget import Widget

from workshop_tui.widgets.plain_text import visible

ELLIPSIS = "…"
PLACEHOLDER = " " + ELLIPSIS


def clamp(text: str, width: int, max_lines: int, *, lead: str = "", indent: str = "") -> list[str]:
    """``text`` wrapped to ``width`` in at most ``max_lines`` lines.

    The first line starts with ``lead``, the others with ``indent`` (runs of
    spaces in ``text`` itself count as one). When the text does not fit,
    the last line ends in "…" after a whole word (a word wider than a line is
    the only thing ever cut).
    """
    return list(_clamped(text, width, max_lines, lead, indent))


@lru_cache(maxsize=2048)
def _clamped(text: str, width: int, max_lines: int, lead: str, indent: str) -> tuple[str, ...]:
    """``clamp``, remembered: a board lays out the same items at the same width many times
    (every resize as a part comes on show, every selection moved, every redraw)."""
    words = " ".join(text.split())
    if width <= 0 or max_lines <= 0 or not words:
        return ()
    first = lead if len(lead) < width else ""
    if max_lines == 1 and _plain_words(words, width - len(first)):
        return (_one_line(first, words, width),)
    return _wrapped(words, width, max_lines, first, indent if len(indent) < width else "")


def _wrapped(words: str, width: int, max_lines: int, first: str, indent: str) -> tuple[str, ...]:
    """The general way: textwrap's lines, the last one kept shortened after a word."""
    wrapper = textwrap.TextWrapper(width=width, initial_indent=first, subsequent_indent=indent)
    lines = wrapper.wrap(words)
    if len(lines) <= max_lines:
        return tuple(lines)
    kept = lines[: max_lines - 1]
    last_line = lines[max_lines - 1]
    start = last_line[: len(last_line) - len(last_line.lstrip())]
    rest = " ".join(line.strip() for line in lines[max_lines - 1 :])
    room = width - len(start)
    last = textwrap.shorten(rest, width=max(1, room), placeholder=PLACEHOLDER)
    if last.strip() == ELLIPSIS or len(last) > room:  # not even one word fits
        last = rest[: max(0, room - 1)] + ELLIPSIS
    return (*kept, start + last)


def _plain_words(words: str, room: int) -> bool:
    """Whether the wrapper would break ``words`` at spaces only: no hyphens, and no word
    wider than ``room``."""
    return "-" not in words and max(map(len, words.split(" "))) <= room


def _one_line(lead: str, words: str, width: int) -> str:
    """What the wrapping below makes of ``lead`` and plain ``words`` in one line, without
    it (a crowded board cuts every item to one line; wrapping it first took twice as long)."""
    line = lead + words
    if len(line) <= width:
        return line
    start = line[: len(line) - len(line.lstrip())]
    rest = " ".join(line.split())
    room = width - len(start)
    end = rest.rfind(" ", 0, max(0, room - len(PLACEHOLDER) + 1))
    if end <= 0:  # not even one word fits
        return start + rest[: max(0, room - 1)] + ELLIPSIS
    return start + rest[:end] + PLACEHOLDER


class ClampedText(Widget):
    """Plain text in at most ``max_lines`` wrapped lines, cut with "…".

    Never markup; control characters show as pictures."""

    DEFAULT_CSS = """
    ClampedText {
        width: 1fr;
        height: auto;
    }
    """

    text: reactive[str] = reactive("", layout=True)
    max_lines: reactive[int] = reactive(2, layout=True)

    def __init__(
        self,
        text: str = "",
        *,
        max_lines: int = 2,
        lead: str = "",
        indent: str = "",
        **kwargs: object,
    ) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.set_reactive(ClampedText.text, text)
        self.set_reactive(ClampedText.max_lines, max_lines)
        self.lead = lead
        self.indent = indent

    def lines(self, width: int) -> list[str]:
        """The lines shown at ``width``."""
        return clamp(visible(self.text), width, self.max_lines, lead=self.lead, indent=self.indent)

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return max(1, len(self.lines(width))) if self.text.strip() else 0

    def render(self) -> Content:
        return Content("\n".join(self.lines(self.content_size.width)))
