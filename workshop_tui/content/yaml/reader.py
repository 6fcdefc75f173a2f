"""Read a YAML script, with one clear message per problem.

The text is composed into a YAML node tree with PyYAML's safe loader, checked
for what PyYAML lets through silently (repeated keys, aliases), constructed,
and validated by the pydantic models. Every pydantic error is placed on a line
by following its ``loc`` through the node tree, and said in plain English.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError
from yaml.composer import Composer
from yaml.constructor import SafeConstructor
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode
from yaml.resolver import Resolver

from workshop_tui.content import explain
from workshop_tui.content.fields import LocatedError
from workshop_tui.content.loaded import LoadedScript
from workshop_tui.content.model import Script
from workshop_tui.content.problems import Problem, ScriptInvalid
from workshop_tui.content.totals import parts_total_warnings

MAX_DEPTH = 64
"""Lists and mappings nested deeper than this are refused (a script needs about eight).

The limit is the project's own, checked while composing, so every parser (pure
Python or libyaml, whatever its release) stops at the same place with the same
sentence, long before Python's recursion limit or libyaml's own nesting limit.
"""

_SEXAGESIMAL = re.compile(r"[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?")
_MERGE_TAG = "tag:yaml.org,2002:merge"
_STR_TAG = "tag:yaml.org,2002:str"


class TooDeep(Exception):
    """The YAML nests lists or mappings deeper than ``MAX_DEPTH``; ``line`` is where."""

    def __init__(self, line: int) -> None:
        super().__init__(line)
        self.line = line


class _Strict:
    """Refuse aliases and deep nesting; read ``10:30`` as text, not YAML 1.1's base-60 630."""

    _depth = 0

    def compose_node(self, parent: Node | None, index: object) -> Node | None:
        event = self.peek_event()  # type: ignore[attr-defined]
        if isinstance(event, yaml.AliasEvent):
            raise yaml.composer.ComposerError(
                None,
                None,
                f"aliases such as *{event.anchor} are not supported (write the value out in full)",
                event.start_mark,  # type: ignore[arg-type]  # libyaml's Mark has the same shape
            )
        nests = isinstance(event, yaml.SequenceStartEvent | yaml.MappingStartEvent)
        if nests:
            if self._depth >= MAX_DEPTH:
                raise TooDeep(event.start_mark.line + 1)
            self._depth += 1
        try:
            return super().compose_node(parent, index)  # type: ignore[misc,no-any-return]
        finally:
            if nests:
                self._depth -= 1

    def resolve(self, kind: type, value: Any, implicit: tuple[bool, bool]) -> str:
        if kind is ScalarNode and implicit[0] and _SEXAGESIMAL.fullmatch(value):
            return _STR_TAG
        return super().resolve(kind, value, implicit)  # type: ignore[misc,no-any-return]


class PureLoader(_Strict, yaml.SafeLoader):
    """PyYAML's safe loader, all in Python."""


try:
    from yaml._yaml import CParser
except ImportError:  # PyYAML built without libyaml
    FastLoader: type | None = None
else:

    class FastLoader(_Strict, Composer, CParser, SafeConstructor, Resolver):  # type: ignore[no-redef]
        """The safe loader with libyaml's scanner and parser, and Python's composer.

        libyaml's own composer recurses in C and crashes on deeply nested input;
        Python's checks ``MAX_DEPTH`` as it goes, which is reported.
        """

        def __init__(self, stream: str) -> None:
            CParser.__init__(self, stream)
            SafeConstructor.__init__(self)
            Resolver.__init__(self)
            Composer.__init__(self)


Loader: type = FastLoader or PureLoader
"""The loader in use: about ten times faster with libyaml."""


def parse_yaml_text(text: str, name: str, path: Path | None = None) -> LoadedScript:
    """Validate a YAML script held as text; ``name`` names it in messages."""
    root, data, problems = _compose_and_construct(text, name)
    script: Script | None = None
    try:
        script = Script.model_validate(data)
    except ValidationError as error:
        problems.extend(_placed(name, root, item) for item in error.errors(include_url=False))
    if problems or script is None:
        problems = _without_explained_missing(problems)
        raise ScriptInvalid(sorted(problems, key=lambda problem: problem.line or 0))
    line = explain.locate(root, ("duration",)).line
    warnings = parts_total_warnings(name, line, "duration", script)
    return LoadedScript(script, text, path or Path(name), warnings)


def _compose_and_construct(text: str, name: str) -> tuple[MappingNode, object, list[Problem]]:
    """The node tree, the plain data and any repeated keys; raise ScriptInvalid on bad YAML."""
    try:
        loader = Loader(text)
        try:
            root = loader.get_single_node()
            if root is None:
                raise ScriptInvalid([Problem(name, 1, "", _EMPTY)])
            if not isinstance(root, MappingNode):
                line = root.start_mark.line + 1
                found = explain.node_kind(root)
                raise ScriptInvalid([Problem(name, line, "", f"{_NOT_MAPPING}, not {found}")])
            problems = _repeated_keys(name, root)
            try:
                data = loader.construct_document(root)
            except (ValueError, OverflowError):  # a date such as 2024-13-45, say
                raise ScriptInvalid([*problems, _unreadable_value(name, root)]) from None
        finally:
            loader.dispose()
    except yaml.MarkedYAMLError as error:
        raise ScriptInvalid([_yaml_problem(name, error)]) from None
    except yaml.reader.ReaderError as error:
        line = text.count("\n", 0, error.position) + 1
        message = f"the character #x{error.character:04x} is not allowed in a script"
        raise ScriptInvalid([Problem(name, line, "", message)]) from None
    except TooDeep as deep:
        raise ScriptInvalid([Problem(name, deep.line, "", _TOO_DEEP)]) from None
    except RecursionError:  # a guard behind MAX_DEPTH, should a parser recurse on its own
        raise ScriptInvalid([Problem(name, None, "", _TOO_DEEP)]) from None
    return root, data, problems


