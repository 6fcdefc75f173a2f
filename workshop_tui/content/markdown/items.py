"""The small conventions inside a Markdown script's lists and named headings.

- a promise: ``- **Provide a Product Owner**: One person with ...`` (text, then detail)
- a Cynefin domain prompt: ``- Complex: Will we only learn by trying?``
- a suggested action: ``- Book the first review (owner: Scrum Master)``
- a useful file: ``- [The Scrum Guide](https://scrumguides.org): what it is for``
- a sign-off section: its text in paragraphs, what it presents (a ``Presents:`` line, then a
  list: ``- Promises: Delivery team``, ``- Decision: Which level?``, ``- Agreed agility``,
  ``- Cynefin board``, ``- Action list``, ``- Text: fixed words``), then
  ``Initialled by: Sponsor, Product Owner``
- a decision question: ``##### Question: Which level? (dot voting, 2 dots)`` and its options
"""

from __future__ import annotations

import re
from typing import Any

from markdown_it.tree import SyntaxTreeNode

from workshop_tui.content.markdown import format as fmt
from workshop_tui.content.markdown.blocks import (
    Heading,
    Loc,
    Reading,
    formatted_of,
    line_of,
    plain,
    plain_of,
)
from workshop_tui.domain.kinds import CynefinDomain

_SEPARATOR = re.compile(r"^\s*(?:[:\u2013\u2014]|-(?=\s))\s*")
_OWNER = re.compile(r"^(.*)\s*\(\s*owner\s*:\s*(.*?)\)\s*$", re.I | re.S)
_INITIALLED = re.compile(r"^\s*initiall?ed\s+by\s*:\s*(.*)$", re.I | re.S)
_PRESENTS = re.compile(r"^\s*presents\s*:\s*$", re.I)
_DOMAINS = ", ".join(domain.label for domain in CynefinDomain)


def first_inline(item: SyntaxTreeNode) -> SyntaxTreeNode | None:
    """The inline content of a list item's first paragraph, if it starts with one."""
    if item.children and item.children[0].type == "paragraph":
        return item.children[0].children[0]
    return None


def _lead(
    reading: Reading, item: SyntaxTreeNode, line: int, kind: str, place: str
) -> tuple[SyntaxTreeNode, str] | None:
    """A leading ``kind`` node (strong, link) of an item, and the text after its separator."""
    inline = first_inline(item)
    if inline is None:
        return None
    children = list(inline.children)
    while children and children[0].type == "text" and not children[0].content.strip():
        children.pop(0)
    if not children or children[0].type != kind:
        return None
    rest = plain_of(children[1:])
    separated = _SEPARATOR.match(rest)
    if rest.strip() and separated is None and kind == "strong":
        return None
    if formatted_of(children[1:]):
        reading.flattened.append(line)
    reading.check(inline, line, place)
    after = rest[separated.end() :] if separated else rest.strip()
    more = reading.paragraphs(item.children[1:], place, "one line of text per item")
    return children[0], "\n\n".join(text for text in (after, more) if text)


def party(
    reading: Reading, name: str, blocks: list[SyntaxTreeNode], loc: Loc, place: str
) -> dict[str, Any]:
    """A party heading's name and its list of promises."""
    promises: list[Any] = []
    for index, (item, line) in enumerate(reading.items(blocks, place, "a list of promises")):
        reading.place((*loc, "promises", index), line, place)
        lead = _lead(reading, item, line, "strong", place)
        if lead is None:
            promises.append(reading.item_text(item, place))
            continue
        text, detail = plain(lead[0]), lead[1]
        promises.append({"text": text, "detail": detail} if detail else {"text": text})
    return {"name": name, "promises": promises}


def domain_prompts(
    reading: Reading, blocks: list[SyntaxTreeNode], loc: Loc, place: str
) -> dict[str, str]:
    """``Domain: question`` items, one per Cynefin domain."""
    found: dict[str, str] = {}
    lines: dict[str, int] = {}
    what = 'a list of "Domain: question" items'
    for item, line in reading.items(blocks, place, what):
        label, colon, prompt = reading.item_text(item, place).partition(":")
        domain = fmt.normal(label)
        if not colon or domain not in set(CynefinDomain):
            shown = label.strip() if colon else label.strip()[:40]
            reading.error(
                line,
                place,
                f'"{shown}" is not a Cynefin domain (start the item with one of: {_DOMAINS}, '
                'then ":" and the question)',
            )
            continue
        if domain in lines:
            reading.error(
                line, place, f'"{label.strip()}" appears twice (first at line {lines[domain]})'
            )
            continue
        lines[domain] = line
        reading.place((*loc, domain), line, place)
        found[domain] = prompt.strip()
    return found


