"""What the commands print and write: aligned tables, one-line errors, files written whole.

Every cell and message goes through ``printable``: stored, typed and script text never
reaches the terminal as a control sequence.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from pathlib import Path

from workshop_tui.printable import printable

USER_ERROR = 2
"""The exit status of a problem the user can fix."""


def print_table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> None:
    """Columns two spaces apart, every cell printable, no trailing spaces."""
    shown = [[printable(cell) for cell in row] for row in [header, *rows]]
    widths = [max(len(row[i]) for row in shown) for i in range(len(header))]
    for row in shown:
        cells = (cell.ljust(width) for cell, width in zip(row, widths, strict=True))
        print("  ".join(cells).rstrip())


def say(message: str) -> None:
    """One printable line on standard output."""
    print(printable(message))


def error(message: str) -> None:
    """One printable line on standard error, after the command's name."""
    print(f"workshop: {printable(message)}", file=sys.stderr)


def print_problems(problems: Sequence[object]) -> None:
    """A script's problems or warnings on stderr, one printable line each."""
    for problem in problems:
        print(printable(str(problem)), file=sys.stderr)


def write_new(path: Path, text: str, *, replace: bool = False, newline: str = "\n") -> None:
    """Write ``text`` to a new file (``FileExistsError`` if there is one), or with
    ``replace`` put it in place of the old one in one step, so no reader sees half of it."""
    if not replace:
        with path.open("x", encoding="utf-8", newline=newline) as stream:
            stream.write(text)
        return
    partial = path.with_name(f".{path.name}.partial")
    partial.write_text(text, encoding="utf-8", newline=newline)
    os.replace(partial, path)
