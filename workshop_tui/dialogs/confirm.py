"""A yes/no question, with the question and its detail shown as plain text."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Button, Static

from workshop_tui.dialogs.dialog import Dialog
from workshop_tui.dialogs.key_hold import release_keys
from workshop_tui.widgets.plain_text import plain


class ConfirmDialog(Dialog[bool]):
    """A yes/no question: Y or Enter confirms, N or Escape declines."""

    BINDINGS = [
        Binding("y", "answer(True)", "Yes"),
        Binding("n,escape", "answer(False)", "No"),
        Binding("down,pagedown", "scroll_detail(1)", "Read on", show=False),
        Binding("up,pageup", "scroll_detail(-1)", "Read back", show=False),
    ]

    def __init__(self, question: str, detail: str = "", yes: str = "Yes", no: str = "No") -> None:
        super().__init__(classes="dialog")
        self._question = question
        self._detail = detail
        self._yes = yes
        self._no = no

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog-box"):
            yield Static(plain(self._question), id="dialog-title")
            if self._detail:  # a long detail scrolls; the answers stay in view
                with VerticalScroll(id="dialog-fields", can_focus=False):
                    yield Static(plain(self._detail), id="dialog-intro")
            with Horizontal(id="dialog-buttons"):
                yield Button(plain(f"{self._yes} (y)"), variant="primary", id="yes")
                yield Button(plain(f"{self._no} (n)"), id="no")

    def on_mount(self) -> None:
        self.query_one("#yes", Button).focus()
        release_keys(self.app)  # a "y" typed while the question opened answers it

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(event.button.id == "yes")

    def action_scroll_detail(self, pages: int) -> None:
        for detail in self.query("#dialog-fields").results(VerticalScroll):
            detail.scroll_relative(y=pages * max(1, detail.size.height - 1), animate=False)

    def action_answer(self, answer: bool) -> None:
        self.dismiss(answer)
