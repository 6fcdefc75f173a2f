"""The set-up typed so far, kept aside until the session is created.

Set-up lives in memory until Ctrl+S creates the session; a crash, a kill or a
store that cannot be opened would throw away the customer, the facilitator and
the participants typed. So every change on the set-up screen writes a small
draft next to the database's folder (``drafts/setup-<script id>.json`` in the
data folder): written to a temporary file, flushed to disk and renamed over
the old one, so a draft is always whole, and readable by its owner only.
Starting the same script again offers it back; creating the session removes it.
"""

from __future__ import annotations

import contextlib
import json
import os
import tempfile
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from workshop_tui.domain.kinds import Side
from workshop_tui.domain.records import Participant
from workshop_tui.locations import data_dir

VERSION = 1


@dataclass(frozen=True, slots=True)
class SetupDraft:
    """What the set-up screen held."""

    customer: str = ""
    facilitator: str = ""
    participants: tuple[Participant, ...] = ()
    materials_checked: tuple[str, ...] = ()
    saved_at: datetime = field(default_factory=lambda: datetime.now(UTC))
    supplier: str = ""

    @property
    def empty(self) -> bool:
        """Nothing typed, nobody added, nothing ticked."""
        return not (
            self.customer.strip()
            or self.supplier.strip()
            or self.facilitator.strip()
            or self.participants
            or self.materials_checked
        )

    def summary(self) -> str:
        """What the draft holds, in one line for a question."""
        customer, facilitator = self.customer.strip(), self.facilitator.strip()
        parts = [f"customer “{customer}”" if customer else "no customer"]
        if supplier := self.supplier.strip():
            parts.append(f"supplier “{supplier}”")
        if facilitator:
            parts.append(f"facilitator “{facilitator}”")
        people = len(self.participants)
        if people:
            names = ", ".join(person.name for person in self.participants[:4])
            more = f" and {people - 4} more" if people > 4 else ""
            parts.append(f"{people} participant{'s' if people != 1 else ''} ({names}{more})")
        if self.materials_checked:
            parts.append(f"{len(self.materials_checked)} materials ticked")
        return ", ".join(parts)


def draft_path(script_id: str) -> Path:
    """Where the set-up draft of ``script_id`` is kept."""
    return data_dir() / "drafts" / f"setup-{script_id}.json"


def save_draft(script_id: str, draft: SetupDraft) -> Path:
    """Write ``draft`` aside, whole or not at all (owner-only); an empty one removes it.

    Raises OSError when the data folder cannot be written.
    """
    path = draft_path(script_id)
    if draft.empty:
        remove_draft(script_id)
        return path
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    document = {
        "version": VERSION,
        "script_id": script_id,
        "saved_at": draft.saved_at.isoformat(),
        "customer": draft.customer,
        "facilitator": draft.facilitator,
        "supplier": draft.supplier,
        "participants": [
            [person.name, person.role, person.side.value, person.delegate_for]
            for person in draft.participants
        ],
        "materials_checked": list(draft.materials_checked),
    }
    descriptor, temporary = tempfile.mkstemp(prefix=".setup-", dir=path.parent)  # mode 0600
    try:
        with os.fdopen(descriptor, "w", encoding="utf-8") as file:
            json.dump(document, file, ensure_ascii=False)
            file.flush()
            os.fsync(file.fileno())
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return path


def load_draft(script_id: str) -> SetupDraft | None:
    """The draft kept for ``script_id``, or None (none kept, or not readable as one)."""
    try:
        document = json.loads(draft_path(script_id).read_text(encoding="utf-8"))
        if document.get("script_id") != script_id:
            return None
        draft = SetupDraft(
            customer=str(document.get("customer", "")),
            facilitator=str(document.get("facilitator", "")),
            participants=tuple(_person(row) for row in document.get("participants", [])),
            supplier=str(document.get("supplier", "")),
            materials_checked=tuple(str(item) for item in document.get("materials_checked", [])),
            saved_at=datetime.fromisoformat(document["saved_at"]),
        )
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None
    return None if draft.empty else draft


def remove_draft(script_id: str) -> None:
    """Forget the draft of ``script_id`` (the session was created, or the user said so)."""
    with contextlib.suppress(OSError):  # a draft left behind is offered again, never harmful
        draft_path(script_id).unlink(missing_ok=True)


def _person(row: list[object]) -> Participant:
    """A participant as a draft keeps them: name and role (and, since sides, side and whom
    a delegate signs for)."""
    name, role, *more = (str(value) for value in row)
    side = Side(more[0]) if more else Side.NONE
    return Participant(name, role, side, more[1] if len(more) > 1 else "")
