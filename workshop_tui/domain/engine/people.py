"""People who come and go while the session runs: a latecomer, someone leaving, someone
taking another's place, a delegate who signs for a role.

Nobody is ever removed from the record: a person who leaves keeps their row, with the
time they left (their initials stay theirs); a latecomer's row says when they joined. A
delegate is named once, for the whole session: from then on they initial for the role in
the place of the person named, section after section.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

from workshop_tui.domain.engine.core import EngineError, SessionCore, require_text
from workshop_tui.domain.kinds import Side
from workshop_tui.domain.records import Participant
from workshop_tui.domain.rules.sides import person_named
from workshop_tui.domain.snapshot import SessionSetup


class People:
    """Change who is in the room, each change stored with its time."""

    def __init__(self, core: SessionCore) -> None:
        self._core = core

    def join(self, name: str, role: str = "", side: Side = Side.NONE) -> Participant:
        """A latecomer joins (or anyone, during the session), from now on."""
        require_text(name, "the name")
        core = self._core
        if (here := person_named(core.session.setup.present, name)) is not None:
            raise EngineError(f"{here.name} is here already")
        person = Participant(name.strip(), role.strip(), side, joined_at=self._now())
        self._save((*core.session.setup.participants, person))
        return person

    def leave(self, name: str) -> Participant:
        """Someone leaves: their row stays, with the time they left."""
        core = self._core
        here = person_named(core.session.setup.present, name)
        if here is None:
            raise EngineError(f"nobody called {name.strip()} is in the room")
        gone = replace(here, left_at=self._now())
        self._save(tuple(gone if p is here else p for p in core.session.setup.participants))
        return gone

    def replace(self, name: str, newcomer: str) -> Participant:
        """``newcomer`` takes the place (and the role and side) of ``name``, who leaves."""
        require_text(newcomer, "the name of who takes the place")
        core = self._core
        here = person_named(core.session.setup.present, name)
        if here is None:
            raise EngineError(f"nobody called {name.strip()} is in the room")
        now = self._now()
        gone = replace(here, left_at=now)
        person = Participant(newcomer.strip(), here.role, here.side, joined_at=now)
        people = [gone if p is here else p for p in core.session.setup.participants]
        self._save((*people, person))
        return person

    def delegate(self, name: str, role: str, for_whom: str, side: Side = Side.NONE) -> Participant:
        """``name`` initials for ``role`` in place of ``for_whom``, for the rest of the session
        (named once: every section then takes the delegate's initials for that role)."""
        require_text(name, "the delegate's name")
        require_text(role, "the role the delegate signs for")
        require_text(for_whom, "whom the delegate signs for")
        core = self._core
        people = core.session.setup.participants
        if side is Side.NONE and (stood_for := person_named(people, for_whom)) is not None:
            side = stood_for.side  # they sign for the same organisation
        person = Participant(
            name.strip(), role.strip(), side, delegate_for=for_whom.strip(), joined_at=self._now()
        )
        self._save((*people, person))
        return person

    def _now(self) -> datetime | None:
        """The time of a change, once the session has started (before it: there all along)."""
        core = self._core
        core.require_open()
        return core.clock.now() if core.session.started_at is not None else None

    def _save(self, participants: tuple[Participant, ...]) -> None:
        """Store the new list first; only then does the session's set-up change."""
        core = self._core
        setup: SessionSetup = replace(core.session.setup, participants=participants)
        now = core.clock.now()
        core.store.save_setup(core.session.id, setup, now)
        core.session.setup = setup
        core.session.last_seen_at = now
