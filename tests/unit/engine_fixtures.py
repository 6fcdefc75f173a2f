"""A small script and a real store for engine tests: a file in a folder, or any store.

Each helper takes ``where``: a folder (the session goes to its ``engine.db``) or a
``StoreLocation`` (tests that run on both kinds of store pass ``store_location``).
"""

from __future__ import annotations

from pathlib import Path

from tests.store_kinds import location_of
from workshop_tui.content.model import Script
from workshop_tui.domain.clock import FakeClock
from workshop_tui.domain.engine import SessionEngine
from workshop_tui.domain.ports import SessionStore
from workshop_tui.domain.records import Participant
from workshop_tui.domain.snapshot import SessionSetup
from workshop_tui.locations import StoreLocation
from workshop_tui.storage import open_store

SOURCE = "# the script as text is stored with the session\n"


def small_script() -> Script:
    return Script.model_validate(
        {
            "id": "small",
            "title": "Small workshop",
            "purpose": "Exercise the engine.",
            "duration": "30m",
            "parts": [
                {"name": "Opening", "duration": "5m"},
                {
                    "name": "Type of work",
                    "duration": "10m",
                    "activity": {"kind": "cynefin", "items": ["Billing"]},
                },
                {
                    "name": "Promises",
                    "duration": "5m",
                    "activity": {
                        "kind": "promises",
                        "parties": [{"name": "Supplier"}, {"name": "Customer"}],
                    },
                },
                {
                    "name": "Sign-off",
                    "duration": "5m",
                    "activity": {
                        "kind": "signoff",
                        "signatories": ["Sponsor", "Product Owner"],
                        "sections": [{"title": "Scope", "text": "What is in."}],
                    },
                },
            ],
        }
    )


def engine_store(where: Path | StoreLocation) -> StoreLocation:
    """The store of the engine tests: ``where`` itself, or ``engine.db`` in that folder."""
    return location_of(where, "engine.db")


def new_engine(
    where: Path | StoreLocation,
    clock: FakeClock | None = None,
    *,
    store: SessionStore | None = None,
) -> tuple[SessionEngine, FakeClock]:
    """A session of ``small_script`` in ``where``, through ``store`` if one is given."""
    clock = clock or FakeClock()
    store = store or open_store(engine_store(where))
    setup = SessionSetup(
        customer="Acme",
        facilitator="Kim",
        participants=(Participant("Ana", "Product Owner"), Participant("Bo", "Sponsor")),
    )
    return SessionEngine.begin(small_script(), SOURCE, setup, store, clock), clock


def reload(where: Path | StoreLocation, engine: SessionEngine, clock: FakeClock) -> SessionEngine:
    """The same session, opened again from the store by a fresh store, as after a restart."""
    store = open_store(engine_store(where))
    reopened, _ = SessionEngine.reopen(engine.session.id, store, clock)
    return reopened


def agreement_script() -> Script:
    """A script whose sign-off presents the session's results: promises, a decision, agility."""
    return Script.model_validate(
        {
            "id": "agreement",
            "title": "Agreement workshop",
            "purpose": "Exercise what sign-off presents.",
            "duration": "40m",
            "parts": [
                {
                    "name": "Type of work",
                    "duration": "5m",
                    "activity": {"kind": "cynefin", "items": ["Billing"]},
                },
                {
                    "name": "Promises",
                    "duration": "10m",
                    "activity": {
                        "kind": "promises",
                        "parties": [
                            {"name": "Supplier", "promises": ["A usable increment"]},
                            {"name": "Customer", "promises": ["Provide a Product Owner"]},
                        ],
                    },
                },
                {
                    "name": "Decide",
                    "duration": "5m",
                    "activity": {
                        "kind": "decisions",
                        "questions": [{"question": "Release monthly?", "method": "consent"}],
                    },
                },
                {
                    "name": "Sign-off",
                    "duration": "10m",
                    "activity": {
                        "kind": "signoff",
                        "signatories": ["Sponsor", "Product Owner", "Lead"],
                        "sections": [
                            {
                                "id": "supplier",
                                "title": "Supplier promises",
                                "text": "The supplier keeps these promises.",
                                "presents": [{"promises": "Supplier"}],
                            },
                            {
                                "id": "agility",
                                "title": "Level of agility",
                                "presents": [
                                    "agility",
                                    {"decision": "Release monthly?"},
                                    {"text": "It goes into the Statement of Work."},
                                ],
                            },
                            {"id": "alive", "title": "Alive", "text": "We revisit it."},
                        ],
                    },
                },
                {"name": "Next steps", "duration": "5m", "activity": {"kind": "actions"}},
            ],
        }
    )


ROOM = (
    Participant("Ana Ruiz", "Product Owner"),
    Participant("Bo Chen", "Sponsor"),
    Participant("Cy Diaz", "Lead"),
)


def agreement_engine(
    where: Path | StoreLocation,
    clock: FakeClock | None = None,
    *,
    store: SessionStore | None = None,
) -> tuple[SessionEngine, FakeClock]:
    """A session of ``agreement_script`` with one person for each role (through ``store``)."""
    clock = clock or FakeClock()
    store = store or open_store(engine_store(where))
    setup = SessionSetup(customer="Acme", facilitator="Kim", participants=ROOM)
    return SessionEngine.begin(agreement_script(), SOURCE, setup, store, clock), clock
