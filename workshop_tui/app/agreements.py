"""The app's keys for living agreements: what changed (Ctrl+G) and planned against actual
(Ctrl+O), over the store and the session the app holds, and the choice of script version
when a renegotiation's script file has changed."""

from __future__ import annotations

from typing import Any

from textual.app import App

from workshop_tui.app.living import lineage_for
from workshop_tui.dialogs.confirm import ConfirmDialog
from workshop_tui.dialogs.form import Field, FormDialog
from workshop_tui.domain.engine import SessionEngine
from workshop_tui.domain.living.part_stats import part_figures
from workshop_tui.domain.ports import SessionStore, StoreError
from workshop_tui.domain.snapshot import SessionSummary
from workshop_tui.screens.changes import ChangesScreen
from workshop_tui.screens.stats import StatsScreen
from workshop_tui.widgets.plain_text import notify


def show_changes(app: App[Any], store: SessionStore | None, engine: SessionEngine | None) -> None:
    """What changed since the version this session renegotiates."""
    if engine is None or store is None:
        notify(app, "Open a session first: its changes are against its last version.")
        return
    if isinstance(app.screen, ChangesScreen):
        return
    try:
        lineage = lineage_for(store, engine.script, engine.session)
    except StoreError as error:
        notify(app, str(error), title="Cannot compare", severity="error")
        return
    app.push_screen(ChangesScreen(lineage))


def show_stats(app: App[Any], store: SessionStore | None, engine: SessionEngine | None) -> None:
    """Planned against actual per part: this session's script, or every script."""
    if store is None or isinstance(app.screen, StatsScreen):
        return
    wanted = engine.script.id if engine is not None else None
    try:
        runs = store.timing_runs(wanted)
    except StoreError as error:
        notify(app, str(error), title="Cannot read the sessions", severity="error")
        return
    what = engine.script.title if engine is not None else "every script"
    app.push_screen(StatsScreen(part_figures((r.script, r.timings) for r in runs), what))


async def use_current_script(app: App[Any], note: str) -> bool:
    """Whether a renegotiation uses the script file as it is now (or the stored copy)."""
    current = await app.push_screen_wait(
        ConfirmDialog(
            "The script file has changed since that session",
            f"{note} Use the current file for the new version?",
            yes="Current file",
            no="Stored copy",
        )
    )
    return bool(current)


async def choose_fork(app: App[Any], ends: list[SessionSummary], asked: int) -> int | None:
    """Which end of a fork the next version builds on (None: not now); ``asked`` is chosen
    first. Nothing is overwritten: the other end stays in the history as it is."""
    options = [(_end(summary), str(summary.id)) for summary in ends]
    values = await app.push_screen_wait(
        FormDialog(
            "This version was renegotiated twice",
            [Field("session", "Build the next version on", str(asked), options=options)],
            intro="Two laptops renegotiated the same version offline; both versions are kept. "
            "Choose the one the next version builds on.",
            save_label="Build on it",
        )
    )
    return int(values["session"]) if values and values["session"] else None


def _end(summary: SessionSummary) -> str:
    day = (summary.started_at or summary.created_at).astimezone().strftime("%Y-%m-%d")
    by = f", by {summary.facilitator}" if summary.facilitator else ""
    return f"session {summary.id} of {day}{by}"
