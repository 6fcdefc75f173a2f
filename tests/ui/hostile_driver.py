"""Drive the whole app with hostile text: set-up, then every dialog of every part.

The driver finds dialogs and their fields the way a person does (whatever modal
screen is on top, the text boxes in it), so it needs nothing of the app but its
screens' names. Text is typed key by key when it can be (short, printable) and
pasted otherwise, as a terminal delivers a paste; a dialog is saved with Ctrl+S,
tried once more with plain text in any field it refused, and else closed with
Escape. After every step the app must still run, and the screen must hold no
raw control character.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from textual import events
from textual.pilot import Pilot
from textual.screen import ModalScreen
from textual.widgets import Input, Select

from tests.hostile_text import HostileText, raw_controls
from tests.ui.app_driver import wait_for_screen, wait_until
from tests.ui.screen_reader import screen_lines
from workshop_tui.screens.facilitate import FacilitateScreen
from workshop_tui.screens.setup import SetupScreen

KEYS_OF_EVERY_PART = ("n",)
"""The facilitation screen's key that opens a dialog on every part (its title names it)."""
KEYS_OF_THE_FIRST_PART = ("ctrl+e",)
KEYS_OF = {
    "discussion": (),
    "cynefin": ("a", "1", "r", "o", "c", "right", "r"),
    "promises": ("a", "enter", "m", "o", "y", "right", "a", "d"),
    "signoff": ("i", "h", "down", "a"),
    "decisions": ("a", "o", "r", "enter", "w", "down", "v", "w", "down", "v", "enter", "w"),
    "actions": ("a", "enter", "d", "down", "enter", "up", "enter"),
}
"""Per activity: keys pressed in turn; any that opens a dialog gets it filled."""
KEYS_AGAIN = {
    "discussion": (),
    "cynefin": ("a",),
    "promises": ("m", "enter", "o"),
    "signoff": ("i",),
    "decisions": ("o",),
    "actions": ("enter",),
}
"""On a later part of a kind already driven: a dialog showing this part's own text."""
PLAIN = {"amount": "2m", "due": "", "0": "1", "1": "", "2": "", "3": "2", "4": "", "5": ""}
"""Text a field accepts when it refused hostile text (the rest get "plain")."""
PEOPLE = 2
"""Participants added on set-up."""
LONGEST_TYPED = 8
"""Longer text is pasted: each key typed through Pilot waits for the app to be idle."""


class AppStopped(AssertionError):
    """The app exited (or crashed) in the middle of the drive."""


@dataclass
class Drive:
    """What one drive did: every text entered, and what the app made of some of it."""

    texts: HostileText
    entered: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    """What each note dialog was given, in order."""
    plain_after: int = -1
    """Texts up to this count (0-based) are plain; for a drive resumed after a crash."""
    strict: bool = True
    """Fail on raw control characters on screen; else only count the screens that had some."""
    screens_with_controls: int = 0

    def next_text(self) -> str:
        text = self.texts.one()
        index = len(self.entered)
        self.entered.append(text)
        return "plain" if index <= self.plain_after else text


def expected(text: str) -> str:
    """What a field keeps of ``text`` once entered: its first line, no control characters
    (a tab becomes a space), without the spaces around it."""
    if needs_paste(text):
        lines = text.splitlines()
        text = lines[0] if lines else ""
    kept = (" " if char == "\t" else char for char in text if char == "\t" or not _is_control(char))
    return "".join(kept).strip()


def _is_control(char: str) -> bool:
    return unicodedata.category(char) == "Cc"


def needs_paste(text: str) -> bool:
    """Whether ``text`` cannot be typed key by key (too long, or a key Pilot cannot name)."""
    if len(text) > LONGEST_TYPED:
        return True
    for char in text:  # letters, digits, punctuation, symbols and spaces can be typed
        if unicodedata.category(char)[0] not in "LNPSZ" or not char.isprintable():
            return True
        try:
            unicodedata.name(char)
        except ValueError:
            return True
    return False


