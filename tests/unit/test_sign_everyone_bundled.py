"""Every section of every bundled script is initialled by all its roles in one engine call.

That call is what lets the sign-off screen sign a section for everyone present
in at most three key presses (move to the section, the key, confirm). For the
partnership agreement: 23 sections, so 23 calls where there were 126 initials.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import BUNDLED
from tests.unit.test_export_bundled import NAMES, roles_of
from workshop_tui.content.loader import load_script
from workshop_tui.domain.clock import FakeClock
from workshop_tui.domain.engine import SessionEngine
from workshop_tui.domain.records import Participant
from workshop_tui.domain.snapshot import SessionSetup
from workshop_tui.storage import open_store

SCRIPTS = sorted(BUNDLED.glob("*.yaml"))


@pytest.mark.parametrize("script_path", SCRIPTS, ids=[p.stem for p in SCRIPTS])
def test_each_section_is_complete_after_one_call(tmp_path: Path, script_path: Path) -> None:
    loaded = load_script(script_path)
    script = loaded.script
    room = tuple(Participant(NAMES[i], role) for i, role in enumerate(roles_of(script)))
    setup = SessionSetup("Acme", participants=room)
    engine = SessionEngine.begin(
        script, loaded.source, setup, open_store(tmp_path / "w.db"), FakeClock()
    )
    calls = initials = 0
    for index, part in enumerate(script.parts):
        if part.activity.kind != "signoff":
            continue
        engine.timing.go_to(index)  # False, and nothing done, if it is the current part already
        for section in part.activity.sections:
            initials += len(engine.signoff.sign_for_everyone(section.id))
            calls += 1
        assert all(progress.complete for progress in engine.signoff.progress())
    if script.id == "partnership-agreement":
        assert (calls, initials) == (23, 126)
