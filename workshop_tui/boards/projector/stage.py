"""What every board on the projector shares: drawn from a view, pointed at the item in play."""

from __future__ import annotations

from rich.cells import cell_len
from textual.containers import Vertical

from workshop_tui.boards.projector.item_list import ItemList


class Stage(Vertical):
    """One part's board on the projector: ``show(view)`` draws it, ``point_at(key)`` moves
    the highlight to the item in play (the key of ``read_models.in_play``) and nothing else."""

    DEFAULT_CSS = """
    Stage {
        height: 1fr;
    }
    Stage .stage-box {
        height: 1fr;
        border: round $text-muted 50%;
        border-title-color: $foreground;
        border-title-style: bold;
    }
    """

    def __init__(self, view: object, in_play: str | None = None, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.view = view
        self.in_play = in_play

    def show(self, view: object, in_play: str | None = None) -> None:
        """Draw ``view`` with ``in_play`` highlighted."""
        self.view, self.in_play = view, in_play
        if self.is_mounted:
            self.draw()

    def point_at(self, in_play: str | None) -> None:
        """The facilitator moved the selection: highlight ``in_play`` instead."""
        if in_play == self.in_play:
            return
        self.in_play = in_play
        if self.is_mounted:
            self.draw_in_play()

    def on_mount(self) -> None:
        self.draw()

    def draw(self) -> None:
        """Draw the whole board from ``self.view``. Stages override this."""
        self.draw_in_play()

    def on_resize(self) -> None:
        if self.is_mounted:
            self.draw_in_play()

    def one_line(self, full: str, short: str) -> str:
        """``full`` if it fits the board's width on one line, else ``short``."""
        width = self.content_size.width or 80
        return full if cell_len(full) <= width - 2 else short

    def draw_in_play(self) -> None:
        """Move the highlight only (cheap: the lists redraw, nothing is mounted)."""
        for items in self.query(ItemList):
            items.point_at(self.in_play)
