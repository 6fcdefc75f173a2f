"""What is wrong with a script, said so a facilitator can fix it: file, line, field, message."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Severity(StrEnum):
    """An error stops a script from loading; a warning does not."""

    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, slots=True)
class Problem:
    """One problem in one script.

    ``path`` is the file's name as the user gave it. ``field`` is where in the
    script, written like ``parts[2].activity.kind``; for a key that is missing,
    unknown or repeated it is the mapping that holds the key (empty at the top
    level) and the message names the key.
    """

    path: str
    line: int | None
    field: str
    message: str
    severity: Severity = Severity.ERROR

    def __str__(self) -> str:
        where = self.path if self.line is None else f"{self.path}:{self.line}"
        parts = [where]
        if self.severity is Severity.WARNING:
            parts.append("warning")
        if self.field:
            parts.append(self.field)
        parts.append(self.message)
        return ": ".join(parts)

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR


class ScriptInvalid(Exception):
    """A script that cannot be loaded, with every problem found in it."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__("\n".join(str(problem) for problem in problems))


class ScriptNotFound(LookupError):
    """No script file or id matches what was asked for; the message says so in one sentence."""
