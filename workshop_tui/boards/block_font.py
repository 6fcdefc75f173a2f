"""Pixel fonts for a clock, drawn with block characters at any scale.

Two bitmap fonts (5x7 and 3x5 pixels) cover ``0-9 : - +`` and space. A
:class:`BlockFont` is a bitmap font at a scale: ``sx`` terminal columns and
``sy`` half-rows per pixel. Pixels are painted on a half-row grid with
"█", "▀" and "▄", so any scale stays crisp. :data:`FONTS` lists every useful
scale, tallest first; :func:`choose_font` picks the largest that fits a box.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

CHARACTERS = "0123456789:-+ "
"""Every character the fonts can draw."""

_PIXELS_5X7: dict[str, tuple[str, ...]] = {
    "0": (".###.", "#...#", "#...#", "#...#", "#...#", "#...#", ".###."),
    "1": ("..#..", ".##..", "..#..", "..#..", "..#..", "..#..", ".###."),
    "2": (".###.", "#...#", "....#", "...#.", "..#..", ".#...", "#####"),
    "3": (".###.", "#...#", "....#", "..##.", "....#", "#...#", ".###."),
    "4": ("...#.", "..##.", ".#.#.", "#..#.", "#####", "...#.", "...#."),
    "5": ("#####", "#....", "####.", "....#", "....#", "#...#", ".###."),
    "6": ("..##.", ".#...", "#....", "####.", "#...#", "#...#", ".###."),
    "7": ("#####", "....#", "...#.", "..#..", ".#...", ".#...", ".#..."),
    "8": (".###.", "#...#", "#...#", ".###.", "#...#", "#...#", ".###."),
    "9": (".###.", "#...#", "#...#", ".####", "....#", "...#.", ".##.."),
    ":": ("..", "##", "##", "..", "##", "##", ".."),
    "-": ("....", "....", "....", "####", "....", "....", "...."),
    "+": (".....", "..#..", "..#..", "#####", "..#..", "..#..", "....."),
    " ": ("...",) * 7,
}

_PIXELS_3X5: dict[str, tuple[str, ...]] = {
    "0": ("###", "#.#", "#.#", "#.#", "###"),
    "1": (".#.", "##.", ".#.", ".#.", "###"),
    "2": ("###", "..#", "###", "#..", "###"),
    "3": ("###", "..#", ".##", "..#", "###"),
    "4": ("#.#", "#.#", "###", "..#", "..#"),
    "5": ("###", "#..", "###", "..#", "###"),
    "6": ("###", "#..", "###", "#.#", "###"),
    "7": ("###", "..#", "..#", "..#", "..#"),
    "8": ("###", "#.#", "###", "#.#", "###"),
    "9": ("###", "#.#", "###", "..#", "###"),
    ":": (".", "#", ".", "#", "."),
    "-": ("...", "...", "###", "...", "..."),
    "+": ("...", ".#.", "###", ".#.", "..."),
    " ": ("..",) * 5,
}

_BITMAPS: dict[str, dict[str, tuple[str, ...]]] = {"5x7": _PIXELS_5X7, "3x5": _PIXELS_3X5}

# (upper half lit, lower half lit) -> character
_HALF_BLOCKS = {(False, False): " ", (True, False): "▀", (False, True): "▄", (True, True): "█"}


@dataclass(frozen=True)
class BlockFont:
    """A bitmap font drawn ``sx`` columns wide and ``sy`` half-rows tall per pixel."""

    bitmap: str
    sx: int
    sy: int

    @property
    def name(self) -> str:
        """A readable name such as "5x7@2x3"."""
        return f"{self.bitmap}@{self.sx}x{self.sy}"

    @property
    def height(self) -> int:
        """Rows of terminal cells a line of this font takes."""
        pixel_rows = len(_BITMAPS[self.bitmap]["0"])
        return -(-pixel_rows * self.sy // 2)

    def width(self, text: str) -> int:
        """Columns of terminal cells ``text`` takes, one blank pixel between glyphs."""
        glyphs = _BITMAPS[self.bitmap]
        pixels = sum(len(glyphs[char][0]) for char in text) + max(len(text) - 1, 0)
        return pixels * self.sx


def _ladder() -> tuple[BlockFont, ...]:
    """Every scale worth offering: pixels from square to twice as tall as wide."""
    fonts = [BlockFont("3x5", 1, 1)]
    for sx in range(1, 9):
        # A cell is about twice as tall as it is wide, so a half-row is about square.
        fonts.extend(BlockFont("5x7", sx, sy) for sy in range(sx, 2 * sx + 1))
    # Tallest first; for the same height, the wider (bolder) scale first.
    return tuple(sorted(fonts, key=lambda font: (font.height, font.sx), reverse=True))


FONTS: tuple[BlockFont, ...] = _ladder()
"""Every font, tallest first."""


def unknown_characters(text: str) -> set[str]:
    """The characters in ``text`` that no font can draw."""
    return set(text) - set(CHARACTERS)


@lru_cache(maxsize=512)
def choose_font(text: str, width: int, height: int) -> BlockFont | None:
    """The tallest font that draws ``text`` within ``width`` x ``height``, or None."""
    if unknown_characters(text):
        return None
    for font in FONTS:
        if font.height <= height and font.width(text) <= width:
            return font
    return None


@lru_cache(maxsize=512)
def render_text(text: str, font: BlockFont) -> tuple[str, ...]:
    """Draw ``text`` in ``font``: ``font.height`` rows of ``font.width(text)`` cells."""
    glyphs = _BITMAPS[font.bitmap]
    pixel_rows = len(glyphs["0"])
    rows: list[str] = []
    for y in range(pixel_rows):
        row = ".".join(glyphs[char][y] for char in text)
        rows.append("".join(pixel * font.sx for pixel in row))
    half_rows = [row for row in rows for _ in range(font.sy)]
    if len(half_rows) % 2:
        half_rows.append("." * len(half_rows[0]))
    pairs = zip(half_rows[::2], half_rows[1::2], strict=True)
    return tuple(_cells(top, bottom) for top, bottom in pairs)


def _cells(top: str, bottom: str) -> str:
    """One terminal row from two half-rows of pixels."""
    return "".join(_HALF_BLOCKS[a == "#", b == "#"] for a, b in zip(top, bottom, strict=True))
