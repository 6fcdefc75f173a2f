"""The offer a second facilitator app makes when the session is open elsewhere."""

from __future__ import annotations

from textual.app import App

from workshop_tui.dialogs.confirm import ConfirmDialog


async def offer_room_view(app: App[None], problem: str) -> bool:
    """Ask whether to open the room view of a session another app holds (inside a worker)."""
    answer = await app.push_screen_wait(
        ConfirmDialog(
            "This session is open in another workshop-tui",
            f"{problem}. Its room view can follow it here, read-only (for the projector).",
            yes="Open the room view",
            no="Close",
        )
    )
    return bool(answer)
