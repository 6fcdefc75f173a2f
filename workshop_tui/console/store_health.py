"""One line on the console, under the header, while the team store cannot be reached: since
when, and that nothing typed is lost. Hidden while all is well; the room view never shows it."""

from __future__ import annotations

from datetime import datetime

from textual.widgets import Static

from workshop_tui.widgets.plain_text import plain


class StoreHealth(Static):
    """ "Team store unreachable since 10:41 ..." docked under the header, or nothing."""

    DEFAULT_CSS = """
    StoreHealth {
        height: auto;
        display: none;
        padding: 0 1;
        background: $error 25%;
        color: $text;
    }
    StoreHealth.-trouble {
        display: block;
    }
    """

    def __init__(self, **kwargs: object) -> None:
        super().__init__("", **kwargs)  # type: ignore[arg-type]
        self.since: datetime | None = None

    def trouble(self, now: datetime) -> None:
        """The store could not be reached at ``now`` (the first time is the one shown)."""
        if self.since is None:
            self.since = now
        when = self.since.astimezone().strftime("%H:%M")
        self.update(
            plain(
                f"Team store unreachable since {when}: nothing since was stored, and nothing "
                "was lost; it is tried again every few seconds, and what you type stays in "
                "its dialog until it is stored."
            )
        )
        self.add_class("-trouble")

    def back(self) -> bool:
        """The store answered again; whether it had been unreachable."""
        was = self.since is not None
        self.since = None
        self.remove_class("-trouble")
        return was
