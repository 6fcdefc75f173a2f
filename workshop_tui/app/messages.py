"""Messages shared between screens and the app."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from textual.message import Message

if TYPE_CHECKING:
    from workshop_tui.app.living import Renegotiation
    from workshop_tui.app.sync_state import SyncState
    from workshop_tui.content.loaded import LoadedScript
    from workshop_tui.domain.engine import SessionEngine
    from workshop_tui.domain.snapshot import SessionSetup


class ScriptChosen(Message):
    """The facilitator picked a script to run: go to set-up."""

    def __init__(self, script_ref: str) -> None:
        super().__init__()
        self.script_ref = script_ref


class SessionChosen(Message):
    """The facilitator picked a stored session to resume."""

    def __init__(self, session_id: int) -> None:
        super().__init__()
        self.session_id = session_id


class RenegotiationChosen(Message):
    """The facilitator picked a finished session to renegotiate: set up its next version."""

    def __init__(self, session_id: int) -> None:
        super().__init__()
        self.session_id = session_id


class SessionRequested(Message):
    """Set-up is complete: create the session and start facilitating."""

    def __init__(
        self,
        loaded: LoadedScript,
        setup: SessionSetup,
        renegotiation: Renegotiation | None = None,
    ) -> None:
        super().__init__()
        self.loaded = loaded
        self.setup = setup
        self.renegotiation = renegotiation
        """The earlier agreement the new session renegotiates, if it does."""


class DraftKept(Message):
    """The set-up typed so far is kept aside at ``path`` (None: nothing is kept)."""

    def __init__(self, path: Path | None) -> None:
        super().__init__()
        self.path = path


class PickerRequested(Message):
    """Back to the list of scripts and sessions (set-up was left)."""


class SessionMoved(Message):
    """The session was finished or reopened: show the screen it needs now (the summary, or
    the facilitation screen), from the app's own task."""

    def __init__(self, engine: SessionEngine) -> None:
        super().__init__()
        self.engine = engine


class SyncChanged(Message):
    """What the team store has of this laptop's sessions changed (the console's mark)."""

    def __init__(self, state: SyncState) -> None:
        super().__init__()
        self.state = state
