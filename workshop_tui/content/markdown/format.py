"""The conventions of a facilitation script written in Markdown, shared by its reader and writer.

The shape is the facilitation template's: a title heading, then sections one
level below it (``### Duration``, ``### Purpose``, ``### Facilitation Steps``
...), each part a heading one level below Facilitation Steps, and what a part
holds under headings one level below the part. A heading's details (a part's
duration and activity, a question's method, an id) go in brackets at its end:
``#### Part 2: Agree Type of Work (12 min, Cynefin)``.
"""

from __future__ import annotations

import re
import unicodedata

from workshop_tui.domain.kinds import ActivityKind, DecisionMethod

SUFFIXES = (".md", ".markdown")
"""File names that hold a Markdown script."""

SECTIONS = {
    "duration": "Duration",
    "purpose": "Purpose",
    "audience": "Audience",
    "prepared_materials": "Prepared Materials",
    "parts": "Facilitation Steps",
    "takeaways": "Takeaways",
    "facilitation_tips": "Facilitation Tips",
    "useful_files": "Useful Files",
}
"""The script's fields and their section headings, in the order they are written."""

_TITLES = "|".join(re.escape(title) for title in SECTIONS.values())
_SECTION_HEADING = re.compile(rf"^#{{1,6}}[ \t]+(?:{_TITLES})[ \t]*#*[ \t]*$", re.I | re.M)


def looks_like_markdown(text: str) -> bool:
    """Whether a file of no known suffix reads as a Markdown script (it has a section heading)."""
    return _SECTION_HEADING.search(text) is not None


PART_HEADINGS = {
    "goal": "Goal",
    "steps": "Steps",
    "prompts": "Prompts",
    "facilitator_notes": "Facilitator Notes",
}
"""A part's own fields that may have a heading of their own, as written."""

ACTIVITY_HEADINGS = {
    "items": ("Items", ActivityKind.CYNEFIN),
    "domain_prompts": ("Domain Prompts", ActivityKind.CYNEFIN),
    "signatories": ("Signatories", ActivityKind.SIGNOFF),
    "suggested": ("Suggested Actions", ActivityKind.ACTIONS),
}
"""An activity's lists, each under a heading of its own in a part of that kind."""

NAMED_HEADINGS = {
    "party": ("Party", ActivityKind.PROMISES),
    "section": ("Section", ActivityKind.SIGNOFF),
    "question": ("Question", ActivityKind.DECISIONS),
}
"""Headings that name one thing each: ``##### Party: Customer``."""

ALIASES = {
    "prompts to the room": "prompts",
    "facilitator only notes": "facilitator_notes",
    "notes for the facilitator": "facilitator_notes",
    "actions": "suggested",
}

KIND_LABELS = {kind: kind.label for kind in ActivityKind}
METHOD_LABELS = {
    DecisionMethod.CONSENT: "consent",
    DecisionMethod.FIST_OF_FIVE: "fist of five",
    DecisionMethod.DOT_VOTING: "dot voting",
    DecisionMethod.FACILITATOR: "facilitator",
}
INITIALLED_BY = "Initialled by:"
PRESENTS = "Presents:"
PRESENTED_WRITTEN = {
    "agility": "Agreed agility",
    "cynefin": "Cynefin board",
    "actions": "Action list",
    "promises": "Promises",
    "decision": "Decision",
    "text": "Text",
}
"""How the writer names each thing a section can present (``- Promises: Customer``)."""
PRESENTED_FLAGS = {
    "agreed agility": "agility",
    "agility": "agility",
    "cynefin board": "cynefin",
    "cynefin": "cynefin",
    "action list": "actions",
    "actions": "actions",
}
"""Items written alone, as the reader accepts them (after ``normal``)."""
PRESENTED_KEYS = {"promises": "promises", "decision": "decision", "text": "text"}
"""Items written ``Name: value``."""
PRESENTED_WORDS = (
    "Promises: PARTY",
    "Decision: QUESTION",
    "Agreed agility",
    "Cynefin board",
    "Action list",
    "Text: WORDS",
)
"""Starts the line of a sign-off section that names who initials it."""

_PART_NUMBER = re.compile(r"part\s+(\d+)\s*[:.)\-\u2013\u2014]\s*", re.I)
_DETAILS = re.compile(r"^(.*?)\s*\(([^()]*)\)\s*$", re.S)
_DOTS = re.compile(r"(\d+)\s+dots?(?:\s+(?:each|per\s+person))?", re.I)
_ABOUT = re.compile(r"^\s*(?:~|\u2248|about\s|approx\.?\s*|approximately\s|ca\.\s*)\s*", re.I)
_PLACEHOLDERS = (
    re.compile(
        r"(?:item|step|tip|take\s?away|prompt|note|part|section|question|option|action|"
        r"promise|party|file|material|name|title)\s*\d+",
        re.I,
    ),
    re.compile(r"\[[A-Za-z][\w \-]{0,30}\]"),
    re.compile(r"\bX and X\b"),
    re.compile(r"\b(?:19|20)\dX\b"),
)