_TOO_DEEP = f"lists or mappings are nested more than {MAX_DEPTH} deep, too deeply to be a script"
_EMPTY = "the file is empty (a script starts with id:, title:, purpose:, duration: and parts:)"
_NOT_MAPPING = "the top level must be a mapping of fields such as id:, title: and parts:"
_HINTS = {
    "cannot start any token": " (indent with spaces, not tabs)",
    "tab character": " (indent with spaces, not tabs)",
    "mapping values are not allowed": ' (put a text containing ": " in quotes)',
    "found another document": " (a script is one YAML document: remove the second ---)",
}


def _yaml_problem(name: str, error: yaml.MarkedYAMLError) -> Problem:
    mark = error.problem_mark or error.context_mark
    line = mark.line + 1 if mark is not None else None
    message = (error.problem or "not valid YAML").removeprefix("but ")
    context = error.context or ""
    if context.startswith("while parsing a ") and error.context_mark is not None:
        what = context.removeprefix("while parsing a ")
        message = f"{message} (in the {what} that starts at line {error.context_mark.line + 1})"
    if tag := re.search(r"constructor for the tag '([^']*)'", message):
        shown = tag.group(1).replace("tag:yaml.org,2002:", "!!")
        message = f"the tag {shown} is not allowed in a script (write plain values)"
    if "nesting depth" in message:  # libyaml's own limit, met while it scans ahead
        return Problem(name, line, "", _TOO_DEEP)
    hint = next((text for key, text in _HINTS.items() if key in message), "")
    message = message.replace("\t", "\\t")
    return Problem(name, line, "", f"not valid YAML: {message}{hint}")


def _repeated_keys(name: str, root: Node) -> list[Problem]:
    """Keys written twice in one mapping, which PyYAML would silently resolve to the last."""
    problems: list[Problem] = []
    stack: list[tuple[Node, tuple[str | int, ...]]] = [(root, ())]
    while stack:
        node, loc = stack.pop()
        if isinstance(node, SequenceNode):
            stack.extend((item, (*loc, index)) for index, item in enumerate(node.value))
        elif isinstance(node, MappingNode):
            first_lines: dict[tuple[str, str], int] = {}
            for key, value in node.value:
                if isinstance(key, ScalarNode) and key.tag != _MERGE_TAG:
                    line = key.start_mark.line + 1
                    seen = first_lines.setdefault((key.tag, key.value), line)
                    if seen != line:
                        message = f'key "{key.value}" appears twice (first at line {seen})'
                        problems.append(Problem(name, line, explain.dotted(loc), message))
                    stack.append((value, (*loc, key.value)))
    return problems


def _unreadable_value(name: str, root: Node) -> Problem:
    """The first value PyYAML recognises but cannot build, like the date 2024-13-45."""
    stack: list[tuple[Node, tuple[str | int, ...]]] = [(root, ())]
    while stack:
        node, loc = stack.pop()
        if isinstance(node, SequenceNode):
            stack.extend((item, (*loc, i)) for i, item in reversed(list(enumerate(node.value))))
        elif isinstance(node, MappingNode):
            for key, value in reversed(node.value):
                stack.append((value, (*loc, str(getattr(key, "value", "?")))))
                stack.append((key, loc))
        else:
            try:
                SafeConstructor().construct_object(node)
            except (ValueError, OverflowError) as error:
                message = f'cannot read "{node.value}" ({error}); put it in quotes if it is text'
                return Problem(name, node.start_mark.line + 1, explain.dotted(loc), message)
    return Problem(name, None, "", "a value cannot be read")


def _placed(name: str, root: MappingNode, error: Any) -> Problem:
    """A pydantic error as a Problem on the line it concerns."""
    loc: tuple[str | int, ...] = tuple(error["loc"])
    cause = (error.get("ctx") or {}).get("error")
    first_line = None
    if isinstance(cause, LocatedError):
        if cause.first:
            first_line = explain.locate(root, loc + cause.first).line
        loc += cause.at
    spot = explain.locate(root, loc)
    field_path, line, message = explain.describe(error, loc, spot)
    if first_line is not None:
        message = f"{message} (first at line {first_line})"
    return Problem(name, line, field_path, message)


def _without_explained_missing(problems: list[Problem]) -> list[Problem]:
    """Drop "missing required field x" where a misspelt key beside it is taken for x."""
    explained = {
        (problem.field, match.group(1))
        for problem in problems
        if (match := re.search(r'\(did you mean "([^"]+)"\?\)$', problem.message))
    }
    return [
        problem
        for problem in problems
        if not (
            (match := re.fullmatch(r'missing required field "([^"]+)"', problem.message))
            and (problem.field, match.group(1)) in explained
        )
    ]
