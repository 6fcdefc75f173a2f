"""The parts of a Markdown script: each part heading and what is under it, as plain data.

``#### Part 2: Agree Type of Work (12 min, Cynefin)``: the brackets hold the
part's duration, its activity (a discussion if none is named) and, if wanted,
its id. Paragraphs under the heading are the part's goal, the list after them
its steps; headings one level down hold the rest (``##### Prompts``,
``##### Party: Customer``, ...).
"""

from __future__ import annotations

import difflib
import re
from typing import Any

from workshop_tui.content.durations import parse_duration
from workshop_tui.content.markdown import format as fmt
from workshop_tui.content.markdown import items
from workshop_tui.content.markdown.blocks import Heading, Loc, Reading, block_name, line_of, plain
from workshop_tui.domain.kinds import ActivityKind

_LISTS = ("bullet_list", "ordered_list")


def read_parts(reading: Reading, steps: Heading, level: int) -> list[dict[str, Any]]:
    """The parts under the Facilitation Steps heading, whose level is ``level``."""
    place = fmt.SECTIONS["parts"]
    for node in steps.blocks:
        if not reading.skipped(node):
            message = f"{block_name(node)} is not read here (each part goes under a heading"
            reading.error(line_of(node), place, f'{message} such as "{_example(level + 1)}")')
    parts: list[dict[str, Any]] = []
    for heading in steps.children:
        if heading.level != level + 1:
            text = plain(heading.inline) if heading.inline else ""
            reading.error(
                heading.line,
                place,
                f'"{text}" is a level {heading.level} heading; a part\'s heading is '
                f'"{"#" * (level + 1)}", one level below "Facilitation Steps"',
            )
            continue
        parts.append(_Part(reading, heading, len(parts)).read())
    return parts


def _example(level: int) -> str:
    return f"{'#' * level} Part 1: Welcome (10 min)"