def check_alive(pilot: Pilot[None], drive: Drive | None = None) -> None:
    """The app still runs and shows no raw control character."""
    app = pilot.app
    if app.return_code is not None or not app.is_running:
        raise AppStopped(f"the app stopped with status {app.return_code}")
    screen_text = "".join(screen_lines(app))
    assert "Traceback" not in screen_text
    controls = raw_controls(screen_text)
    if drive is not None and not drive.strict:
        drive.screens_with_controls += bool(controls)
        return
    assert not controls, f"raw control characters on screen: {controls[:5]!r}"


async def enter_text(pilot: Pilot[None], box: Input, text: str) -> None:
    """Put ``text`` into ``box`` as a person would: typed, or pasted when it cannot be."""
    box.value = ""
    if needs_paste(text):
        box.post_message(events.Paste(text))  # what the terminal's paste delivers to the field
    else:
        box.focus()
        await pilot.pause()
        await pilot.press(*[_key(char) for char in text])


def _key(char: str) -> str:
    return "space" if char == " " else char


def dialog_on_top(pilot: Pilot[None]) -> ModalScreen[Any] | None:
    screen = pilot.app.screen
    return screen if isinstance(screen, ModalScreen) else None


def text_fields(dialog: ModalScreen[Any]) -> list[Input]:
    return [box for box in dialog.query(Input) if not box.disabled]


async def fill_dialog(
    pilot: Pilot[None], drive: Drive, on_note: Callable[[str], None] | None = None
) -> None:
    """Fill the dialog on top with hostile text and save; plain text if refused; else close."""
    dialog = dialog_on_top(pilot)
    assert dialog is not None
    boxes = text_fields(dialog)
    if not boxes:  # a question: yes
        await pilot.press("y")
        check_alive(pilot, drive)
        return
    given = {}
    for box in boxes:
        text = drive.next_text()
        given[box.id] = text
        await enter_text(pilot, box, text)
    await pilot.pause()
    check_alive(pilot, drive)
    if on_note is not None:
        on_note(given.get("field-text", ""))
    await pilot.press("ctrl+s")
    check_alive(pilot, drive)
    if dialog_on_top(pilot) is dialog:  # refused: plain text where it may have objected
        for box in boxes:
            name = (box.id or "").removeprefix("field-")
            box.value = PLAIN.get(name, "plain")
        for select in dialog.query(Select):
            if select.is_blank() and len(select._options) > 1:
                select.value = select._options[1][1]
        await pilot.press("ctrl+s")
        check_alive(pilot, drive)
    if dialog_on_top(pilot) is dialog:
        await pilot.press("escape")
        check_alive(pilot, drive)


async def drive_setup(pilot: Pilot[None], drive: Drive, people: int = PEOPLE) -> None:
    """Type a hostile customer, facilitator and participants; start the workshop."""
    screen = await wait_for_screen(pilot, SetupScreen)
    for name in ("customer", "facilitator"):
        await enter_text(pilot, screen.query_one(f"#{name}", Input), drive.next_text())
    await pilot.pause()
    check_alive(pilot, drive)
    for _ in range(people):
        await pilot.press("ctrl+a")
        await wait_until(pilot, lambda: dialog_on_top(pilot) is not None)
        await fill_dialog(pilot, drive)
        await wait_for_screen(pilot, SetupScreen)
    customer = screen.query_one("#customer", Input)
    if not customer.value.strip():
        customer.value = "plain"
    await pilot.press("ctrl+s")
    await wait_for_screen(pilot, FacilitateScreen)
    check_alive(pilot, drive)


