"""Find and load the script the facilitator asked for, as the app's worker needs it."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from workshop_tui.content.catalog import find_script
from workshop_tui.content.loaded import LoadedScript
from workshop_tui.content.loader import load_script
from workshop_tui.content.problems import ScriptInvalid


def open_script(ref: str, scripts_dirs: Sequence[Path]) -> tuple[LoadedScript | None, str]:
    """The loaded script, or None and why it cannot be run (one problem a line)."""
    try:
        return load_script(find_script(ref, list(scripts_dirs))), ""
    except ScriptInvalid as invalid:
        return None, "\n".join(str(problem) for problem in invalid.problems)
    except (LookupError, OSError, ValueError) as error:
        return None, str(error)
