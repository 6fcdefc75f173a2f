"""Pydantic errors said in plain English, placed on the YAML line they concern.

``locate`` follows an error's ``loc`` through the composed YAML node tree;
``describe`` turns the error into a field path, a line and a message.
"""

from __future__ import annotations

import difflib
import re
import types
from dataclasses import dataclass
from datetime import date
from typing import Annotated, Any, Literal, Union, get_args, get_origin

from pydantic import BaseModel
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from workshop_tui.content.model import Script

Loc = tuple[str | int, ...]
_KEY = "[key]"  # pydantic's marker for an error in a dict key


@dataclass(frozen=True, slots=True)
class Spot:
    """Where a ``loc`` leads in the YAML: the node reached, its line, the path followed."""

    node: Node
    line: int
    path: Loc
    """The ``loc`` without pydantic's union tags and key markers."""
    reached: bool
    """False when the ``loc`` goes on past what the YAML holds (a missing field, say)."""


def locate(root: Node, loc: Loc) -> Spot:
    """Follow ``loc`` from ``root`` as far as the YAML goes."""
    node, key = root, None
    path: list[str | int] = []
    reached = True
    for element in loc:
        if element == _KEY:
            node = key or node
            continue
        if reached and isinstance(node, MappingNode):
            pair = _find(node, element)
            if pair is not None:
                key, node = pair
                path.append(element)
                continue
            if isinstance(element, str) and _kind_of(node) == element:
                continue  # the tag pydantic adds to the loc of a discriminated union
        elif (
            reached
            and isinstance(node, SequenceNode)
            and isinstance(element, int)
            and 0 <= element < len(node.value)
        ):
            node, key = node.value[element], None
            path.append(element)
            continue
        reached = False
        path.append(element)
    line_node = key if key is not None else node
    return Spot(node, line_node.start_mark.line + 1, tuple(path), reached)


def _find(mapping: MappingNode, element: str | int) -> tuple[Node, Node] | None:
    """The last key/value pair of ``mapping`` whose key reads ``element`` (the one YAML keeps)."""
    found = None
    for key, value in mapping.value:
        if isinstance(key, ScalarNode) and key.value == str(element):
            found = (key, value)
    return found


def _kind_of(mapping: MappingNode) -> str | None:
    pair = _find(mapping, "kind")
    return pair[1].value if pair is not None and isinstance(pair[1], ScalarNode) else None


def dotted(path: Loc) -> str:
    """A path as written in messages: ``parts[2].activity.kind``."""
    text = ""
    for element in path:
        if isinstance(element, int):
            text += f"[{element}]"
        else:
            text += f".{element}" if text else str(element)
    return text


def node_kind(node: Node) -> str:
    """What a node is, in words: "a list", "a mapping", "a single value"."""
    if isinstance(node, SequenceNode):
        return "a list"
    if isinstance(node, MappingNode):
        return "a mapping"
    return "a single value"


def describe(error: Any, loc: Loc, spot: Spot) -> tuple[str, int, str]:
    """The field path, line and plain-English message for one pydantic error."""
    kind: str = error["type"]
    ctx: dict[str, Any] = error.get("ctx") or {}
    value = error.get("input")
    path = spot.path
    if kind == "missing":
        return dotted(path[:-1]), spot.line, f'missing required field "{path[-1]}"'
    if kind in ("extra_forbidden", "invalid_key"):
        return dotted(path[:-1]), spot.line, _unknown_key(str(path[-1]), loc[:-1])
    if kind == "union_tag_invalid":
        kind_spot = _kind_spot(spot)
        tags = ", ".join(_quoted(ctx.get("expected_tags", "")))
        message = f'unknown activity kind "{ctx.get("tag")}" (choose one of: {tags})'
        return dotted((*path, "kind")), kind_spot, message
    if kind == "union_tag_not_found":
        tags = ", ".join(_union_tags(type_at(loc)))
        if isinstance(value, dict):
            return dotted(path), spot.line, f'missing required field "kind" (choose one of: {tags})'
        message = f"expected a mapping with kind: (one of: {tags}), got {_value(value)}"
        return dotted(path), spot.line, message
    return dotted(path), spot.line, _value_message(kind, ctx, value, loc, error.get("msg", ""))


def plain_message(error: Any) -> str:
    """The plain-English message for one pydantic error, wherever it is placed."""
    loc: Loc = tuple(error["loc"])
    if error["type"] == "missing":
        return f'missing required field "{loc[-1]}"'
    ctx = error.get("ctx") or {}
    return _value_message(error["type"], ctx, error.get("input"), loc, error.get("msg", ""))