class _Part:
    """Reads one part heading and everything below it."""

    def __init__(self, reading: Reading, heading: Heading, index: int) -> None:
        self.reading = reading
        self.heading = heading
        self.index = index
        self.loc: Loc = ("parts", index)
        self.place = f"Part {index + 1}"
        self.kind = ActivityKind.DISCUSSION
        self.data: dict[str, Any] = {}
        self.activity: dict[str, Any] = {}
        self.seen: dict[str, int] = {}
        self.bad_details = False
        self.details_line: Any = None
        """The paragraph under the heading that gave the part's details, if the heading did not."""

    def read(self) -> dict[str, Any]:
        self._heading()
        self._body()
        for sub in self.heading.children:
            self._subheading(sub)
        self.activity["kind"] = self.kind.value
        self.data["activity"] = self.activity
        return self.data

    def _heading(self) -> None:
        line, reading = self.heading.line, self.reading
        text = reading.text(self.heading.inline, line, self.place)
        name, number = fmt.without_part_number(text)
        if number is not None and number != self.index + 1:
            message = f"this part is numbered {number} but is part {self.index + 1}"
            reading.warn(line, self.place, message)
        name, details = fmt.split_details(name)
        self.data["name"] = name
        for field in ("", "name", "duration", "id", "activity"):
            reading.place((*self.loc, field) if field else self.loc, line, self.place)
        duration = self._details(name, details or [])
        if duration is None and not self.bad_details:
            duration = self._details_on_first_line(name)
        if duration is not None:
            self.data["duration"] = duration
        elif not self.bad_details:
            example = "(10 min)" if details is None else "(10 min, Cynefin)"
            reading.error(
                line,
                self.place,
                f'part "{name}" has no duration (end its heading with it in brackets, {example}, '
                "or put it on the part's first line)",
            )

    def _details(self, name: str, details: list[str]) -> str | None:
        duration: str | None = None
        for entry in details:
            if (ident := fmt.id_of(entry)) is not None:
                self.data["id"] = ident
            elif (kind := fmt.kind_of(entry)) is not None:
                self.kind = kind
            elif fmt.duration_text(entry)[:1].isdigit() and duration is None:
                duration = fmt.duration_text(entry)
            else:
                self._unknown_detail(name, entry)
        return duration

    def _details_on_first_line(self, name: str) -> str | None:
        """The details on the part's first line instead (``12 min, Cynefin``), if it holds them."""
        blocks = [node for node in self.heading.blocks if not self.reading.skipped(node)]
        if not blocks or blocks[0].type != "paragraph" or not blocks[0].children:
            return None
        first = blocks[0]
        text = plain(first.children[0]).strip()
        if "\n" in text:
            return None
        entries = [entry.strip() for entry in re.split(r"[,;]", text.strip("()[] ")) if entry]
        known = [
            entry
            for entry in entries
            if fmt.id_of(entry) is not None
            or fmt.kind_of(entry) is not None
            or _parses_as_duration(fmt.duration_text(entry))
        ]
        if not entries or known != entries:
            return None
        duration = self._details(name, entries)
        if duration is not None:
            self.details_line = first
        return duration

    def _unknown_detail(self, name: str, entry: str) -> None:
        self.bad_details = True
        labels = list(fmt.KIND_LABELS.values())
        close = difflib.get_close_matches(entry.capitalize(), labels, n=1, cutoff=0.6)
        hint = f'did you mean "{close[0]}"?' if close else f"activities: {', '.join(labels)}"
        self.reading.error(
            self.heading.line,
            self.place,
            f'"{entry}" in the brackets of part "{name}" is not a duration, an activity '
            f"or an id ({hint})",
        )

    def _body(self) -> None:
        goal: list[str] = []
        for node in self.heading.blocks:
            if self.reading.skipped(node) or node is self.details_line:
                continue
            line = line_of(node)
            if node.type == "paragraph" and "steps" not in self.data:
                self.reading.place((*self.loc, "goal"), line, self.place)
                goal.append(self.reading.text(node.children[0], line, self.place))
            elif node.type in _LISTS and "steps" not in self.data:
                self.seen["steps"] = line
                self.data["steps"] = self.reading.texts([node], (*self.loc, "steps"), self.place)
            else:
                self.reading.error(
                    line,
                    self.place,
                    f"{block_name(node)} is not read here (under a part's heading go its goal, "
                    "in paragraphs, then its steps, in one list; the rest goes under headings)",
                )
        if goal:
            self.data["goal"] = "\n\n".join(goal)

    def _subheading(self, sub: Heading) -> None:
        text = plain(sub.inline) if sub.inline else ""
        place = f"{self.place}, {fmt.split_details(text)[0]}"
        if sub.level != self.heading.level + 1:
            self._misplaced(sub, text, f"a level {sub.level} heading is not read inside a part")
            return
        for deeper in sub.children:
            self._misplaced(deeper, plain(deeper.inline) if deeper.inline else "", "")
        named = fmt.named_heading(text)
        field = named[0] if named else fmt.part_field(text)
        if field is None:
            self._misplaced(sub, text, "")
            return
        wanted = fmt.NAMED_HEADINGS.get(field, fmt.ACTIVITY_HEADINGS.get(field, ("", None)))[1]
        if wanted is not None and wanted is not self.kind:
            label = wanted.label
            self.reading.error(
                sub.line,
                place,
                f'"{text}" belongs to a {label} part (add "{label}" to the brackets of the '
                f'part\'s heading, for example "(10 min, {label})")',
            )
            return
        if named is not None:
            self._named(field, named[1], sub, place)
            return
        if (first := self.seen.setdefault(field, sub.line)) != sub.line:
            self.reading.error(sub.line, place, f'"{text}" appears twice (first at line {first})')
            return
        self._field(field, sub, place)

    def _misplaced(self, sub: Heading, text: str, why: str) -> None:
        if not why:
            known = [*fmt.PART_HEADINGS.values(), *_kind_headings(self.kind)]
            why = f'unknown heading "{text}" in a part (a {self.kind.label} part may have: '
            why += ", ".join(known) + ")"
        self.reading.error(sub.line, self.place, why)

    def _field(self, field: str, sub: Heading, place: str) -> None:
        reading, blocks = self.reading, sub.blocks
        own = field in fmt.PART_HEADINGS
        loc = (*self.loc, field) if own else (*self.loc, "activity", field)
        reading.place(loc, sub.line, place)
        target = self.data if own else self.activity
        if field == "goal":
            target[field] = reading.paragraphs(blocks, place, "paragraphs of text")
        elif field == "domain_prompts":
            target[field] = items.domain_prompts(reading, blocks, loc, place)
        elif field == "suggested":
            target[field] = items.actions(reading, blocks, loc, place)
        else:
            target[field] = reading.texts(blocks, loc, place)

    def _named(self, what: str, text: str, sub: Heading, place: str) -> None:
        key = {"party": "parties", "section": "sections", "question": "questions"}[what]
        found = self.activity.setdefault(key, [])
        if what == "question":
            place = f"{self.place}, Question {len(found) + 1}"
        loc = (*self.loc, "activity", key, len(found))
        self.reading.place(loc, sub.line, place)
        self.reading.place(loc[:-1], sub.line, place)
        if sub.inline is not None:
            self.reading.check(sub.inline, sub.line, place)
        if what == "party":
            found.append(items.party(self.reading, text, sub.blocks, loc, place))
        elif what == "section":
            found.append(items.section(self.reading, text, sub, loc, place))
        else:
            found.append(items.question(self.reading, text, sub, loc, place))


def _parses_as_duration(text: str) -> bool:
    try:
        parse_duration(text)
    except ValueError:
        return False
    return True


def _kind_headings(kind: ActivityKind) -> list[str]:
    listed = [title for title, wanted in fmt.ACTIVITY_HEADINGS.values() if wanted is kind]
    named = [f"{title}: …" for title, wanted in fmt.NAMED_HEADINGS.values() if wanted is kind]
    return listed + named