async def drive_parts(
    pilot: Pilot[None], drive: Drive, driven: set[str] | None = None
) -> FacilitateScreen:
    """On every part: its note, then the activity's keys (all of them on the first part of a
    kind not in ``driven``, one dialog's worth on a part of a kind driven already), each
    dialog filled."""
    screen = await wait_for_screen(pilot, FacilitateScreen)
    engine = screen.engine
    driven = set() if driven is None else set(driven)
    for index, part in enumerate(engine.script.parts):
        while engine.index < index:
            await pilot.press("pagedown")
            await pilot.pause()
            check_alive(pilot, drive)
        kind = part.activity.kind
        keys = KEYS_AGAIN[kind] if kind in driven else KEYS_OF[kind]
        driven.add(kind)
        first = KEYS_OF_THE_FIRST_PART if index == 0 else ()
        for key in (*KEYS_OF_EVERY_PART, *first, *keys):
            await pilot.press(key)
            await pilot.pause()
            check_alive(pilot, drive)
            for _ in range(3):  # a question may come first (initial what is not settled?)
                if dialog_on_top(pilot) is None:
                    break
                note = drive.notes.append if key == "n" else None
                await fill_dialog(pilot, drive, note)
                await pilot.pause()
            await wait_for_screen(pilot, FacilitateScreen)
    return screen


async def drive_extras(pilot: Pilot[None], drive: Drive) -> None:
    """Tips, help, go-to, export, finish: every other place a script's text shows."""
    for keys in (("t",), ("question_mark",), ("escape",), ("t",), ("x",), ("g",)):
        await pilot.press(*keys)
        await pilot.pause()
        check_alive(pilot, drive)
    if dialog_on_top(pilot) is not None:
        await pilot.press("escape")
        await pilot.pause()
    await pilot.press("f")
    await wait_until(pilot, lambda: dialog_on_top(pilot) is not None)
    await pilot.press("y")
    await pilot.pause()
    check_alive(pilot, drive)


def hostile_script(path: Path, texts: HostileText) -> Path:
    """A script whose every title, name, party, section, question and item is hostile."""
    seen: set[str] = set()

    def one() -> str:
        while True:
            text = texts.printable_one()[:300]
            if text.strip().casefold() not in seen and text.strip():
                seen.add(text.strip().casefold())
                return text

    roles = [one(), one()]
    script = {
        "id": "hostile",
        "title": one(),
        "purpose": one(),
        "duration": "60m",
        "audience": one(),
        "prepared_materials": [one(), one()],
        "facilitation_tips": [one()],
        "takeaways": [one()],
        "parts": [
            {
                "id": "talk",
                "name": one(),
                "duration": "5m",
                "goal": one(),
                "steps": [one(), one()],
                "prompts": [one()],
                "facilitator_notes": [one()],
            },
            {
                "id": "board",
                "name": one(),
                "duration": "5m",
                "activity": {
                    "kind": "cynefin",
                    "items": [one(), one()],
                    "domain_prompts": {"complex": one(), "clear": one()},
                },
            },
            {
                "id": "promises",
                "name": one(),
                "duration": "5m",
                "activity": {
                    "kind": "promises",
                    "parties": [
                        {"name": one(), "promises": [{"text": one(), "detail": one()}, one()]},
                        {"name": one(), "promises": [one()]},
                    ],
                },
            },
            {
                "id": "decide",
                "name": one(),
                "duration": "5m",
                "activity": {
                    "kind": "decisions",
                    "questions": [
                        {"question": one()},
                        {"question": one(), "method": "fist_of_five"},
                        {"question": one(), "method": "dot_voting", "options": [one(), one()]},
                    ],
                },
            },
            {
                "id": "sign",
                "name": one(),
                "duration": "5m",
                "activity": {
                    "kind": "signoff",
                    "signatories": roles,
                    "sections": [
                        {"id": "first", "title": one(), "text": one()},
                        {"id": "second", "title": one(), "text": one(), "initials_by": [roles[0]]},
                    ],
                },
            },
            {
                "id": "next",
                "name": one(),
                "duration": "5m",
                "activity": {
                    "kind": "actions",
                    "suggested": [one(), {"text": one(), "owner": one()}],
                },
            },
        ],
    }
    path.write_text(yaml.safe_dump(script, allow_unicode=True), encoding="utf-8")
    return path
