"""A small script and a real store for engine tests."""

from __future__ import annotations

from pathlib import Path

from workshop_tui.content.model import Script
from workshop_tui.domain.clock import FakeClock
from workshop_tui.domain.engine import SessionEngine
from workshop_tui.domain.records import Participant
from workshop_tui.domain.snapshot import SessionSetup
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


def new_engine(tmp_path: Path, clock: FakeClock | None = None) -> tuple[SessionEngine, FakeClock]:
    clock = clock or FakeClock()
    store = open_store(tmp_path / "engine.db")
    setup = SessionSetup(
        customer="Acme",
        facilitator="Kim",
        participants=(Participant("Ana", "Product Owner"), Participant("Bo", "Sponsor")),
    )
    return SessionEngine.begin(small_script(), SOURCE, setup, store, clock), clock


def reload(tmp_path: Path, engine: SessionEngine, clock: FakeClock) -> SessionEngine:
    """The same session, opened again from the file by a fresh store, as after a restart."""
    reopened, _ = SessionEngine.reopen(engine.session.id, open_store(tmp_path / "engine.db"), clock)
    return reopened
