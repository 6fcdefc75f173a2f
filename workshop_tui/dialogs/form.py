"""The form dialog: every piece of text the facilitator types is entered here.

Keeping text entry in dialogs leaves the facilitation screen free for single-key
actions: no key is ever swallowed by an input that happens to have focus. Every
label, title, option and message is shown as plain text, so whatever a person
typed or a script holds reads as written.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.message import Message
from textual.suggester import SuggestFromList
from textual.widget import Widget
from textual.widgets import Button, Input, Label, Select, Static

from workshop_tui.dialogs.dialog import Dialog
from workshop_tui.dialogs.key_hold import release_keys
from workshop_tui.dialogs.text_field import TextField
from workshop_tui.widgets.plain_text import plain, typed, visible


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
    understood: Callable[[str], str] | None = None
    """What the typed text is taken to mean, shown under the field as it is typed (the date
    "next friday" means, say); empty says nothing."""


class ChoiceField(Select[str]):
    """A choice in a form: Enter (or space, or an arrow) opens its list, and choosing in the
    list moves on to the next field; a key that starts an option's label (1-5 on the Cynefin
    board's domains, a part's number in "Go to") chooses it at once, list closed, and Enter
    then moves on with it (``g``, ``6``, Enter goes to part 6)."""

    def __init__(self, options: Sequence[tuple[Content, str]], **kwargs: Any) -> None:
        super().__init__(options, **kwargs)
        self._choices = list(options)
        self._typed = False
        """A key chose the option shown: Enter moves on with it rather than opening the list."""

    class Advanced(Message):
        """An option was chosen in the open list."""

        def __init__(self, choice: ChoiceField) -> None:
            super().__init__()
            self.choice = choice

    def on_select_overlay_update_selection(self, _: Message) -> None:
        """Chosen in the list: once the choice is made (after Select's own handler), on."""
        self.call_after_refresh(self.post_message, self.Advanced(self))

    def on_key(self, event: events.Key) -> None:
        """A printable key that starts an option's label chooses it (the list stays closed);
        Enter after it moves on with that choice."""
        if self.expanded:
            return
        if event.key == "enter" and self._typed:
            event.stop()
            event.prevent_default()
            self._typed = False
            self.post_message(self.Advanced(self))
            return
        character = event.character
        if not character or not event.is_printable or character == " ":
            return
        value = option_for(self._choices, character)
        if value is not None:
            event.stop()
            event.prevent_default()
            self.value = value
            self._typed = True


def option_for(options: Sequence[tuple[Content, str]], character: str) -> str | None:
    """The value of the first option whose label starts with ``character`` (any case),
    else the first with a word that does."""
    wanted = character.casefold()
    labels = [(label.plain.casefold(), value) for label, value in options]
    for text, value in labels:
        if text.startswith(wanted):
            return value
    for text, value in labels:
        if any(word.startswith(wanted) for word in text.split()):
            return value
    return None


KEYS_HINT = "Enter: next · Ctrl+S: save · Esc: cancel"
"""How to move, save and leave, said in every form."""

Validator = Callable[[dict[str, str]], str | None]
"""Given the form's values, the one sentence that says what is wrong, or None."""
Follower = Callable[[str, dict[str, str]], dict[str, str]]
"""Given the choice just made (its field's name) and the form's values, the values other
fields take now (the name of whoever plays the role just chosen, say)."""

Committer = Callable[[dict[str, str]], str | None]
"""Stores the form's values; returns why they could not be stored (the form stays open, its
text kept, to try again), or None once they are."""

FIELDS = "#dialog-fields Input, #dialog-fields Select"


class FormDialog(Dialog[dict[str, str] | None]):
    """A titled form; Enter on the last field or Ctrl+S saves, Escape cancels (None)."""

    AUTO_FOCUS = FIELDS
    """The first field has the focus from the first frame (a later move restyles the form)."""

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
        commit: Committer | None = None,
        save_label: str = "Save",
        follow: Follower | None = None,
    ) -> None:
        super().__init__(classes="dialog")
        self._title = title
        self._fields = list(fields)
        self._intro = intro
        self._validate = validate
        self._commit = commit
        self._save_label = save_label
        self._follow = follow

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog-box"):
            yield Static(plain(self._title), id="dialog-title")
            with VerticalScroll(id="dialog-fields", can_focus=False):  # the intro scrolls too
                if self._intro:
                    yield Static(plain(self._intro), id="dialog-intro")
                for spec in self._fields:
                    label = spec.label + (" *" if spec.required else "")
                    yield Label(plain(label), classes="field-label")
                    if spec.options:
                        yield ChoiceField(
                            [(plain(text), value) for text, value in spec.options],
                            value=spec.value if spec.value else Select.NULL,
                            allow_blank=not spec.required,
                            id=f"field-{spec.name}",
                        )
                    else:
                        yield TextField(
                            spec.value,
                            placeholder=spec.placeholder,
                            id=f"field-{spec.name}",
                            suggester=SuggestFromList(
                                [visible(s) for s in spec.suggestions], case_sensitive=False
                            )
                            if spec.suggestions
                            else None,
                        )
                        if spec.understood is not None:
                            meaning = spec.understood(spec.value)
                            yield Static(
                                plain(meaning), id=f"understood-{spec.name}", classes="understood"
                            )
            yield Static("", id="dialog-error")
            with Horizontal(id="dialog-buttons"):
                yield Static(KEYS_HINT, id="dialog-keys")
                yield Button(plain(self._save_label), variant="primary", id="save")
                yield Button("Cancel", id="cancel")

    def on_mount(self) -> None:
        release_keys(self.app)  # keys typed while the dialog opened go to its first field

    def values(self) -> dict[str, str]:
        """The current value of every field, stripped, without control characters."""
        result: dict[str, str] = {}
        for spec in self._fields:
            widget = self.query_one(f"#field-{spec.name}")
            if isinstance(widget, Select):
                value = widget.value
                result[spec.name] = "" if value is Select.NULL else str(value)
            else:
                assert isinstance(widget, Input)
                result[spec.name] = typed(widget.value).strip()
        return result

    def on_select_changed(self, event: Select.Changed) -> None:
        """A choice made: the fields that follow it take their new values."""
        name = (event.select.id or "").removeprefix("field-")
        if self._follow is None or not self.is_mounted:
            return
        for other, value in self._follow(name, self.values()).items():
            self.query_one(f"#field-{other}", Input).value = value

    def on_input_changed(self, event: Input.Changed) -> None:
        """Say what a field's text is taken to mean, as it is typed."""
        name = (event.input.id or "").removeprefix("field-")
        spec = next((f for f in self._fields if f.name == name), None)
        if spec is not None and spec.understood is not None:
            shown = self.query_one(f"#understood-{name}", Static)
            shown.update(plain(spec.understood(typed(event.value).strip())))

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self._advance_from(event.input)

    def on_choice_field_advanced(self, event: ChoiceField.Advanced) -> None:
        event.stop()
        self._advance_from(event.choice)

    def _advance_from(self, widget: Widget) -> None:
        """Enter: on to the next field, or save from the last."""
        inputs = list(self.query(FIELDS))
        position = inputs.index(widget)
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
        if problem is None and self._commit is not None:
            problem = self._commit(values)
        if problem:
            self.query_one("#dialog-error", Static).update(plain(problem))
            return
        self.dismiss(values)

    def action_cancel(self) -> None:
        self.dismiss(None)
