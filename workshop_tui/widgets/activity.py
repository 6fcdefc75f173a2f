"""The base of every activity panel: it holds the engine, runs actions, reports changes.

A panel shows one part's activity (the Cynefin board, the promises, ...). Its
keys live in its BINDINGS so they show in the footer while it has focus. Every
change goes through the engine, which stores it before it returns; the panel
redraws from the engine's state only after that.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

from textual.containers import Vertical, VerticalScroll
from textual.message import Message
from textual.screen import ModalScreen

from workshop_tui.domain.engine import EngineError
from workshop_tui.domain.ports import StoreError

if TYPE_CHECKING:
    from workshop_tui.content.model import Part
    from workshop_tui.domain.engine import SessionEngine

T = TypeVar("T")


class PanelDetail(VerticalScroll, can_focus=False):
    """The scrolling detail beside a panel's list: it scrolls, the list keeps the focus."""

    def __init__(self, *, id: str) -> None:
        super().__init__(id=id, classes="panel-detail")


class ActivityPanel(Vertical):
    """One part's activity, driven by keys, backed by the session engine.

    A panel's one-line summary at the top takes the ``panel-summary`` class.
    """

    DEFAULT_CSS = """
    ActivityPanel {
        height: 1fr;
    }
    ActivityPanel .panel-summary {
        height: 1;
        padding: 0 1;
        background: $boost;
        text-style: bold;
        text-wrap: nowrap;
        text-overflow: ellipsis;
    }
    ActivityPanel .panel-list {
        width: 2fr;
        max-width: 34;
        height: 100%;
        border: none;
        border-right: vkey $panel;
        background: $surface;
    }
    ActivityPanel .panel-detail {
        width: 3fr;
        height: 100%;
        padding: 0 1;
        scrollbar-size-vertical: 1;
    }
    """

    class Changed(Message):
        """Something was recorded: the screen refreshes its counts and agenda."""

    def __init__(self, engine: SessionEngine, part: Part, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.engine = engine
        self.part = part

    def on_mount(self) -> None:
        self.sync()

    def sync(self) -> None:
        """Redraw from the engine's state. Panels override this."""

    def focus_main(self) -> None:
        """Give focus to the panel's main widget (its list or table)."""
        focusable = [w for w in self.query("*") if w.focusable]
        if focusable:
            focusable[0].focus()

    def perform(self, action: Callable[..., T], *args: Any, **kwargs: Any) -> T | None:
        """Run an engine action; on success redraw and announce it, on failure say why."""
        try:
            result = action(*args, **kwargs)
        except (EngineError, StoreError) as error:
            self.notify(_sentence(error), severity="error", title="Not recorded")
            return None
        self.sync()
        self.post_message(self.Changed())
        return result

    def ask(self, dialog: ModalScreen[Any], then: Callable[[Any], None]) -> None:
        """Open a dialog and call ``then`` with its answer unless it was cancelled."""

        def answered(result: Any) -> None:
            if result is not None and result is not False:
                then(result)
            self.focus_main()

        self.app.push_screen(dialog, answered)


def _sentence(error: Exception) -> str:
    text = str(error).strip()
    return text[:1].upper() + text[1:] + ("" if text.endswith(".") else ".")
