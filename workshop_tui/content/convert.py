"""Turn a loaded script into the other format, and say what could not be carried over.

What is written is read back at once: if it does not load, or loads as a
different script, each difference is reported, so a conversion never loses
anything without saying so. Comments (YAML's ``#``, Markdown's ``<!-- -->``)
and Markdown's formatting have no place in the other format; they are named
with their lines.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from typing import Any

import yaml

from workshop_tui.content import explain
from workshop_tui.content.loaded import LoadedScript
from workshop_tui.content.loader import parse_script_text
from workshop_tui.content.markdown.format import SUFFIXES as MARKDOWN_SUFFIXES
from workshop_tui.content.markdown.reader import read_markdown
from workshop_tui.content.markdown.writer import script_to_markdown
from workshop_tui.content.problems import Problem, ScriptInvalid, Severity
from workshop_tui.content.yaml.writer import script_to_yaml

MARKDOWN = "Markdown"
YAML = "YAML"
_SHOWN = 5  # differences listed one by one before "and N more"
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


@dataclass(frozen=True, slots=True)
class Conversion:
    """The script in its new format, and a warning for everything not carried over."""

    text: str
    format: str
    """``MARKDOWN`` or ``YAML``."""
    notes: list[Problem]


def format_of(name: str) -> str:
    """The format a file name holds: Markdown for ``.md`` and ``.markdown``, else YAML."""
    return MARKDOWN if name.lower().endswith(MARKDOWN_SUFFIXES) else YAML


def convert(loaded: LoadedScript, target: str) -> Conversion:
    """``loaded`` written as ``target`` (``MARKDOWN`` or ``YAML``)."""
    name = str(loaded.path)
    source_format = format_of(name)
    text = (
        script_to_markdown(loaded.script) if target == MARKDOWN else script_to_yaml(loaded.script)
    )
    notes = _comments(name, loaded.source, source_format, target)
    if source_format == MARKDOWN and target == YAML:
        notes += _flattened(name, loaded.source)
    notes += _read_back(name, loaded, text, target)
    return Conversion(text, target, notes)


def _comments(name: str, source: str, source_format: str, target: str) -> list[Problem]:
    if source_format == MARKDOWN:
        lines = read_markdown(source, name)[1].comments
        what = "HTML comment"
    else:
        lines = yaml_comment_lines(source)
        what = "comment"
    if not lines:
        return []
    count = f"{len(lines)} {what}{'s' * (len(lines) != 1)}"
    verb = "is" if len(lines) == 1 else "are"
    message = f"{count} on {_lines(lines)} {verb} not carried over into the {target}"
    return [Problem(name, lines[0], "", message, Severity.WARNING)]


def _flattened(name: str, source: str) -> list[Problem]:

    lines = sorted(set(read_markdown(source, name)[1].flattened))
    if not lines:
        return []
    message = (
        f"bold, italics, links and code on {_lines(lines)} are written as plain text "
        "(a YAML script holds plain text)"
    )
    return [Problem(name, lines[0], "", message, Severity.WARNING)]


def _read_back(name: str, loaded: LoadedScript, text: str, target: str) -> list[Problem]:
    suffix = ".md" if target == MARKDOWN else ".yaml"
    try:
        back = parse_script_text(text, f"converted{suffix}").script
    except ScriptInvalid as invalid:
        return [
            Problem(
                name,
                None,
                problem.field,
                f"the {target} written does not load back: line {problem.line}: {problem.message}",
                Severity.WARNING,
            )
            for problem in invalid.problems
        ]
    before = loaded.script.model_dump()
    paths = differences(before, back.model_dump())
    notes = [
        Problem(name, None, path, _why(path, _at(before, path), target), Severity.WARNING)
        for path in paths[:_SHOWN]
    ]
    if len(paths) > _SHOWN:
        more = f"{len(paths) - _SHOWN} more fields are not the same when read back from {target}"
        notes.append(Problem(name, None, "", more, Severity.WARNING))
    return notes


def _why(path: str, value: Any, target: str) -> str:
    """Why a value does not read back the same, as far as can be told from the value."""
    texts = [value] if isinstance(value, str) else [v for v in value or [] if isinstance(v, str)]
    if "initials_by" in path and any("," in text for text in texts):
        return (
            f'holds a role with a comma, which {target} reads as two roles ("Initialled by: A, B")'
        )
    if any(_CONTROL.search(text) for text in texts):
        return f"holds control characters, which {target} cannot hold (they are left out)"
    if any("\n" in text for text in texts):
        return f"holds a line break where {target} cannot (it is written as a space)"
    return f"does not read back the same from {target} (check it in the file written)"


def _at(data: Any, path: str) -> Any:
    """The value at a dotted path such as ``parts[2].goal``."""
    for piece in re.findall(r"[^.\[\]]+", path):
        if isinstance(data, list) and piece.isdigit() and int(piece) < len(data):
            data = data[int(piece)]
        elif isinstance(data, dict) and piece in data:
            data = data[piece]
        else:
            return None
    return data


def differences(before: Any, after: Any, path: tuple[str | int, ...] = ()) -> list[str]:
    """The fields (``parts[2].goal``) where two dumps of a script differ."""
    if isinstance(before, dict) and isinstance(after, dict):
        keys = list(before) + [key for key in after if key not in before]
        return [
            found
            for key in keys
            for found in differences(before.get(key), after.get(key), (*path, key))
        ]
    if isinstance(before, list) and isinstance(after, list) and len(before) == len(after):
        return [
            found
            for index, (one, other) in enumerate(zip(before, after, strict=True))
            for found in differences(one, other, (*path, index))
        ]
    return [] if before == after else [explain.dotted(path)]


def yaml_comment_lines(text: str) -> list[int]:
    """The lines on which a YAML comment starts (a ``#`` outside every value)."""

    spans: list[tuple[int, int]] = []
    for token in yaml.scan(text, Loader=yaml.SafeLoader):
        if isinstance(token, yaml.ScalarToken):
            spans.append((token.start_mark.index, token.end_mark.index))
    starts = [start for start, _ in spans]
    lines: list[int] = []
    for found in re.finditer("#", text):
        index = found.start()
        if index and not text[index - 1].isspace():
            continue
        inside = bisect.bisect_right(starts, index) - 1
        if inside >= 0 and spans[inside][0] <= index < spans[inside][1]:
            continue
        lines.append(text.count("\n", 0, index) + 1)
    return lines


def _lines(lines: list[int]) -> str:
    shown = ", ".join(str(line) for line in lines[:8])
    more = f" and {len(lines) - 8} more" if len(lines) > 8 else ""
    return f"line{'s' * (len(lines) != 1)} {shown}{more}"
