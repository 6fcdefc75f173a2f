"""Markdown tables too wide for the preview, shown as lists of their rows, nothing cut.

Rich fits a table into its width by cutting cells that cannot wrap ("Pa…",
"Pl…"): the notes' agenda has nine columns, more than a preview at 100x30 can
show. Such a table is shown here as one list item per row, each cell after its
column's header, which wraps like any text. The exported file keeps the table.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence

from rich.console import Console
from rich.markdown import Markdown

CELL_BORDER = re.compile(r"(?<!\\)\|")
RULE_CELL = re.compile(r":?-+:?")
ELLIPSIS = "…"
NUMBER_HEADER = "#"
"""A column of row numbers: its cell leads the item ("3 · Part …"), without a header."""


def fitted(source: str, fits: Callable[[str], bool]) -> str:
    """``source`` with each table that ``fits`` refuses made a list of its rows."""
    out: list[str] = []
    for is_table, lines in _blocks(source.split("\n")):
        block = "\n".join(lines)
        out.append(block if not is_table or fits(block) else _as_list(lines))
    return "\n".join(out)


def table_fits(block: str, console: Console, width: int) -> bool:
    """Whether Rich draws the table ``block`` within ``width`` cells without cutting a
    cell (it marks a cut with an ellipsis)."""
    options = console.options.update(width=width)
    drawn = console.render_lines(Markdown(block, hyperlinks=False), options, pad=False)
    ellipses = sum(segment.text.count(ELLIPSIS) for row in drawn for segment in row)
    return ellipses <= block.count(ELLIPSIS)


def _blocks(lines: Sequence[str]) -> Iterator[tuple[bool, list[str]]]:
    """Runs of lines, each a table (lines starting with "|") or not."""
    run: list[str] = []
    in_table = False
    for line in lines:
        is_row = line.startswith("|")
        if run and is_row != in_table:
            yield in_table, run
            run = []
        in_table = is_row
        run.append(line)
    if run:
        yield in_table, run


def cells(line: str) -> list[str]:
    """The cells of one table row, still in Markdown (escaped pipes kept)."""
    inner = line.strip().removeprefix("|")
    if inner.endswith("|") and not inner.endswith("\\|"):
        inner = inner[:-1]
    return [cell.strip() for cell in CELL_BORDER.split(inner)]


def _as_list(lines: Sequence[str]) -> str:
    rows = [cells(line) for line in lines]
    if len(rows) < 2 or not all(RULE_CELL.fullmatch(cell) for cell in rows[1]):
        return "\n".join(lines)  # not a table Rich would draw: left as it is
    headers, body = rows[0], rows[2:]
    return "\n".join(_item(headers, row) for row in body)


def _item(headers: Sequence[str], row: Sequence[str]) -> str:
    lead = ""
    parts: list[str] = []
    for header, cell in zip(headers, row, strict=False):
        if not cell:
            continue
        if header == NUMBER_HEADER:
            lead = f"{cell} · "
        else:
            parts.append(f"**{header}:** {cell}" if header else cell)
    return f"- {lead}{' · '.join(parts)}"
