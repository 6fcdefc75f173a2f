"""The live session as the room sees it, composed for the projector per activity.

Drawn from a ``Followed`` moment of the store alone. A part with a board gives
the board the screen: the part's name and the prompt in play at the top, beside
a compact countdown, the agenda on one line, and the board (``boards.projector``)
with the item the facilitator has in play highlighted and kept in view. A part
without one (a discussion) shows its brief, its notes and the large countdown
with the agenda. A part change (or another session) mounts a new board; a new
moment redraws the board on screen; a moved selection only moves its highlight.
Nothing here reads the facilitator's notes or tips, and every board is drawn for
the room (``Audience.ROOM``): it names no key to press.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Any

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widget import Widget
from textual.widgets import Static

from workshop_tui.boards.agenda import AgendaBoard
from workshop_tui.boards.projector.registry import has_stage, stage_for
from workshop_tui.boards.projector.stage import Stage
from workshop_tui.boards.registry import board_for, view_for
from workshop_tui.boards.timer import TimerBoard
from workshop_tui.content.durations import format_duration
from workshop_tui.domain.read_models.audience import Audience
from workshop_tui.domain.read_models.brief import PartBrief, part_brief
from workshop_tui.domain.read_models.timing import TimerView, live_elapsed, timer_view
from workshop_tui.room.heading import AgendaStrip, RoomHeading
from workshop_tui.widgets.plain_text import plain

if TYPE_CHECKING:
    from workshop_tui.domain.snapshot import SessionSnapshot
    from workshop_tui.storage.following import Followed


class RoomBrief(VerticalScroll, can_focus=False):
    """The part's name, where it sits, its goal and the prompts to the room (no steps)."""

    def compose(self) -> ComposeResult:
        for name in ("room-part", "room-meta", "room-goal", "room-prompts"):
            yield Static(id=name)

    def show(self, brief: PartBrief, prompt: int | None = None) -> None:
        meta = f"Part {brief.number} of {brief.total} · {brief.kind.label}"
        meta += f" · {format_duration(brief.duration_seconds)}"
        prompts = "\n".join(
            f"{'▶ ' if n == prompt else ''}❝ {text} ❞" for n, text in enumerate(brief.prompts)
        )
        for name, text in (
            ("room-part", brief.name),
            ("room-meta", meta),
            ("room-goal", brief.goal),
            ("room-prompts", prompts),
        ):
            widget = self.query_one(f"#{name}", Static)
            widget.update(plain(text))
            widget.display = bool(text)


class LiveRoom(Vertical):
    """The session on the projector: a board's layout (``-staged``) or a discussion's."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.followed: Followed | None = None
        self._shown: tuple[int, int] | None = None
        """(session id, part index) of the board on screen."""
        self._drawn: SessionSnapshot | None = None
        """The moment of the session the board on screen was drawn from."""

    def compose(self) -> ComposeResult:
        yield RoomHeading(id="room-heading")
        yield AgendaStrip(id="room-strip")
        with Horizontal(id="room-body"):
            with Vertical(id="room-stage"):
                yield Static(id="room-title")
                yield RoomBrief(id="room-brief")
                yield Vertical(id="room-board")
            with Vertical(id="room-side"):
                yield TimerBoard(id="room-timer")
                with VerticalScroll(id="room-agenda-box", can_focus=False):
                    yield AgendaBoard(id="room-agenda")

    async def show(self, followed: Followed, now: datetime) -> None:
        """Draw ``followed``: a new board on a part change, else the board on screen again,
        or (when only the console's selection moved) its highlight alone."""
        previous, self.followed = self._drawn, followed
        script, session = followed.script, followed.session
        index = session.current_part
        part = script.parts[index]
        in_play, prompt = followed.cue.item_on(index), followed.cue.prompt_on(index)
        staged = has_stage(part.activity.kind)
        self.set_class(staged, "-staged")
        brief = part_brief(script, index)
        where = f"{script.title} · {session.setup.customer}"
        self.query_one(RoomHeading).show(brief, where, prompt)
        self.query_one("#room-title", Static).update(plain(where))
        self.query_one(RoomBrief).show(brief, prompt)
        holder = self.query_one("#room-board", Vertical)
        board: Any = holder.children[0] if holder.children else None
        today = now.astimezone().date()
        if self._shown != (session.id, index) or board is None:
            self._shown = (session.id, index)
            await holder.remove_children()
            if staged:
                view = view_for(script, part, session, today, audience=Audience.ROOM)
                board = stage_for(part.activity.kind, view, in_play)
            else:
                board = board_for(script, part, session, today, audience=Audience.ROOM)
            await holder.mount(board)
            _quiet(board)
        elif session is previous and isinstance(board, Stage):
            board.point_at(in_play)  # only the selection moved: nothing to read again
        elif isinstance(board, Stage):
            board.show(view_for(script, part, session, today, audience=Audience.ROOM), in_play)
        else:
            board.show(view_for(script, part, session, today, audience=Audience.ROOM))
        self._drawn = session
        self.tick(now)

    def tick(self, now: datetime) -> TimerView | None:
        """Move the countdown and the agenda on with the clock; the view drawn, if any."""
        if self.followed is None or not self.query(TimerBoard):  # not composed yet
            return None
        view = timer_of(self.followed, now)
        # Each widget only if still there: the app may be taking the screen down, child by child.
        if self.has_class("-staged"):
            for heading in self.query(RoomHeading).results(RoomHeading):
                heading.tick(view)
            for strip in self.query(AgendaStrip).results(AgendaStrip):
                strip.show(view.agenda)
        else:
            for timer in self.query(TimerBoard).results(TimerBoard):
                timer.show(view)
            for agenda in self.query(AgendaBoard).results(AgendaBoard):
                agenda.show(view.agenda)
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
