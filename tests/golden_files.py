"""Golden files: text compared byte for byte with tests/golden/<name>.md.

Set ``UPDATE_GOLDENS=1`` to write the files instead of comparing
(``UPDATE_GOLDENS=1 .venv/bin/pytest tests/unit/test_export_golden.py``), then
review the diff with git before committing it.
"""

from __future__ import annotations

import difflib
import os
from pathlib import Path

GOLDEN_DIR = Path(__file__).resolve().parent / "golden"
UPDATE_ENV = "UPDATE_GOLDENS"


def golden_path(name: str) -> Path:
    """Where the golden file called ``name`` lives."""
    return GOLDEN_DIR / f"{name}.md"


def assert_golden(name: str, text: str) -> None:
    """Fail unless ``text`` equals tests/golden/<name>.md byte for byte; write it if updating."""
    path = golden_path(name)
    data = text.encode("utf-8")
    if os.environ.get(UPDATE_ENV) == "1":
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        return
    if not path.exists():
        raise AssertionError(f"no golden file {path}; run the test with {UPDATE_ENV}=1 to write it")
    expected = path.read_bytes()
    if data != expected:
        diff = difflib.unified_diff(
            expected.decode("utf-8", errors="replace").splitlines(keepends=True),
            text.splitlines(keepends=True),
            fromfile=f"golden/{path.name}",
            tofile="rendered",
        )
        raise AssertionError(
            f"{path.name} differs from the rendered text "
            f"(set {UPDATE_ENV}=1 to accept it):\n{''.join(diff)}"
        )
