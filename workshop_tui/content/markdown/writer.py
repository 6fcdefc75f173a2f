"""A script written out as Markdown in the facilitation template's shape.

What is written reads back as the same script: every character that could
start Markdown syntax is escaped, line breaks inside a text become hard
breaks, and a heading gets its details in brackets wherever a reader would
need them. What Markdown cannot hold (control characters, a line break in a
heading, spaces at the start of a line) is left out; ``convert`` reads the
text back and names every field that differs.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from workshop_tui.content.activities import (
    ActionsActivity,
    CynefinActivity,
    DecisionQuestion,
    DecisionsActivity,
    PromisesActivity,
    SignoffActivity,
    SignoffSection,
)
from workshop_tui.content.fields import slugify
from workshop_tui.content.markdown import format as fmt
from workshop_tui.content.model import Part, Script, UsefulFile
from workshop_tui.domain.kinds import ActivityKind, CynefinDomain, DecisionMethod

TITLE = 2
"""The title's heading level, as in the template: ``## Customer Working Agreement``."""

_ALWAYS = "\\`*[]<>|"  # the backslash first, so the escapes added are not escaped again
_CONTEXTUAL = re.compile(r"(?<![^\W_])_|_(?![^\W_])|&(?=#?\w+;)|~(?=~)|(?<=~)~")
_LINE_START = re.compile(r"[-+=#>~]|(\d{1,9})[.)]")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_DESTINATION = re.compile(r"[\s()<>]")


def script_to_markdown(script: Script) -> str:
    """``script`` as a Markdown document that reads back as an equal script."""
    title = _heading_text(script.title)
    if script.id != fmt.script_id(script.title) or _reads_as_id(script.title):
        title += f" (id: {script.id})"
    blocks = [f"{'#' * TITLE} {title}"]
    blocks += _section("duration", [fmt.format_minutes(script.duration)])
    blocks += _section("purpose", [_paragraphs(script.purpose)])
    if script.audience:
        blocks += _section("audience", [_paragraphs(script.audience)])
    blocks += _section("prepared_materials", [_bullets(script.prepared_materials)])
    blocks += _section("parts", [])
    for number, part in enumerate(script.parts, start=1):
        blocks += _part(number, part)
    blocks += _section("takeaways", [_bullets(script.takeaways)])
    blocks += _section("facilitation_tips", [_bullets(script.facilitation_tips)])
    blocks += _section("useful_files", [_bullets(map(_useful_file, script.useful_files), raw=True)])
    return "\n\n".join(block for block in blocks if block) + "\n"


def _section(field: str, body: list[str]) -> list[str]:
    if field != "parts" and not any(body):
        return []
    return [f"{'#' * (TITLE + 1)} {fmt.SECTIONS[field]}", *body]


def _part(number: int, part: Part) -> list[str]:
    details = [fmt.format_minutes(part.duration)]
    if part.kind != ActivityKind.DISCUSSION:
        details.append(fmt.KIND_LABELS[ActivityKind(part.kind)])
    if part.id != slugify(part.name):
        details.append(f"id: {part.id}")
    heading = f"Part {number}: {_heading_text(part.name)} ({', '.join(details)})"
    blocks = [f"{'#' * (TITLE + 2)} {heading}", _paragraphs(part.goal), _numbered(part.steps)]
    blocks += _activity(part)
    blocks += _sub("prompts", _bullets(part.prompts))
    blocks += _sub("facilitator_notes", _bullets(part.facilitator_notes))
    return blocks


def _sub(field: str, body: str, title: str = "") -> list[str]:
    if not body and not title:
        return []
    heading = title or fmt.PART_HEADINGS.get(field) or fmt.ACTIVITY_HEADINGS[field][0]
    return [f"{'#' * (TITLE + 3)} {heading}", body]


