"""Read a Textual SVG screenshot cell by cell and measure each text's contrast (WCAG 2.x).

Textual's SVG export draws each run of cells twice: a ``<rect fill=...>`` for
the background and a ``<text class="terminal-rN">`` whose class names its
colour (``terminal-ID-rN`` outside snapshot tests). Pairing each text run with
the backgrounds under it gives the colour pairs the room actually sees,
whatever theme or CSS produced them.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

CELL_WIDTH = 12.2
ROW_HEIGHT = 24.4
_CLASS = re.compile(r"\.(terminal-(?:\d+-)?r\d+) \{ fill: (#[0-9a-fA-F]{6})")
_RECT = re.compile(
    r'<rect fill="(#[0-9a-fA-F]{6})" x="([\d.]+)" y="([\d.]+)" width="([\d.]+)" height="([\d.]+)"'
)
_TEXT = re.compile(
    r'<text class="(terminal-(?:\d+-)?r\d+)" x="([\d.]+)" y="([\d.]+)" textLength="([\d.]+)"'
    r"[^>]*>(.*?)</text>"
)
DRAWING = re.compile(r"[\u2500-\u259f\u25a0-\u25ff\u2800-\u28ff\s]")
"""Box drawing, block elements and geometric shapes: borders, bars and glyphs, not words."""


@dataclass(frozen=True, slots=True)
class Run:
    """Text drawn in one colour over a stretch of one row."""

    row: int
    column: int
    text: str
    foreground: str
    background: str

    @property
    def ratio(self) -> float:
        return contrast(self.foreground, self.background)

    @property
    def words(self) -> str:
        """The run without borders, bars, block glyphs or spaces."""
        return DRAWING.sub("", self.text)


def luminance(colour: str) -> float:
    """WCAG relative luminance of ``#rrggbb``."""
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(first: str, second: str) -> float:
    """The WCAG contrast ratio of two colours, 1 to 21."""
    light, dark = sorted((luminance(first), luminance(second)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def runs(svg: str) -> list[Run]:
    """Every text run of the screenshot, split where the background under it changes."""
    colours = dict(_CLASS.findall(svg))
    backgrounds: dict[tuple[int, int], str] = {}
    for fill, x, y, width, _height in _RECT.findall(svg):
        row = round((float(y) - 1.5) / ROW_HEIGHT)
        first = round(float(x) / CELL_WIDTH)
        for column in range(first, first + round(float(width) / CELL_WIDTH)):
            backgrounds[(row, column)] = fill
    found: list[Run] = []
    for name, x, y, _length, raw in _TEXT.findall(svg):
        text = html.unescape(raw).replace("\xa0", " ")
        row = round((float(y) - 20) / ROW_HEIGHT)
        first = round(float(x) / CELL_WIDTH)
        foreground = colours.get(name, "#000000")
        start = 0
        for offset in range(1, len(text) + 1):
            here = backgrounds.get((row, first + start), "#000000")
            ends = offset == len(text) or backgrounds.get((row, first + offset)) != here
            if ends:
                found.append(Run(row, first + start, text[start:offset], foreground, here))
                start = offset
    return found


def poor_text(svg: str, minimum: float = 4.5) -> list[Run]:
    """Runs holding words whose contrast is below ``minimum``."""
    return [run for run in runs(svg) if run.words and run.ratio < minimum]
