"""Escaping of user text for Markdown: whatever a facilitator typed stays plain text.

Every character that could start Markdown syntax where it stands (emphasis,
code, links, HTML, entities, tables, strikethrough) is backslash-escaped, and
so is a list, heading, quote or rule marker at the start of a line; headings
escape every "#". Control characters are dropped, each line is trimmed and
blank lines are removed, so text can never end a block, open a new one or
leave trailing spaces.
"""

from __future__ import annotations

import re

EMPTY = "(empty)"
"""What blank text reads as where something must be written."""

# Markdown characters are escaped wherever they stand, except two that can only
# mean something in some places: "_" not between letters or digits (between
# them it is never emphasis) and "&" that starts an entity.
_ALWAYS = "\\`*[]<>|~"  # the backslash first, so added ones are not escaped again
_ALWAYS_IN_HEADING = f"{_ALWAYS}#"
_CONTEXTUAL = re.compile(r"(?<![^\W_])_|_(?![^\W_])|&(?=#?\w+;)")
_LINE_START = re.compile(r"[-+=#]|(\d{1,9})[.)]")
HARD_BREAK = " \\"
"""Ends a line that the next continues after a line break; the space keeps a
link that ends the line (bare URLs become links on GitHub) from taking the
backslash into its address."""
_CONTROLS = {code: None for code in (*range(0x20), *range(0x7F, 0xA0))} | {0x09: " "}


def lines(text: str) -> list[str]:
    """The non-blank lines of ``text``, trimmed, without control characters."""
    if text.isprintable():
        stripped = text.strip()
        return [stripped] if stripped else []
    found: list[str] = []
    for line in text.splitlines():
        cleaned = line.translate(_CONTROLS).strip()
        if cleaned:
            found.append(cleaned)
    return found


def _escape_line(line: str, always: str = _ALWAYS) -> str:
    escaped = line
    for char in always:  # a few C-speed scans beat a per-character mapping
        if char in escaped:
            escaped = escaped.replace(char, f"\\{char}")
    if "_" in escaped or "&" in escaped:
        escaped = _CONTEXTUAL.sub(r"\\\g<0>", escaped)
    marker = _LINE_START.match(escaped)
    if marker is None:
        return escaped
    cut = marker.end(1) if marker.group(1) is not None else 0
    return f"{escaped[:cut]}\\{escaped[cut:]}"


def inline(text: str) -> str:
    """One line of plain text: line breaks become spaces. May be empty."""
    return " ".join(_escape_line(line) for line in lines(text))


def block(text: str, indent: str = "") -> str:
    """Text keeping its line breaks as hard breaks; later lines start with ``indent``.

    ``indent`` is the width of the list marker the text follows ("  " after "- "),
    so every line stays inside its list item.
    """
    return f"{HARD_BREAK}\n{indent}".join(_escape_line(line) for line in lines(text))


def cell(text: str) -> str:
    """A table cell: one line, line breaks shown as " / ", pipes escaped."""
    return " / ".join(_escape_line(line) for line in lines(text))


def heading(text: str) -> str:
    """Heading text: one line, never empty, every "#" escaped (none can close the heading)."""
    escaped = " ".join(_escape_line(line, _ALWAYS_IN_HEADING) for line in lines(text))
    return escaped or EMPTY


def strong(text: str) -> str:
    """Bold text on one line; blank text reads as ``EMPTY`` (never a bare ``****``)."""
    return f"**{inline(text) or EMPTY}**"
