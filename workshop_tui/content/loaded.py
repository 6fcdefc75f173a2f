"""A script that loaded: what every reader returns."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from workshop_tui.content.model import Script
from workshop_tui.content.problems import Problem


@dataclass(frozen=True, slots=True)
class LoadedScript:
    """A script that loaded, the text it came from (YAML or Markdown), and any warnings."""

    script: Script
    source: str
    path: Path
    warnings: list[Problem] = field(default_factory=list)
