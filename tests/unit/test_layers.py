"""Dependencies point toward the domain: each layer imports only what it may."""

from __future__ import annotations

import subprocess
import sys

import pytest

from tests.conftest import REPO

UI = ("textual", "rich")
DATABASE = ("sqlmodel", "sqlalchemy", "sqlite3")

RULES = {
    # module(s) imported together: packages that must stay out of sys.modules
    "workshop_tui.domain.engine workshop_tui.domain.views workshop_tui.domain.agility "
    "workshop_tui.domain.decisions workshop_tui.domain.due_dates": UI + DATABASE + ("yaml",),
    "workshop_tui.content.loader workshop_tui.content.catalog": UI + DATABASE,
    "workshop_tui.storage.repository workshop_tui.storage.opener": UI,
    "workshop_tui.export.markdown workshop_tui.export.files": UI + DATABASE,
    "workshop_tui.app": DATABASE,
}


@pytest.mark.parametrize("modules", list(RULES), ids=lambda m: m.split()[0])
def test_a_layer_does_not_import_what_it_must_not(modules: str) -> None:
    forbidden = RULES[modules]
    code = (
        "import importlib, sys\n"
        f"for name in {modules.split()!r}: importlib.import_module(name)\n"
        f"print(' '.join(sorted(m for m in {forbidden!r} if m in sys.modules)))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=REPO
    )
    assert result.stdout.strip() == "", f"{modules} pulled in {result.stdout.strip()}"
