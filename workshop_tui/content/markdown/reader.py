"""Load a facilitation script written in Markdown, with one clear message per problem.

The text is parsed by markdown-it-py into an outline of headings, mapped onto
the same plain data a YAML script holds, and validated by the same pydantic
models, so every rule of a script applies. Each problem, ours or the model's,
is placed on the Markdown line it concerns.
"""

from __future__ import annotations

import difflib
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from workshop_tui.content import explain
from workshop_tui.content.durations import HINT as DURATION_HINT
from workshop_tui.content.fields import LocatedError
from workshop_tui.content.loaded import LoadedScript
from workshop_tui.content.markdown import format as fmt
from workshop_tui.content.markdown.blocks import (
    Heading,
    Loc,
    Reading,
    block_name,
    control_character,
    line_of,
    outline,
    plain,
)
from workshop_tui.content.markdown.items import useful_file
from workshop_tui.content.markdown.parts import read_parts
from workshop_tui.content.model import Script
from workshop_tui.content.problems import Problem, ScriptInvalid
from workshop_tui.content.totals import parts_total_warnings
from workshop_tui.domain.kinds import ActivityKind

_SECTION_LIST = ", ".join(fmt.SECTIONS.values())
_YAML_NOBODY = "(add initials_by, or signatories for the whole part)"
_NOBODY = '(add an "Initialled by:" line to it, or a "Signatories" heading to the part)'
_KIND_TAGS = {kind.value for kind in ActivityKind}


def parse_markdown_text(text: str, name: str, path: Path | None = None) -> LoadedScript:
    """Validate a Markdown script; raise ScriptInvalid naming every problem on its line."""
    data, reading, level = read_markdown(text, name)
    script: Script | None = None
    try:
        script = Script.model_validate(data)
    except ValidationError as error:
        lines = {problem.line for problem in reading.problems}
        places = {problem.field for problem in reading.problems if problem.field}
        for item in error.errors(include_url=False):
            problem = _placed(reading, item, level)
            missing = item["type"] == "missing"
            if problem.field in places or (
                missing and (problem.line in lines or item["loc"][-1] in reading.meant)
            ):
                continue  # said already, in Markdown's own words
            reading.problems.append(problem)
    if reading.problems or script is None:
        raise ScriptInvalid(sorted(reading.problems, key=lambda problem: problem.line or 0))
    line = reading.places.get(("duration",), (None, ""))[0]
    warnings = reading.warnings + parts_total_warnings(name, line, "Duration", script)
    return LoadedScript(script, text, path or Path(name), warnings)


def read_markdown(text: str, name: str) -> tuple[dict[str, Any], Reading, int]:
    """The script's plain data, what reading found, and the title's heading level."""
    if (found := control_character(text)) is not None:
        line, code = found
        message = f"the character {code} is not allowed in a script"
        raise ScriptInvalid([Problem(name, line, "", message)])
    reading = Reading(name)
    root = outline(text)
    for node in root.blocks:
        if not reading.skipped(node):
            reading.error(
                line_of(node),
                "",
                f"{block_name(node)} before the title is not read (a script starts with a "
                'heading that names the workshop, such as "## Customer Working Agreement")',
            )
    title = _title(reading, root, text)
    data = _ScriptReader(reading, title).read()
    for other in root.children[1:]:
        _misplaced(reading, other, title.level)
    return data, reading, title.level


def _title(reading: Reading, root: Heading, text: str) -> Heading:
    if not text.strip():
        message = (
            'the file is empty (a Markdown script starts with its title, "## Name of the '
            'workshop", then sections such as "### Duration" and "### Purpose")'
        )
        raise ScriptInvalid([Problem(reading.name, 1, "", message)])
    first = root.children[0] if root.children else None
    text = plain(first.inline) if first is not None and first.inline else ""
    if first is None or first.level > 3 or fmt.section_field(text) is not None:
        line = first.line if first is not None else 1
        message = (
            "the script has no title (start it with a heading that names the workshop, "
            'such as "## Customer Working Agreement", with its sections one level below)'
        )
        raise ScriptInvalid([*reading.problems, Problem(reading.name, line, "", message)])
    return first


def _misplaced(reading: Reading, heading: Heading, title_level: int) -> None:
    text = plain(heading.inline) if heading.inline else ""
    titles = {fmt.normal(title): field for field, title in fmt.SECTIONS.items()}
    close = difflib.get_close_matches(fmt.normal(text), list(titles), n=1, cutoff=0.75)
    if (field := fmt.section_field(text)) is not None:
        reading.meant.add(field)
        message = (
            f'"{text}" should be a "{"#" * (title_level + 1)}" heading, one level below the title'
        )
    elif close:
        reading.meant.add(titles[close[0]])
        message = f'unknown heading "{text}" (did you mean "{fmt.SECTIONS[titles[close[0]]]}"?)'
    else:
        message = (
            f'unknown heading "{text}" (the sections of a script are: {_SECTION_LIST}; '
            "keep notes of your own in an HTML comment, <!-- like this -->)"
        )
    reading.error(heading.line, "", message)


