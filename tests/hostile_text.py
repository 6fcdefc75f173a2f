"""Hostile text for fuzz tests: markup, escapes, control characters, Markdown, long and wide text.

One vocabulary, two ways to draw from it: ``hostile_texts()`` is a hypothesis
strategy, ``HostileText(seed)`` a seeded plain-Python generator for tests that
drive an app through Pilot (where hypothesis's many examples would be slow).
``raw_controls(output)`` finds what must never reach a terminal or a file.
"""

from __future__ import annotations

import random
import re
from collections.abc import Iterator

from hypothesis import strategies as st

MARKUP = (
    "[/]",
    "[bold]b[/bold] [/x]",
    "[@click=app.quit]q[/]",
    "[link=https://example.com]x[/link]",
    "[red",
    "]",
    "[",
    "[[",
    "\\[escaped]",
    "[b]unclosed",
    "[$accent]x[/]",
    "$accent",
    "[on red]x[/on red]",
)
ESCAPES = (
    "\x1b[2J\x1b[H",  # clear the screen, cursor home
    "\x1b]0;pwned\x07",  # OSC 0: retitle the terminal
    "\x1b]8;;https://evil.example\x1b\\link\x1b]8;;\x1b\\",  # OSC 8 hyperlink
    "\x1b[31mred\x1b[0m",
    "\x1bP+q\x1b\\",  # DCS
    "\x9b31m",  # C1 CSI
    "\x07",
    "\r",
    "\x00",
    "\x7f",
    "\x08\x08",
    "\u202etxet\u202c",  # right-to-left override
    "\u2066isolate\u2069",
)
MARKDOWN = (
    "# heading",
    "| a | b |",
    "**bold**",
    "<script>x</script>",
    "`code`",
    "- item",
    "1. one",
)
WIDE = ("漢字かな", "👩‍👩‍👧‍👦", "e\u0301\u0301\u0301", "\u200b", "\ufeff", "ｆｕｌｌ")
PLAIN = ("Ana", "Acme Health", "A dedicated team", "x", " ", "  padded  ", "tab\tbed", "two\nlines")
PIECES: tuple[str, ...] = MARKUP + ESCAPES + MARKDOWN + WIDE + PLAIN

_RAW_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
"""C0 (but tab and newline), DEL and C1: what output must never carry raw."""


def raw_controls(output: str) -> list[str]:
    """The raw control characters in ``output`` (an empty list is what a test wants)."""
    return _RAW_CONTROL.findall(output)


def hostile_texts(max_pieces: int = 6) -> st.SearchStrategy[str]:
    """Texts joined from hostile pieces and arbitrary characters, sometimes very long."""
    piece = st.one_of(st.sampled_from(PIECES), st.text(max_size=8))
    joined = st.lists(piece, min_size=1, max_size=max_pieces).map("".join)
    long = st.tuples(st.sampled_from(PIECES), st.integers(200, 3000)).map(lambda t: t[0] * t[1])
    return st.one_of(joined, joined, joined, long)


class HostileText:
    """A seeded stream of hostile texts: the same seed gives the same texts."""

    def __init__(self, seed: int) -> None:
        self._random = random.Random(seed)

    def one(self, *, long: bool | None = None) -> str:
        """One hostile text; ``long`` forces (or forbids) a very long one."""
        pick = self._random
        if long or (long is None and pick.random() < 0.1):
            return pick.choice(PIECES) * pick.randint(200, 3000)
        pieces = [pick.choice(PIECES) for _ in range(pick.randint(1, 5))]
        if pick.random() < 0.3:
            pieces.append("".join(chr(pick.randint(0, 0x2FF)) for _ in range(pick.randint(1, 6))))
        return "".join(pieces)

    def printable_one(self) -> str:
        """One hostile text that still has something printable in it (a required field)."""
        while True:
            text = self.one(long=False)
            if any(char.isprintable() and not char.isspace() for char in text):
                return text

    def __iter__(self) -> Iterator[str]:
        while True:
            yield self.one()


BIDI_CONTROLS = "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
"""Characters that turn the text around them on a terminal (the "Trojan source" ones)."""


def raw_bidi(output: str) -> list[str]:
    """The bidi controls in ``output``: a terminal listing must show them as escapes."""
    return [char for char in output if char in BIDI_CONTROLS]
