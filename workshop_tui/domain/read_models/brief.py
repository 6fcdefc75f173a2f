"""The part's brief: its name, where it sits, its goal, the prompts to the room, the steps."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from workshop_tui.domain.kinds import ActivityKind

if TYPE_CHECKING:
    from workshop_tui.content.model import Script


@dataclass(frozen=True, slots=True)
class PartBrief:
    """What the room reads about the part it is on."""

    name: str
    number: int
    """1-based."""
    total: int
    kind: ActivityKind
    duration_seconds: int
    goal: str
    prompts: tuple[str, ...]
    steps: tuple[str, ...]


def part_brief(script: Script, index: int) -> PartBrief:
    """The brief of part ``index`` (0-based) of ``script``."""
    part = script.parts[index]
    return PartBrief(
        name=part.name,
        number=index + 1,
        total=len(script.parts),
        kind=ActivityKind(part.activity.kind),
        duration_seconds=part.duration,
        goal=part.goal,
        prompts=tuple(part.prompts),
        steps=tuple(part.steps),
    )