class _ScriptReader:
    """Reads the title heading and the sections below it into a script's plain data."""

    def __init__(self, reading: Reading, title: Heading) -> None:
        self.reading = reading
        self.title = title
        self.data: dict[str, Any] = {}
        self.seen: dict[str, int] = {}

    def read(self) -> dict[str, Any]:
        reading, title = self.reading, self.title
        text = reading.text(title.inline, title.line, "title")
        name, details = fmt.split_details(text)
        if details is not None and fmt.only_ids(details):
            self.data["id"], self.data["title"] = fmt.id_of(details[0]), name
        else:
            self.data["id"], self.data["title"] = fmt.script_id(text), text
            if not self.data["id"]:
                reading.error(
                    title.line,
                    "title",
                    "the title has no letters or digits to make the script's id from "
                    '(add one in brackets at its end: "(id: my-workshop)")',
                )
        reading.place((), title.line, "")
        for loc in (("id",), ("title",)):
            reading.place(loc, title.line, "title")
        sections = f'"{"#" * (title.level + 1)} Duration", "{"#" * (title.level + 1)} Purpose"'
        for node in title.blocks:
            if not reading.skipped(node):
                reading.unexpected(node, "the title", f"only its sections, {sections} and so on")
        for heading in title.children:
            self._section(heading)
        return self.data

    def _section(self, heading: Heading) -> None:
        text = plain(heading.inline) if heading.inline else ""
        field = fmt.section_field(text)
        if heading.level != self.title.level + 1 or field is None:
            _misplaced(self.reading, heading, self.title.level)
            return
        place = fmt.SECTIONS[field]
        if (first := self.seen.setdefault(field, heading.line)) != heading.line:
            self.reading.error(
                heading.line, place, f'"{text}" appears twice (first at line {first})'
            )
            return
        self.reading.place((field,), heading.line, place)
        if field == "parts":
            self.data["parts"] = read_parts(self.reading, heading, heading.level)
            return
        for deeper in heading.children:
            inner = plain(deeper.inline) if deeper.inline else ""
            self.reading.error(deeper.line, place, f'unknown heading "{inner}" inside "{text}"')
        self.data[field] = self._content(field, heading, place)

    def _content(self, field: str, heading: Heading, place: str) -> Any:
        reading, blocks = self.reading, heading.blocks
        if field in ("duration", "purpose", "audience"):
            texts = [node for node in blocks if node.type == "paragraph"]
            if texts:
                reading.place((field,), line_of(texts[0]), place)
            what = "the workshop's length, such as 60 min" if field == "duration" else "text"
            text = reading.paragraphs(blocks, place, what)
            return fmt.duration_text(text) if field == "duration" else text
        if field == "useful_files":
            found: list[dict[str, str]] = []
            for item, line in reading.items(blocks, place, "a list of links"):
                reading.place((field, len(found)), line, place)
                if (file := useful_file(reading, item, line, place)) is not None:
                    found.append(file)
            return found
        return reading.texts(blocks, (field,), place)


def _placed(reading: Reading, error: Any, level: int) -> Problem:
    """A pydantic error as a Problem on the Markdown line it concerns."""
    loc = tuple(error["loc"])
    clean: Loc = tuple(
        element
        for index, element in enumerate(loc)
        if not (index and loc[index - 1] == "activity" and element in _KIND_TAGS)
    )
    cause = (error.get("ctx") or {}).get("error")
    first_line = None
    if isinstance(cause, LocatedError):
        if cause.first:
            first_line = _spot(reading, clean + cause.first)[0]
        clean += cause.at
    line, place = _spot(reading, clean)
    message = _markdown_words(error, clean, level) or explain.plain_message(error)
    message = message.replace(DURATION_HINT, "(write 10 min)").replace(_YAML_NOBODY, _NOBODY)
    if first_line is not None:
        message = f"{message} (first at line {first_line})"
    return Problem(reading.name, line, place, message)


def _spot(reading: Reading, loc: Loc) -> tuple[int, str]:
    """The line and place of the longest start of ``loc`` that the reading placed."""
    for end in range(len(loc), -1, -1):
        if (spot := reading.places.get(loc[:end])) is not None:
            return spot
    return 1, ""


def _markdown_words(error: Any, loc: Loc, level: int) -> str | None:
    """Messages that say what to write in Markdown, where the model's words speak of YAML."""
    kind, last = error["type"], loc[-1] if loc else ""
    if kind == "missing" and len(loc) == 1 and last in fmt.SECTIONS:
        return f'there is no "{"#" * (level + 1)} {fmt.SECTIONS[str(last)]}" section'
    if kind == "string_too_short" and isinstance(last, int):
        return "this list item is empty (write its text, or remove the item)"
    if kind == "string_too_short" and len(loc) == 1 and last in fmt.SECTIONS:
        return f'the "{fmt.SECTIONS[str(last)]}" section is empty'
    if last == "dots_per_person":
        return f"each person can have 1 to 20 dots, not {error.get('input')}"
    if kind not in ("missing", "too_short"):
        return None
    got = f", got {len(error['input'])}" if kind == "too_short" else ""
    if loc == ("parts",):
        example = f"{'#' * (level + 2)} Part 1: Welcome (10 min)"
        return f'"Facilitation Steps" has no parts (add a heading such as "{example}")'
    if last == "parties":
        return f'a Promises part needs at least two "Party: …" headings{got}'
    if last == "sections":
        return f'a Sign-off part needs at least one "Section: …" heading{got}'
    return None
