"""A one-line text field that keeps no control character, however the text arrives."""

from __future__ import annotations

from textual.widgets import Input

from workshop_tui.widgets.plain_text import typed, visible


class TextField(Input):
    """An Input whose value never holds a control character (typed, pasted or set).

    A pasted ESC sequence or carriage return would otherwise be stored, and
    drawn raw to the terminal by the field itself.
    """

    def __init__(self, value: str = "", *, placeholder: str = "", **kwargs: object) -> None:
        super().__init__(typed(value), placeholder=visible(placeholder), **kwargs)  # type: ignore[arg-type]

    def validate_value(self, value: str) -> str:
        return typed(value)

    def replace(self, text: str, start: int, end: int) -> None:
        super().replace(typed(text), start, end)