def _activity(part: Part) -> list[str]:
    activity = part.activity
    if isinstance(activity, CynefinActivity):
        prompts = (
            f"{CynefinDomain(domain).label}: {_inline(text, '  ')}"
            for domain, text in activity.domain_prompts.items()
        )
        return _sub("items", _bullets(activity.items)) + _sub(
            "domain_prompts", _bullets(prompts, raw=True)
        )
    if isinstance(activity, PromisesActivity):
        blocks = []
        for party in activity.parties:
            promises = (
                f"**{_inline(p.text, '  ')}**: {_paragraphs(p.detail, '  ')}"
                if p.detail
                else _paragraphs(p.text, "  ")
                for p in party.promises
            )
            title = f"{fmt.NAMED_HEADINGS['party'][0]}: {_heading_text(party.name)}"
            blocks += _sub("", _bullets(promises, raw=True), title)
        return blocks
    if isinstance(activity, SignoffActivity):
        blocks = _sub("signatories", _bullets(activity.signatories))
        return blocks + [block for section in activity.sections for block in _signoff(section)]
    if isinstance(activity, DecisionsActivity):
        return [block for question in activity.questions for block in _question(question)]
    if isinstance(activity, ActionsActivity):
        actions = (
            _paragraphs(action.text, "  ")
            + (f" (owner: {_inline(action.owner)})" if action.owner else "")
            for action in activity.suggested
        )
        return _sub("suggested", _bullets(actions, raw=True))
    return []


def _signoff(section: SignoffSection) -> list[str]:
    title = f"{fmt.NAMED_HEADINGS['section'][0]}: {_heading_text(section.title)}"
    if section.id != slugify(section.title) or _reads_as_id(section.title):
        title += f" (id: {section.id})"
    body = [_paragraphs(section.text)] if section.text else []
    if section.presents:
        items = []
        for presented in section.presents:
            kind = presented.kind
            label = fmt.PRESENTED_WRITTEN[kind]
            value = getattr(presented, kind)
            items.append(label if value is True else f"{label}: {_inline(value)}")
        body.append(fmt.PRESENTS + "\n\n" + "\n".join(f"- {item}" for item in items))
    if section.initials_by:
        roles = ", ".join(_inline(role) for role in section.initials_by)
        body.append(f"{fmt.INITIALLED_BY} {roles}")
    return _sub("", "\n\n".join(body), title)


def _question(question: DecisionQuestion) -> list[str]:
    details = [fmt.METHOD_LABELS[question.method]]
    dots = question.dots_per_person
    if question.method is DecisionMethod.DOT_VOTING or dots != 3:
        details.append(f"{dots} dot{'s' * (dots != 1)}")
    title = f"{fmt.NAMED_HEADINGS['question'][0]}: {_heading_text(question.question)}"
    return _sub("", _bullets(question.options), f"{title} ({', '.join(details)})")


def _useful_file(file: UsefulFile) -> str:
    location = " ".join(file.location.split("\n"))
    if _DESTINATION.search(location):
        location = "<" + re.sub(r"([\\<>])", r"\\\1", location) + ">"
    else:
        location = location.replace("\\", "\\\\")
    location = _CONTROL.sub("", re.sub(r"&(?=#?\w+;)", r"\\&", location))
    link = f"[{_inline(file.title, '  ')}]({location})"
    return f"{link}: {_paragraphs(file.note, '  ')}" if file.note else link


def _reads_as_id(text: str) -> bool:
    """True if a title ends in brackets a reader would take for its id."""
    return fmt.only_ids(fmt.split_details(text)[1])


def _bullets(texts: Iterable[str], *, raw: bool = False) -> str:
    return "\n".join(f"- {text if raw else _paragraphs(text, '  ')}" for text in texts)


def _numbered(texts: list[str]) -> str:
    lines = []
    for number, text in enumerate(texts, start=1):
        marker = f"{number}. "
        lines.append(marker + _paragraphs(text, " " * len(marker)))
    return "\n".join(lines)


def _paragraphs(text: str, indent: str = "") -> str:
    """Paragraphs split at blank lines; later ones start with ``indent`` (inside a list item)."""
    pieces = [_inline(piece, indent) for piece in text.split("\n\n") if piece]
    return f"\n\n{indent}".join(pieces)


def _inline(text: str, indent: str = "") -> str:
    """One paragraph's text: line breaks become hard breaks, each later line indented."""
    return f"\\\n{indent}".join(_escape_line(line) for line in text.split("\n"))


def _heading_text(text: str) -> str:
    """Heading text: one line, every "#" escaped so none can close the heading."""
    return _escape_line(" ".join(text.split("\n")), _ALWAYS + "#")


def _escape_line(line: str, always: str = _ALWAYS) -> str:
    escaped = line
    for char in always:
        if char in escaped:
            escaped = escaped.replace(char, f"\\{char}")
    escaped = _CONTROL.sub("", _CONTEXTUAL.sub(r"\\\g<0>", escaped))
    marker = _LINE_START.match(escaped)
    if marker is None:
        return escaped
    cut = marker.end(1) if marker.group(1) is not None else 0
    return f"{escaped[:cut]}\\{escaped[cut:]}"
