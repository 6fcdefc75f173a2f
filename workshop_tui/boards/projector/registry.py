"""Which projector board draws which kind of activity; a part with none shows its notes."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from workshop_tui.boards.projector.actions import ActionsStage
from workshop_tui.boards.projector.cynefin import CynefinStage
from workshop_tui.boards.projector.decisions import DecisionsStage
from workshop_tui.boards.projector.promises import PromisesStage
from workshop_tui.boards.projector.signoff import SignoffStage
from workshop_tui.boards.projector.stage import Stage
from workshop_tui.domain.kinds import ActivityKind

STAGES: dict[ActivityKind, Callable[..., Stage]] = {
    ActivityKind.CYNEFIN: CynefinStage,
    ActivityKind.PROMISES: PromisesStage,
    ActivityKind.SIGNOFF: SignoffStage,
    ActivityKind.DECISIONS: DecisionsStage,
    ActivityKind.ACTIONS: ActionsStage,
}
"""The projector's board of each kind of activity that has one."""


def has_stage(kind: str) -> bool:
    """Whether a part of ``kind`` has a board on the projector (else it shows its notes)."""
    return ActivityKind(kind) in STAGES


def stage_for(kind: str, view: Any, in_play: str | None, **options: Any) -> Stage:
    """A new projector board of ``kind``, drawn from ``view``, ``in_play`` highlighted."""
    return STAGES[ActivityKind(kind)](view, in_play, **options)
