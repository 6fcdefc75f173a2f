"""Dependencies point toward the domain: each layer imports only what it may."""

from __future__ import annotations

import subprocess
import sys

import pytest

from tests.conftest import REPO

UI = ("textual", "rich")
DATABASE = ("sqlmodel", "sqlalchemy", "sqlite3")
ENGINE = ("workshop_tui.domain.engine",)
CONTROLS = ("workshop_tui.controls",)
SCREENS = ("workshop_tui.screens",)
DIALOGS = ("workshop_tui.dialogs",)
BOARDS = ("workshop_tui.boards",)
READ_MODELS = (
    "workshop_tui.domain.read_models.actions workshop_tui.domain.read_models.brief "
    "workshop_tui.domain.read_models.cynefin workshop_tui.domain.read_models.decisions "
    "workshop_tui.domain.read_models.notes workshop_tui.domain.read_models.promises "
    "workshop_tui.domain.read_models.signoff workshop_tui.domain.read_models.timing "
    "workshop_tui.domain.read_models.audience"
)
EVERY_BOARD = (
    "workshop_tui.boards.registry workshop_tui.boards.agenda workshop_tui.boards.brief "
    "workshop_tui.boards.timer workshop_tui.boards.full_timer"
)
EVERY_DIALOG = (
    "workshop_tui.dialogs.form workshop_tui.dialogs.confirm workshop_tui.dialogs.key_hold"
)

ROOM_VIEW = (
    "workshop_tui.room.app workshop_tui.room.live workshop_tui.room.screens "
    "workshop_tui.room.full_timer workshop_tui.room.command"
)

RULES = {
    # module(s) imported together: packages that must stay out of sys.modules
    "workshop_tui.domain.engine workshop_tui.domain.views workshop_tui.domain.agility "
    "workshop_tui.domain.decisions workshop_tui.domain.due_dates": UI + DATABASE + ("yaml",),
    "workshop_tui.content.loader workshop_tui.content.catalog": UI + DATABASE,
    "workshop_tui.storage.repository workshop_tui.storage.opener": UI,
    "workshop_tui.export.markdown workshop_tui.export.files": UI + DATABASE,
    "workshop_tui.app": DATABASE,
    # The read models are the domain's: they need no engine, so a reader of the store can
    # build them from a snapshot alone.
    READ_MODELS: UI + DATABASE + ("yaml",) + ENGINE,
    # Boards draw views: no engine, no dialog, no control, no screen.
    EVERY_BOARD: ENGINE + DIALOGS + CONTROLS + SCREENS + DATABASE,
    # The themes are shared with the room view: colours only.
    "workshop_tui.themes": ENGINE + DIALOGS + BOARDS + CONTROLS + SCREENS + DATABASE,
    # Dialogs sit below every widget that opens them.
    EVERY_DIALOG: BOARDS + CONTROLS + SCREENS + ENGINE + DATABASE,
    # The room view composes boards only: no engine, control, dialog or console screen can
    # reach the projector; the store is opened in a worker, after the first frame.
    ROOM_VIEW: ENGINE + DIALOGS + CONTROLS + SCREENS + DATABASE,
    # The follower reads the store for the room view and knows nothing of the UI.
    "workshop_tui.storage.following workshop_tui.storage.room_signals": UI,
    # Controls drive boards through the engine; screens compose controls, never the reverse.
    "workshop_tui.controls.registry workshop_tui.controls.corrections": SCREENS + DATABASE,
    # Living agreements: chains, changes and carry-overs are functions of snapshots.
    "workshop_tui.domain.chain workshop_tui.domain.changes workshop_tui.domain.lineage "
    "workshop_tui.domain.change_lines workshop_tui.domain.renegotiation "
    "workshop_tui.domain.part_stats workshop_tui.domain.customers": UI
    + DATABASE
    + ("yaml",)
    + ENGINE,
    "workshop_tui.export.living workshop_tui.export.calendar": UI + DATABASE,
    "workshop_tui.living": UI + DATABASE,
    "workshop_tui.living_commands": UI + DATABASE + ENGINE,
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
