"""What the tests of issue 29 share: the store and both exports read back as a customer
would get them, toasts, and the dialogs answered by keys.

Every check reads the database afresh (a read-only store of its own), so what a test
asserts is what was committed, and renders both documents the way ``workshop export``
does (with the agreement's lineage), never from the app's memory.
"""

from __future__ import annotations

from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import Static

from tests.ui.app_driver import enter_text, wait_for_screen, wait_until
from workshop_tui.app.living import lineage_for
from workshop_tui.dialogs.confirm import ConfirmDialog
from workshop_tui.dialogs.form import FormDialog
from workshop_tui.domain.snapshot import SessionSnapshot
from workshop_tui.export.markdown import render_agreement, render_markdown
from workshop_tui.screens.facilitate import FacilitateScreen
from workshop_tui.storage import open_store

PE = "product-engineering-agreement"
PE_ROOM = (
    ("Priya Nair", "Product lead"),
    ("Eli Ng", "Engineering lead"),
    ("Dana Wu", "Design lead"),
)
"""The three leads who initial the Product and Engineering agreement."""


def stored(db: Path, session_id: int) -> SessionSnapshot:
    """The session as the database holds it now."""
    with open_store(db, readonly=True) as store:
        return store.load_session(session_id)[1]


def exports(db: Path, session_id: int) -> tuple[str, str]:
    """The full notes and the agreement, as ``workshop export`` writes them."""
    with open_store(db, readonly=True) as store:
        script, session = store.load_session(session_id)
        lineage = lineage_for(store, script, session)
    return render_markdown(script, session, lineage), render_agreement(script, session, lineage)


def section_of(document: str, heading: str) -> str:
    """The text under a ``## heading`` of an exported document, up to the next one."""
    start = document.index(f"## {heading}\n")
    end = document.find("\n## ", start + 1)
    return document[start : end if end != -1 else len(document)]


def toasts(pilot: Pilot[None]) -> list[str]:
    """Every notification shown so far, as plain text."""
    return [str(notice.message) for notice in pilot.app._notifications]


async def toast_saying(pilot: Pilot[None], words: str) -> str:
    """Wait for a notification holding ``words``; return it."""
    await wait_until(pilot, lambda: any(words in text for text in toasts(pilot)))
    return next(text for text in toasts(pilot) if words in text)


async def confirm(pilot: Pilot[None], answer: str = "y") -> tuple[str, str]:
    """Answer the yes/no question that is open (or opening) with ``answer``; what it asked
    (its title) and said (its detail)."""
    dialog = await wait_for_screen(pilot, ConfirmDialog)
    title = str(dialog.query_one("#dialog-title", Static).render())
    details = list(dialog.query("#dialog-intro").results(Static))
    detail = str(details[0].render()) if details else ""
    await pilot.press(answer)
    await wait_until(pilot, lambda: pilot.app.screen is not dialog)
    return title, detail


async def fill(pilot: Pilot[None], *texts: str, save: bool = True) -> FormDialog:
    """Type each text into the open form's fields in turn (Tab between: a choice's list
    stays closed, an empty text leaves a field as it is), then Ctrl+S saves it."""
    dialog = await wait_for_screen(pilot, FormDialog)
    for number, text in enumerate(texts):
        if number:
            await pilot.press("tab")
        await enter_text(pilot, text)
    if save:
        await pilot.press("ctrl+s")
        await wait_until(pilot, lambda: pilot.app.screen is not dialog)
    return dialog


async def facilitating(pilot: Pilot[None]) -> FacilitateScreen:
    """The facilitation screen, once every dialog has closed."""
    screen = await wait_for_screen(pilot, FacilitateScreen)
    await pilot.app.workers.wait_for_complete()
    return screen
