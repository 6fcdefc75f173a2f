"""What is on screen, read from Textual's public SVG screenshot (``App.export_screenshot``).

The SVG holds every cell of the frame the terminal would show: a ``<text>`` per run of
cells in one look (its class names the look's CSS rule), placed by column and clipped to
its row, over ``<rect>`` backgrounds. Reading it back gives a test the screen's text, or
each cell's character, look and background, without Textual's private compositor.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

from rich.cells import cell_len
from textual.app import App

from tests.ui.contrast_audit import CELL_WIDTH, ROW_HEIGHT

_LOOK = re.compile(r"\.(terminal-(?:\d+-)?r\d+) \{ ([^}]*) \}")
_RECT = re.compile(
    r'<rect fill="(#[0-9a-fA-F]{6})" x="([\d.]+)" y="([\d.]+)" width="([\d.]+)" '
    r'height="[\d.]+" shape-rendering="crispEdges"/>'
)
_TEXT = re.compile(
    r'<text class="(terminal-(?:\d+-)?r\d+)" x="([\d.]+)" y="[\d.]+" textLength="[\d.]+" '
    r'clip-path="url\(#terminal-(?:\d+-)?line-(\d+)\)">(.*?)</text>',
    re.S,
)


@dataclass(frozen=True, slots=True)
class Cell:
    """One cell of the screen: its character ("" for the right half of a wide one), the
    look of its text (a CSS rule; "" for a blank, whose text colour is not seen) and its
    background colour."""

    char: str
    look: str
    background: str


def _screenshot(app: App[object]) -> str:
    return app.export_screenshot(simplify=True)  # runs of one look merged: the same cells


def _place(
    svg: str, width: int, height: int, looks: dict[str, str] | None = None
) -> tuple[list[list[str]], list[list[str]]]:
    """Each cell's character and, given ``looks`` (class -> CSS rule), the look of its text."""
    chars = [[" "] * width for _ in range(height)]
    cell_looks = [[""] * width for _ in range(height)]
    for name, x, line, raw in _TEXT.findall(svg):
        row, column = int(line), round(float(x) / CELL_WIDTH)
        look = "" if looks is None else looks.get(name, "")
        for char in html.unescape(raw).replace("\xa0", " "):
            cells = cell_len(char)
            if char == "\n" or column >= width:
                break
            if not cells:  # a zero-width character (a control, a combining mark) goes with
                chars[row][max(0, column - 1)] += char  # the cell before, as a terminal does
                continue
            chars[row][column] = char
            cell_looks[row][column] = "" if char == " " else look
            for extra in range(1, cells):  # a wide character takes the next cell too
                if column + extra < width:
                    chars[row][column + extra] = ""
            column += cells
    return chars, cell_looks


def screen_cells(app: App[object]) -> list[list[Cell]]:
    """Every cell of the frame now on screen, row by row."""
    svg = _screenshot(app)
    width, height = app.size
    backgrounds: dict[tuple[int, int], str] = {}
    for fill, x, y, span in _RECT.findall(svg):
        row = round((float(y) - 1.5) / ROW_HEIGHT)
        first = round(float(x) / CELL_WIDTH)
        for column in range(first, first + round(float(span) / CELL_WIDTH)):
            backgrounds[(row, column)] = fill
    chars, cell_looks = _place(svg, width, height, dict(_LOOK.findall(svg)))
    return [
        [
            Cell(chars[row][column], cell_looks[row][column], backgrounds.get((row, column), ""))
            for column in range(width)
        ]
        for row in range(height)
    ]


def screen_lines(app: App[object]) -> list[str]:
    """Every line of the frame now on screen, as the room reads it."""
    width, height = app.size
    chars, _ = _place(_screenshot(app), width, height)
    return ["".join(row) for row in chars]


def screen_text(app: App[object]) -> str:
    """The frame now on screen, one line of text per row."""
    return "\n".join(screen_lines(app))


def toasts(app: App[object]) -> list[str]:
    """The notifications on screen now, each its title and message as the toast shows them."""
    return [str(toast.render()) for toast in app.screen.query("Toast")]