def _value_message(kind: str, ctx: dict[str, Any], value: Any, loc: Loc, fallback: str) -> str:
    if kind in ("value_error", "assertion_error"):
        cause = ctx.get("error")
        return str(cause) if cause is not None else re.sub(r"^Value error, ", "", fallback)
    if kind.endswith(("_type", "_parsing")) or kind == "int_from_float":
        expected = _expected(type_at(loc), kind)
        hint = ""
        if expected == "a text" and isinstance(value, bool | int | float | date):
            hint = " (put it in quotes)"
        elif expected.startswith("a list") and not isinstance(value, list):
            hint = ' (write each item on its own line, starting with "- ")'
        return f"expected {expected}, got {_value(value)}{hint}"
    if kind == "string_too_short":
        return "must not be empty"
    if kind == "too_short":
        least = ctx.get("min_length", 1)
        return f"needs at least {least} {'entry' if least == 1 else 'entries'}, got {len(value)}"
    bounds = {
        "greater_than_equal": ("at least", "ge"),
        "greater_than": ("more than", "gt"),
        "less_than_equal": ("at most", "le"),
        "less_than": ("less than", "lt"),
    }
    if kind in bounds:
        words, key = bounds[kind]
        return f"must be {words} {ctx.get(key)}, got {_value(value)}"
    if kind in ("enum", "literal_error"):
        choices = ", ".join(_quoted(ctx.get("expected", "")))
        return f'"{value}" is not one of: {choices}'
    return str(fallback)


def _unknown_key(key: str, parent: Loc) -> str:
    model = type_at(parent)
    fields = list(model.model_fields) if _is_model(model) else []
    close = difflib.get_close_matches(key, fields, n=1, cutoff=0.6)
    if close:
        return f'unknown key "{key}" (did you mean "{close[0]}"?)'
    if fields:
        return f'unknown key "{key}" (allowed: {", ".join(fields)})'
    return f'unknown key "{key}"'


def _kind_spot(spot: Spot) -> int:
    if isinstance(spot.node, MappingNode) and (pair := _find(spot.node, "kind")):
        return int(pair[1].start_mark.line + 1)
    return spot.line


def _quoted(text: str) -> list[str]:
    """The choices in pydantic's "'a', 'b' or 'c'"."""
    return re.findall(r"'([^']*)'", text)


def _value(value: Any) -> str:
    """What the user wrote, in words."""
    if value is None:
        return "an empty value"
    if isinstance(value, bool):
        return f"the yes/no value {str(value).lower()}"
    if isinstance(value, int | float):
        return f"the number {value}"
    if isinstance(value, str):
        shown = value if len(value) <= 40 else value[:37] + "..."
        return f'the text "{shown}"'
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, date):
        return f"the date {value.isoformat()}"
    return f"a {type(value).__name__}"


def _expected(annotation: Any, kind: str) -> str:
    """What the schema wants at a place, in words."""
    annotation = _unwrap(annotation)
    origin = get_origin(annotation)
    if origin is list:
        item = _unwrap(get_args(annotation)[0])
        items = "texts" if item is str else "mappings" if _is_model(item) else "items"
        return f"a list of {items}"
    if origin is dict or _is_model(annotation):
        return "a mapping (key: value lines)"
    simple = {str: "a text", int: "a whole number", float: "a number", bool: "true or false"}
    if annotation in simple:
        return simple[annotation]
    by_kind = {"string": "a text", "list": "a list", "dict": "a mapping (key: value lines)"}
    by_kind |= {"model": "a mapping (key: value lines)", "int": "a whole number"}
    by_kind |= {"bool": "true or false", "float": "a number"}
    return next((words for key, words in by_kind.items() if kind.startswith(key)), "another value")


def type_at(loc: Loc) -> Any:
    """The schema's type at ``loc`` (with union tags chosen), or None if it cannot tell."""
    current: Any = Script
    for element in loc:
        current = _unwrap(current)
        origin = get_origin(current)
        if _is_model(current):
            info = current.model_fields.get(str(element))
            if info is None:
                return None
            current = info.annotation
        elif origin is list and isinstance(element, int):
            current = get_args(current)[0]
        elif origin is dict:
            current = get_args(current)[0 if element == _KEY else 1]
        elif origin in (Union, types.UnionType):
            current = next((m for m in get_args(current) if element in _tags(m)), None)
        else:
            return None
    return current


def _union_tags(annotation: Any) -> list[str]:
    annotation = _unwrap(annotation)
    if get_origin(annotation) in (Union, types.UnionType):
        return [tag for member in get_args(annotation) for tag in _tags(member)]
    return []


def _tags(member: Any) -> tuple[str, ...]:
    member = _unwrap(member)
    if not _is_model(member) or "kind" not in member.model_fields:
        return ()
    annotation = member.model_fields["kind"].annotation
    return get_args(annotation) if get_origin(annotation) is Literal else ()


def _unwrap(annotation: Any) -> Any:
    while get_origin(annotation) is Annotated:
        annotation = get_args(annotation)[0]
    return annotation


def _is_model(annotation: Any) -> bool:
    return isinstance(annotation, type) and issubclass(annotation, BaseModel)
