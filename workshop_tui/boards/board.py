"""What every activity board shares: its summary line, list and detail, and their look."""

from __future__ import annotations

from textual.containers import Vertical, VerticalScroll


class Board(Vertical):
    """One part's activity, drawn from a view; ``show(view)`` draws a new one.

    A board's one-line summary at the top takes the ``panel-summary`` class, a
    list beside a detail ``panel-list``, the detail ``panel-detail``.
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


class PanelDetail(VerticalScroll, can_focus=False):
    """The scrolling detail beside a board's list: it scrolls, the list keeps the focus."""

    def __init__(self, *, id: str) -> None:
        super().__init__(id=id, classes="panel-detail")
