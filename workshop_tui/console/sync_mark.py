"""The console's small mark of the team store: up to date, pushing, or offline with what
waits since when. Shown only when a team store is set; never on the room view."""

from __future__ import annotations

from textual.widgets import Static

from workshop_tui.app.sync_state import SyncState
from workshop_tui.widgets.plain_text import plain


class SyncMark(Static):
    """A muted line: "team store: up to date", "offline · 42 changes waiting since 10:41"
    (wrapped where the column is narrow, never cut)."""

    DEFAULT_CSS = """
    SyncMark {
        height: auto;
        width: 1fr;
        color: $text-muted;
        display: none;
        text-align: right;
        padding: 0 1;
    }
    SyncMark.-shown {
        display: block;
    }
    SyncMark.-offline {
        color: $warning;
    }
    """

    def show(self, state: SyncState | None) -> None:
        """Say ``state``; None: no team store is set, so nothing is shown."""
        self.set_class(state is not None, "-shown")
        if state is None:
            return
        self.set_class(state.offline_since is not None or bool(state.refused), "-offline")
        self.update(plain(state.mark))
