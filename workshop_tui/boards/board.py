"""What every activity board shares: its summary line, list and detail, and their look."""

from __future__ import annotations

from textual import events
from textual.containers import Vertical, VerticalScroll


class Board(Vertical):
    """One part's activity, drawn from a view; ``show(view)`` draws a new one.

    A board's one-line summary at the top takes the ``panel-summary`` class, a
    list beside a detail ``panel-list``, the detail ``panel-detail``.

    A board let go of before its mount was handled (a neighbour made ready out of
    sight as the facilitator moves on, or a screen that goes) has lost its lines
    already: it skips its mount rather than draw into lines that are gone.
    """

    DEFAULT_CSS = """
    Board {
        height: 1fr;
    }
    Board .panel-summary {
        height: 1;
        padding: 0 1;
        background: $boost;
        text-style: bold;
        text-wrap: nowrap;
        text-overflow: ellipsis;
    }
    Board .panel-list {
        width: 2fr;
        max-width: 34;
        height: 100%;
        border: none;
        border-right: vkey $panel;
        background: $surface;
    }
    Board .panel-detail {
        width: 3fr;
        height: 100%;
        padding: 0 1;
        scrollbar-size-vertical: 1;
    }
    """

    @property
    def leaving(self) -> bool:
        """Whether it is being taken down (Textual's own test for a node on its way out)."""
        return bool(getattr(self, "_pruning", False)) or self._closing or not self.is_attached

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, events.Mount) and self.leaving:
            return
        await super().on_event(event)


class PanelDetail(VerticalScroll, can_focus=False):
    """The scrolling detail beside a board's list: it scrolls, the list keeps the focus."""

    def __init__(self, *, id: str) -> None:
        super().__init__(id=id, classes="panel-detail")
