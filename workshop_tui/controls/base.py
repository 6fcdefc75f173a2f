"""The base of every activity's controls: the engine, its board, one way to act and to ask."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

from textual.containers import Vertical
from textual.message import Message
from textual.screen import ModalScreen

from workshop_tui.dialogs.form import Committer
from workshop_tui.domain.engine import EngineError
from workshop_tui.domain.ports import StoreError, StoreUnreachable
from workshop_tui.widgets.plain_text import notify

if TYPE_CHECKING:
    from workshop_tui.content.model import Part
    from workshop_tui.domain.engine import SessionEngine

T = TypeVar("T")


class ActivityControls(Vertical):
    """One part's activity: its board, driven by keys, backed by the session engine.

    Keys live in BINDINGS so they show in the footer while the controls have
    focus. Every change goes through the engine, which stores it before it
    returns; only then is the board drawn again, from a new view.
    """

    DEFAULT_CSS = """
    ActivityControls {
        height: 1fr;
    }
    """

    class Changed(Message):
        """Something was recorded: the screen refreshes its counts and agenda."""

    class Unreachable(Message):
        """The store could not be reached: nothing was recorded (the screen says since when)."""

    def __init__(self, engine: SessionEngine, part: Part, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.engine = engine
        self.part = part

    def redraw(self) -> None:
        """Show the board again from a new view of the session. Controls override this."""

    def in_play(self) -> str | None:
        """The key of what the facilitator has selected on the board (``read_models.in_play``),
        for the room view to show; None: nothing to select. Controls with a board override it."""
        return None

    def focus_main(self) -> None:
        """Give focus to the board's main widget (its list or table), or to the controls."""
        focusable = [w for w in self.query("*") if w.focusable]
        if focusable:
            focusable[0].focus()

    def perform(self, action: Callable[..., T], *args: Any, **kwargs: Any) -> T | None:
        """Run an engine action; on success redraw and announce it, on failure say why."""
        try:
            result = action(*args, **kwargs)
        except (EngineError, StoreError) as error:
            notify(self, sentence(str(error)), severity="error", title="Not recorded")
            if isinstance(error, StoreUnreachable):
                self.post_message(self.Unreachable())
            return None
        self.redraw()
        self.post_message(self.Changed())
        return result

    def committing(self, action: Callable[[dict[str, str]], object]) -> Committer:
        """A form's ``commit``: record the values now; if that cannot be done, the form stays
        open with why and with what was typed (a team store down: Ctrl+S tries again)."""
        return form_commit(action, lambda: self.post_message(self.Unreachable()))

    async def ask(self, dialog: ModalScreen[T]) -> T:
        """The dialog's answer (call from a ``dialog_flow``); the board has focus after it."""
        answer = await self.app.push_screen_wait(dialog)
        self.focus_main()
        return answer

    def say(self, message: str, **options: Any) -> None:
        """A toast in plain text."""
        notify(self, message, **options)


def form_commit(
    action: Callable[[dict[str, str]], object], unreachable: Callable[[], object]
) -> Committer:
    """``action`` as a form's commit: a failure keeps the form open with the reason."""

    def commit(values: dict[str, str]) -> str | None:
        try:
            action(values)
        except (EngineError, StoreError) as error:
            if isinstance(error, StoreUnreachable):
                unreachable()
                return f"{sentence(str(error))} What you typed is kept here: Ctrl+S tries again."
            return sentence(str(error))
        return None

    return commit


def sentence(text: str) -> str:
    """``text`` as one sentence: a capital first, a full stop last."""
    text = text.strip()
    return text[:1].upper() + text[1:] + ("" if text.endswith(".") else ".")