def actions(reading: Reading, blocks: list[SyntaxTreeNode], loc: Loc, place: str) -> list[Any]:
    """Suggested actions, each perhaps ending in ``(owner: Role)``."""
    suggested: list[Any] = []
    for index, (item, line) in enumerate(reading.items(blocks, place, "a list of actions")):
        reading.place((*loc, index), line, place)
        text = reading.item_text(item, place)
        owned = _OWNER.match(text)
        suggested.append({"text": owned[1], "owner": owned[2].strip()} if owned else text)
    return suggested


def useful_file(
    reading: Reading, item: SyntaxTreeNode, line: int, place: str
) -> dict[str, str] | None:
    """``[title](location): note``; None, with an error, for an item that is no link."""
    lead = _lead(reading, item, line, "link", place)
    if lead is None:
        reading.error(
            line,
            place,
            'a useful file is a link, "[title](where to find it)", then ": " and an optional note',
        )
        return None
    link, note = lead
    found = {"title": plain(link), "location": str(link.attrs.get("href", ""))}
    if note:
        found["note"] = note
    return found


def section(reading: Reading, heading: str, sub: Heading, loc: Loc, place: str) -> dict[str, Any]:
    """A sign-off section: its title (and id), its text, what it presents, who initials it."""
    title, details = fmt.split_details(heading)
    found: dict[str, Any] = {"title": heading}
    if details is not None and fmt.only_ids(details):
        found = {"id": fmt.id_of(details[0]), "title": title}
    texts: list[str] = []
    presents_line: int | None = None
    for node in sub.blocks:
        if reading.skipped(node):
            continue
        line = line_of(node)
        if node.type == "bullet_list" and presents_line is not None and "presents" not in found:
            found["presents"] = _presented(reading, node, (*loc, "presents"), place)
            continue
        if node.type != "paragraph":
            why = 'its text, in paragraphs, a "Presents:" list and an "Initialled by:" line'
            reading.unexpected(node, place, why)
            continue
        text = reading.text(node.children[0], line, place)
        if _PRESENTS.match(text):
            presents_line = line
            continue
        initialled = _INITIALLED.match(text)
        if initialled is None:
            reading.place((*loc, "text"), line, place)
            texts.append(text)
            continue
        roles = [role.strip() for role in initialled[1].split(",") if role.strip()]
        for index in range(len(roles)):
            reading.place((*loc, "initials_by", index), line, place)
        found["initials_by"] = roles
    if presents_line is not None and "presents" not in found:
        reading.error(presents_line, place, '"Presents:" needs a list under it')
    found["text"] = "\n\n".join(texts)
    return found


def _presented(reading: Reading, node: SyntaxTreeNode, loc: Loc, place: str) -> list[Any]:
    """The items of a section's ``Presents:`` list, as the script model reads them."""
    presented: list[Any] = []
    for index, item in enumerate(node.children):
        line = line_of(item)
        reading.place((*loc, index), line, place)
        text = reading.item_text(item, place)
        word = fmt.normal(text)
        if word in fmt.PRESENTED_FLAGS:
            presented.append(fmt.PRESENTED_FLAGS[word])
            continue
        label, colon, value = text.partition(":")
        key = fmt.PRESENTED_KEYS.get(fmt.normal(label)) if colon else None
        if key is None:
            choices = ", ".join(fmt.PRESENTED_WORDS)
            reading.error(
                line, place, f'"{text[:40]}" is not something a section presents ({choices})'
            )
            continue
        presented.append({key: value.strip()})
    return presented


def question(reading: Reading, heading: str, sub: Heading, loc: Loc, place: str) -> dict[str, Any]:
    """A decision question: its text, its method and dots in brackets, its options listed."""
    text, details = fmt.split_details(heading)
    found: dict[str, Any] = {"question": text}
    for entry in details or []:
        if (method := fmt.method_of(entry)) is not None:
            found["method"] = method.value
        elif (dots := fmt.dots_of(entry)) is not None:
            found["dots_per_person"] = dots
        else:
            methods = ", ".join(fmt.METHOD_LABELS.values())
            reading.error(
                sub.line,
                place,
                f'"{entry}" in the brackets of a question is not a decision method or a '
                f'number of dots such as "3 dots" (methods: {methods})',
            )
    options = reading.texts(sub.blocks, (*loc, "options"), place)
    if options:
        found["options"] = options
    return found
