"""Who is in the room, as set-up asks for it: a person's name, role, side, and whom a
delegate signs for; the roles offered as one types, the script's signing roles first."""

from __future__ import annotations

from collections.abc import Sequence

from workshop_tui.dialogs.form import Field, FormDialog
from workshop_tui.domain.kinds import Side
from workshop_tui.domain.records import Participant

COMMON_ROLES = (
    "Product Owner",
    "Scrum Master",
    "Developer",
    "Sponsor",
    "Customer representative",
    "Stakeholder",
    "Facilitator",
)
SIDE_VALUES = {"customer": Side.CUSTOMER, "supplier": Side.SUPPLIER, "neither": Side.NONE}


def side_label(side: Side, customer: str, supplier: str) -> str:
    """A side as set-up shows it: "Customer: Acme Health", "Supplier", "—"."""
    if side is Side.CUSTOMER:
        return f"Customer: {customer}" if customer else "Customer"
    if side is Side.SUPPLIER:
        return f"Supplier: {supplier}" if supplier else "Supplier"
    return "—"


def person_dialog(
    roles: Sequence[str], customer: str, supplier: str, side: Side = Side.CUSTOMER
) -> FormDialog:
    """Add a participant: name, role (completed from ``roles``), side, and whom a delegate
    signs for (named once, for the whole session)."""
    sides = [
        (side_label(Side.CUSTOMER, customer, ""), "customer"),
        (side_label(Side.SUPPLIER, supplier, ""), "supplier"),
        ("Neither (an observer, the facilitator)", "neither"),
    ]
    chosen = next(name for name, value in SIDE_VALUES.items() if value is side)
    return FormDialog(
        "Add a participant",
        [
            Field("name", "Name", required=True),
            Field(
                "role",
                "Role (type; → completes)",
                suggestions=list(roles),
                placeholder="e.g. Product Owner",
            ),
            Field("side", "Side (c, s or n)", value=chosen, options=sides, required=True),
            Field(
                "delegate_for",
                "Signs in place of (a delegate; optional)",
                placeholder="Whose initials they give, for the whole session",
            ),
        ],
    )


def person_from(values: dict[str, str]) -> Participant:
    """The participant a filled person dialog describes."""
    return Participant(
        values["name"],
        values["role"],
        SIDE_VALUES.get(values["side"], Side.NONE),
        values["delegate_for"],
    )
