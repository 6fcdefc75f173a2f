"""Small modal dialogs: every piece of text the facilitator types is entered here.

Keeping text entry in dialogs leaves the facilitation screen free for single-key
actions: no key is ever swallowed by an input that happens to have focus.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.suggester import SuggestFromList
from textual.widgets import Button, Input, Label, Select, Static


@dataclass(frozen=True)
class Field:
    """One input of a form: free text, or a choice among options."""

    name: str
    label: str
    value: str = ""
    placeholder: str = ""
    options: Sequence[tuple[str, str]] = field(default_factory=tuple)
    """(label, value) pairs: the field becomes a Select."""
    required: bool = False
    suggestions: Sequence[str] = field(default_factory=tuple)
    """Completions offered while typing (right arrow accepts one)."""


Validator = Callable[[dict[str, str]], str | None]


class FormDialog(ModalScreen[dict[str, str] | None]):
    """A titled form; Enter on the last field or Ctrl+S saves, Escape cancels."""

    BINDINGS = [
        Binding("escape", "cancel", "Cancel", tooltip="Close without saving"),
        Binding("ctrl+s", "save", "Save", tooltip="Save and close", priority=True),
    ]

    def __init__(
        self,
        title: str,
        fields: Sequence[Field],
        *,
        intro: str = "",
        validate: Validator | None = None,
        save_label: str = "Save",
    ) -> None:
        super().__init__(classes="dialog")
        self._title = title
        self._fields = list(fields)
        self._intro = intro
        self._validate = validate
        self._save_label = save_label

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog-box"):
            yield Static(self._title, id="dialog-title")
            if self._intro:
                yield Static(self._intro, id="dialog-intro", markup=False)
            with VerticalScroll(id="dialog-fields"):
                for spec in self._fields:
                    yield Label(spec.label + (" *" if spec.required else ""), classes="field-label")
                    if spec.options:
                        yield Select(
                            list(spec.options),
                            value=spec.value if spec.value else Select.NULL,
                            allow_blank=not spec.required,
                            id=f"field-{spec.name}",
                        )
                    else:
                        yield Input(
                            value=spec.value,
                            placeholder=spec.placeholder,
                            id=f"field-{spec.name}",
                            suggester=SuggestFromList(spec.suggestions, case_sensitive=False)
                            if spec.suggestions
                            else None,
                        )
            yield Static("", id="dialog-error")
            with Horizontal(id="dialog-buttons"):
                yield Button(self._save_label, variant="primary", id="save")
                yield Button("Cancel", id="cancel")

    def on_mount(self) -> None:
        first = self.query("#dialog-fields Input, #dialog-fields Select").first()
        first.focus()

    def values(self) -> dict[str, str]:
        """The current value of every field, stripped."""
        result: dict[str, str] = {}
        for spec in self._fields:
            widget = self.query_one(f"#field-{spec.name}")
            if isinstance(widget, Select):
                value = widget.value
                result[spec.name] = "" if value is Select.NULL else str(value)
            else:
                assert isinstance(widget, Input)
                result[spec.name] = widget.value.strip()
        return result

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        inputs = list(self.query("#dialog-fields Input, #dialog-fields Select"))
        position = inputs.index(event.input)
        if position == len(inputs) - 1:
            self.action_save()
        else:
            inputs[position + 1].focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "save":
            self.action_save()
        else:
            self.action_cancel()

    def action_save(self) -> None:
        values = self.values()
        missing = [s.label for s in self._fields if s.required and not values[s.name]]
        problem = f"{missing[0]} is needed." if missing else None
        if problem is None and self._validate is not None:
            problem = self._validate(values)
        if problem:
            self.query_one("#dialog-error", Static).update(problem)
            return
        self.dismiss(values)

    def action_cancel(self) -> None:
        self.dismiss(None)


class ConfirmDialog(ModalScreen[bool]):
    """A yes/no question: Y or Enter confirms, N or Escape declines."""

    BINDINGS = [
        Binding("y", "answer(True)", "Yes"),
        Binding("n,escape", "answer(False)", "No"),
    ]

    def __init__(self, question: str, detail: str = "", yes: str = "Yes", no: str = "No") -> None:
        super().__init__(classes="dialog")
        self._question = question
        self._detail = detail
        self._yes = yes
        self._no = no

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog-box"):
            yield Static(self._question, id="dialog-title", markup=False)
            if self._detail:
                yield Static(self._detail, id="dialog-intro", markup=False)
            with Horizontal(id="dialog-buttons"):
                yield Button(f"{self._yes} (y)", variant="primary", id="yes")
                yield Button(f"{self._no} (n)", id="no")

    def on_mount(self) -> None:
        self.query_one("#yes", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(event.button.id == "yes")

    def action_answer(self, answer: bool) -> None:
        self.dismiss(answer)
