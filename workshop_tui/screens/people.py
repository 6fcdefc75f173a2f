"""People change during a workshop (P): a latecomer joins, someone leaves, someone takes
another's place, a delegate signs for a role. Each change is stored with its time.

The flow reads top to bottom: what changes, then who, then it is recorded and said.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from textual.screen import Screen

from workshop_tui.dialogs.form import Field, FormDialog
from workshop_tui.domain.engine import EngineError
from workshop_tui.domain.kinds import Side
from workshop_tui.domain.ports import StoreError
from workshop_tui.domain.read_models.local_time import hhmm
from workshop_tui.domain.records import Participant
from workshop_tui.domain.rules.roles import role_suggestions, signing_roles
from workshop_tui.screens.setup_people import COMMON_ROLES, SIDE_VALUES, side_label
from workshop_tui.widgets.plain_text import notify

if TYPE_CHECKING:
    from workshop_tui.domain.engine import SessionEngine

CHANGES = [
    ("Someone joins (a latecomer)", "join"),
    ("Someone leaves", "leave"),
    ("Someone takes another's place", "replace"),
    ("A delegate signs for a role, in someone's place", "delegate"),
]


async def change_people(screen: Screen[None], engine: SessionEngine) -> bool:
    """Ask what changes and who, record it; True when something was recorded."""
    app = screen.app
    asked = await app.push_screen_wait(
        FormDialog(
            "Who is in the room",
            [Field("change", "What changes?", "join", options=CHANGES, required=True)],
            intro=_present_line(engine),
            save_label="Next",
        )
    )
    if not asked:
        return False
    setup = engine.session.setup
    names = [(p.name, p.name) for p in setup.present]
    dialog = {
        "join": lambda: _join_dialog(engine),
        "leave": lambda: FormDialog(
            "Someone leaves",
            [Field("name", "Who leaves?", names[0][1] if names else "", options=names)],
            intro="Their initials stay theirs; they initial nothing more.",
            save_label="Leaves",
        ),
        "replace": lambda: FormDialog(
            "Someone takes another's place",
            [
                Field("name", "Who leaves?", names[0][1] if names else "", options=names),
                Field("newcomer", "Who takes their place (role and side stay)", required=True),
            ],
            save_label="Record",
        ),
        "delegate": lambda: _delegate_dialog(engine),
    }[asked["change"]]()
    values = await app.push_screen_wait(dialog)
    if not values:
        return False
    try:
        said = _record(engine, asked["change"], values)
    except (EngineError, StoreError) as error:
        notify(screen, str(error), title="Not recorded", severity="error")
        return False
    notify(screen, said, title="Who is in the room", timeout=8)
    return True


def _record(engine: SessionEngine, change: str, values: dict[str, str]) -> str:
    people = engine.people
    if change == "join":
        side = SIDE_VALUES.get(values["side"], Side.NONE)
        person = people.join(values["name"], values["role"], side)
        return f"{person.name} joined{_at(person.joined_at)}{_as(person)}."
    if change == "leave":
        gone = people.leave(values["name"])
        return f"{gone.name} left{_at(gone.left_at)}."
    if change == "replace":
        person = people.replace(values["name"], values["newcomer"])
        took = f"took the place of {values['name']}{_at(person.joined_at)}"
        return f"{person.name} {took}{_as(person)}."
    person = people.delegate(values["name"], values["role"], values["for_whom"])
    return (
        f"{person.name} initials for {person.role} in place of {person.delegate_for}, "
        "in every section from now on."
    )


def _join_dialog(engine: SessionEngine) -> FormDialog:
    setup = engine.session.setup
    sides = [
        (side_label(Side.CUSTOMER, setup.customer, ""), "customer"),
        (side_label(Side.SUPPLIER, setup.supplier, ""), "supplier"),
        ("Neither", "neither"),
    ]
    return FormDialog(
        "Someone joins",
        [
            Field("name", "Name", required=True),
            Field(
                "role",
                "Role (type; → completes)",
                suggestions=role_suggestions(engine.script, COMMON_ROLES),
            ),
            Field("side", "Side (c, s or n)", "customer", options=sides, required=True),
        ],
        save_label="Joins",
    )


def _delegate_dialog(engine: SessionEngine) -> FormDialog:
    roles = [(role, role) for role in signing_roles(engine.script)]
    people = [p.name for p in engine.session.setup.participants]
    return FormDialog(
        "A delegate signs for a role",
        [
            Field("name", "The delegate's name", required=True, suggestions=people),
            Field("role", "Signs for the role", roles[0][1] if roles else "", options=roles),
            Field("for_whom", "In place of", required=True, suggestions=people),
        ],
        intro="Named once: every section takes the delegate's initials for that role.",
        save_label="Record",
    )


def _present_line(engine: SessionEngine) -> str:
    present = engine.session.setup.present
    if not present:
        return "Nobody is listed in the room yet."
    return "In the room: " + ", ".join(
        f"{p.name} ({p.role})" if p.role else p.name for p in present
    )


def _at(moment: datetime | None) -> str:
    return f" at {hhmm(moment)}" if moment is not None else ""


def _as(person: Participant) -> str:
    return f" as {person.role}" if person.role else ""
