"""The live session as the room sees it: the part, its prompts, the countdown and the board.

Drawn from a ``Followed`` moment of the store alone. A part change (or another
session) swaps the board for a new one; any other change redraws the board on
screen with ``show(view)``. Nothing here reads the facilitator's notes or tips, and
every board is drawn for the room (``Audience.ROOM``): it names no key to press.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Any

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widget import Widget
from textual.widgets import Static

from workshop_tui.boards.agenda import AgendaBoard
from workshop_tui.boards.registry import board_for, view_for
from workshop_tui.boards.timer import TimerBoard
from workshop_tui.content.durations import format_duration
from workshop_tui.domain.read_models.audience import Audience
from workshop_tui.domain.read_models.brief import PartBrief, part_brief
from workshop_tui.domain.read_models.timing import TimerView, live_elapsed, timer_view
from workshop_tui.widgets.plain_text import plain

if TYPE_CHECKING:
    from workshop_tui.storage.following import Followed


class RoomBrief(VerticalScroll, can_focus=False):
    """The part's name, where it sits, its goal and the prompts to the room (no steps)."""

    def compose(self) -> ComposeResult:
        for name in ("room-part", "room-meta", "room-goal", "room-prompts"):
            yield Static(id=name)

    def show(self, brief: PartBrief) -> None:
        meta = f"Part {brief.number} of {brief.total} · {brief.kind.label}"
        meta += f" · {format_duration(brief.duration_seconds)}"
        prompts = "\n".join(f"❝ {prompt} ❞" for prompt in brief.prompts)
        for name, text in (
            ("room-part", brief.name),
            ("room-meta", meta),
            ("room-goal", brief.goal),
            ("room-prompts", prompts),
        ):
            widget = self.query_one(f"#{name}", Static)
            widget.update(plain(text))
            widget.display = bool(text)


class LiveRoom(Horizontal):
    """The session on the projector: brief and board on the left, time on the right."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.followed: Followed | None = None
        self._shown: tuple[int, int] | None = None
        """(session id, part index) of the board on screen."""

    def compose(self) -> ComposeResult:
        with Vertical(id="room-stage"):
            yield Static(id="room-title")
            yield RoomBrief(id="room-brief")
            yield Vertical(id="room-board")
        with Vertical(id="room-side"):
            yield TimerBoard(id="room-timer")
            with VerticalScroll(id="room-agenda-box", can_focus=False):
                yield AgendaBoard(id="room-agenda")

    async def show(self, followed: Followed, now: datetime) -> None:
        """Draw ``followed``: a new board on a part change, else the board on screen again."""
        self.followed = followed
        script, session = followed.script, followed.session
        index = session.current_part
        part = script.parts[index]
        today = now.astimezone().date()
        title = f"{script.title} · {session.setup.customer}"
        self.query_one("#room-title", Static).update(plain(title))
        self.query_one(RoomBrief).show(part_brief(script, index))
        holder = self.query_one("#room-board", Vertical)
        if self._shown != (session.id, index) or not holder.children:
            self._shown = (session.id, index)
            await holder.remove_children()
            board_widget = board_for(script, part, session, today, audience=Audience.ROOM)
            await holder.mount(board_widget)
            _quiet(board_widget)
        else:
            board: Any = holder.children[0]
            board.show(view_for(script, part, session, today, audience=Audience.ROOM))
        self.tick(now)

    def tick(self, now: datetime) -> TimerView | None:
        """Move the countdown and the agenda on with the clock; the view drawn, if any."""
        timers, agendas = self.query(TimerBoard), self.query(AgendaBoard)
        if self.followed is None or not timers or not agendas:  # not composed yet
            return None
        view = timer_of(self.followed, now)
        timers.first().show(view)
        agendas.first().show(view.agenda)
        return view

    def board(self) -> Widget | None:
        """The board on screen, if any."""
        children = self.query_one("#room-board", Vertical).children
        return children[0] if children else None


def timer_of(followed: Followed, now: datetime) -> TimerView:
    """The countdown and agenda of ``followed``, run on from its stored timings to ``now``."""
    session = followed.session
    return timer_view(followed.script, session, live_elapsed(session, now))


def _quiet(board: Widget) -> None:
    """A board nobody types into: neither it nor anything in it takes the focus."""
    for widget in (board, *board.walk_children(Widget)):
        widget.can_focus = False