def normal(text: str) -> str:
    """A heading or word as compared: case, hyphens, underscores and a final colon ignored."""
    folded = re.sub(r"[\s_\-\u2010-\u2014]+", " ", text.casefold()).strip()
    return folded.removesuffix(":").strip()


_KIND_WORDS = {normal(kind.label): kind for kind in ActivityKind} | {
    normal(kind.value): kind for kind in ActivityKind
}
_KIND_WORDS |= {"decision": ActivityKind.DECISIONS, "action": ActivityKind.ACTIONS}
_METHOD_WORDS = {normal(label): method for method, label in METHOD_LABELS.items()} | {
    "dot vote": DecisionMethod.DOT_VOTING,
    "dots": DecisionMethod.DOT_VOTING,
    "facilitator's call": DecisionMethod.FACILITATOR,
    "facilitator decides": DecisionMethod.FACILITATOR,
}
_SECTION_WORDS = {normal(title): field for field, title in SECTIONS.items()}
_PART_WORDS = {normal(title): field for field, title in PART_HEADINGS.items()}
_PART_WORDS |= {normal(title): field for field, (title, _) in ACTIVITY_HEADINGS.items()}
_PART_WORDS |= ALIASES


def section_field(heading: str) -> str | None:
    """The script field a section heading stands for, or None."""
    return _SECTION_WORDS.get(normal(heading))


def part_field(heading: str) -> str | None:
    """The part or activity field a heading inside a part stands for, or None."""
    return _PART_WORDS.get(normal(heading))


def named_heading(heading: str) -> tuple[str, str] | None:
    """``("party", "Customer")`` for ``Party: Customer``; None for other headings."""
    word, colon, rest = heading.partition(":")
    if colon and normal(word) in NAMED_HEADINGS:
        return normal(word), rest.strip()
    return None


def kind_of(word: str) -> ActivityKind | None:
    """The activity kind a word names: "Cynefin", "sign-off"; None if it names none."""
    return _KIND_WORDS.get(normal(word))


def method_of(word: str) -> DecisionMethod | None:
    """The decision method a word names: "fist of five", "dot voting"; None if none."""
    return _METHOD_WORDS.get(normal(word))


def dots_of(word: str) -> int | None:
    """The dots each person has, from "2 dots" or "3 dots each"; None if it is not that."""
    match = _DOTS.fullmatch(word.strip())
    return int(match.group(1)) if match else None


def without_part_number(heading: str) -> tuple[str, int | None]:
    """A part heading without its "Part 2:" prefix, and that number if there was one."""
    match = _PART_NUMBER.match(heading)
    if match is None:
        return heading.strip(), None
    return heading[match.end() :].strip(), int(match.group(1))


def split_details(heading: str) -> tuple[str, list[str] | None]:
    """``("Agree Type of Work", ["12 min", "Cynefin"])``; None when there are no brackets."""
    match = _DETAILS.match(heading)
    if match is None:
        return heading.strip(), None
    entries = [entry.strip() for entry in re.split(r"[,;]", match.group(2))]
    return match.group(1).strip(), [entry for entry in entries if entry]


def id_of(entry: str) -> str | None:
    """The id in a detail such as ``id: agree-work``; None if the detail is not an id."""
    key, colon, value = entry.partition(":")
    return value.strip() if colon and normal(key) == "id" else None


def only_ids(entries: list[str] | None) -> bool:
    """True when brackets hold nothing but an id, so they are details, not part of a name."""
    return entries is not None and len(entries) == 1 and id_of(entries[0]) is not None


def duration_text(text: str) -> str:
    """A duration as the template writes it ("~60 Minutes"), without the "about"."""
    return _ABOUT.sub("", text).strip().removesuffix(".")


def format_minutes(seconds: int) -> str:
    """A duration as a facilitator writes it: "12 min", "60 min", "1 h 45 min", "1 min 30 s"."""
    hours, rest = divmod(seconds, 3600) if seconds > 3600 else (0, seconds)
    minutes, secs = divmod(rest, 60)
    pieces = [(hours, "h"), (minutes, "min"), (secs, "s")]
    return " ".join(f"{amount} {unit}" for amount, unit in pieces if amount) or "0 min"


def script_id(title: str) -> str:
    """The id a title gives a script: "Customer Working Agreement" -> customer-working-agreement."""
    ascii_title = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_title.lower()).strip("-")


def placeholder(text: str) -> str | None:
    """The part of ``text`` left over from the template ("Item 1", "[name]"), or None."""
    if _PLACEHOLDERS[0].fullmatch(text.strip()):
        return text.strip()
    for pattern in _PLACEHOLDERS[1:]:
        if found := pattern.search(text):
            return found.group(0)
    return None
