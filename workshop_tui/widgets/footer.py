"""The footer: the screen's keys on one line, drawn by one widget.

Textual's Footer mounts a widget per key, and mounts them all again whenever
the keys change, a frame of its own after the change: on the facilitation
screen some 20 widgets restyled on every part change and after each dialog,
30-40 ms. This footer draws the same cells (the same grouping, padding,
colours and palette key on the right) as text, in the frame that changed the
keys. As on Textual's, a click on a key presses it (a key greyed out by
``check_action`` rings the bell), hovering shows its tooltip, and the mouse
wheel moves keys too many for the width sideways.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from itertools import groupby

from rich.cells import cell_len
from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import ActiveBinding, Binding
from textual.screen import Screen
from textual.widget import Widget

SCROLL_CELLS = 4
"""Cells a turn of the mouse wheel moves keys too many for the footer's width."""


@dataclass(frozen=True)
class FooterKey:
    """One key the footer shows: pressed when clicked."""

    key: str
    enabled: bool
    tooltip: str


@dataclass(frozen=True)
class Run:
    """Cells of the footer line: their text, their look and the key they belong to."""

    text: str
    look: str  # "gap", "separator", "key", "description" or "item" (a key's padding)
    owner: FooterKey | None = None


def _key_runs(display: str, description: str, owner: FooterKey) -> list[Run]:
    if not description:
        return [Run(display, "key", owner)]
    return [Run(f" {display} ", "key", owner), Run(f"{description} ", "description", owner)]


def footer_runs(screen: Screen[object], *, palette: bool) -> tuple[list[Run], list[Run]]:
    """The footer's runs from the screen's keys, as Textual's Footer lays them out:
    what goes from the left, and (with ``palette``) the command palette's key for the right."""
    app = screen.app
    bindings = screen.active_bindings
    by_action: defaultdict[str, list[tuple[Binding, bool, str]]] = defaultdict(list)
    for _, binding, enabled, tooltip in bindings.values():
        if binding.show:
            by_action[binding.action].append((binding, enabled, tooltip))
    left: list[Run] = []
    for group, members in groupby(by_action.values(), lambda firsts: firsts[0][0].group):
        shown = [first for first, *_ in members]
        if group is not None and len(shown) > 1:
            keys = [
                Run(
                    app.get_key_display(binding),
                    "key",
                    FooterKey(binding.key, enabled, tooltip or binding.description),
                )
                for binding, enabled, tooltip in shown
            ]
            if group.compact:  # padded on the left, keys side by side
                left += [Run(" ", "gap"), *keys, Run(" ", "gap")]
            else:  # a cell either side of each key, shared between neighbours
                for run in keys:
                    left += [Run(" ", "gap"), run]
                left.append(Run(" ", "gap"))
            left += [Run(group.description, "description"), Run(" ", "gap")]
        else:
            for binding, enabled, tooltip in shown:
                owner = FooterKey(binding.key, enabled, tooltip)
                left += _key_runs(app.get_key_display(binding), binding.description, owner)
    return left, _palette_runs(screen, bindings) if palette else []


def _palette_runs(screen: Screen[object], bindings: dict[str, ActiveBinding]) -> list[Run]:
    app = screen.app
    found = bindings.get(app.COMMAND_PALETTE_BINDING)
    if not app.ENABLE_COMMAND_PALETTE or found is None:
        return []
    _, binding, enabled, _ = found
    owner = FooterKey(binding.key, enabled, binding.tooltip or binding.description)
    return [
        Run("▏", "separator"),
        Run(app.get_key_display(binding), "key", owner),
        Run(f" {binding.description}", "description", owner),
        Run(" ", "item", owner),
    ]


class Footer(Widget, can_focus=False):
    """The keys of the screen it is on, redrawn when they change."""

    ALLOW_SELECT = False
    COMPONENT_CLASSES = {
        "footer--key",
        "footer--description",
        "footer--disabled-key",
        "footer--disabled-description",
        "footer--item",
        "footer--disabled-item",
        "footer--hover",
        "footer--separator",
    }
    DEFAULT_CSS = """
    Footer {
        dock: bottom;
        height: 1;
        color: $footer-foreground;
        background: $footer-background;
        text-wrap: nowrap;
        text-overflow: clip;
        & > .footer--key { color: $footer-key-foreground; background: $footer-key-background;
            text-style: bold; }
        & > .footer--description { color: $footer-description-foreground;
            background: $footer-description-background; }
        & > .footer--disabled-key { color: $footer-key-foreground;
            background: $footer-key-background; text-style: bold dim; }
        & > .footer--disabled-description { color: $footer-description-foreground;
            background: $footer-description-background; text-style: dim; }
        & > .footer--item { background: $footer-item-background; }
        & > .footer--disabled-item { background: $footer-item-background; text-style: dim; }
        & > .footer--hover { background: $block-hover-background; }
        & > .footer--separator { color: $foreground 20%; }
    }
    """

    def __init__(self, *, show_command_palette: bool = True, id: str | None = None) -> None:
        super().__init__(id=id)
        self.show_command_palette = show_command_palette
        self._left: list[Run] = []
        self._right: list[Run] = []
        self._hovered: FooterKey | None = None
        self._scrolled = 0
        """Cells the keys on the left are scrolled by (the mouse wheel moves them sideways)."""

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)
        self._bindings_changed(self.screen)

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def _bindings_changed(self, screen: Screen[object]) -> None:
        if not (screen.app.app_focus and self.is_attached and screen is self.screen):
            return
        left, right = footer_runs(screen, palette=self.show_command_palette)
        if (left, right) != (self._left, self._right):
            self._left, self._right = left, right
            self._scrolled = 0
            self.refresh()

    @property
    def keys_shown(self) -> list[FooterKey]:
        """The keys on the footer, left to right (the palette's last)."""
        keys: list[FooterKey] = []
        for run in (*self._left, *self._right):
            if run.owner is not None and run.owner not in keys:
                keys.append(run.owner)
        return keys

    def _room(self) -> int:
        """The cells the keys on the left have: the palette's key takes the right end."""
        return max(0, self.size.width - sum(cell_len(run.text) for run in self._right))

    def _placed(self) -> list[tuple[int, Run]]:
        """Each run with the column it starts at (the left ones moved by the scroll)."""
        placed: list[tuple[int, Run]] = []
        column = -self._scrolled
        for run in self._left:
            placed.append((column, run))
            column += cell_len(run.text)
        column = self._room()
        for run in self._right:
            placed.append((column, run))
            column += cell_len(run.text)
        return placed

    def render(self) -> Text:
        left = Text(no_wrap=True, end="")
        for run in self._left:
            left.append(run.text, self._look(run))
        room = self._room()
        line = left[self._scrolled : self._scrolled + room]
        line.append(" " * (room - line.cell_len))
        for run in self._right:
            line.append(run.text, self._look(run))
        line.truncate(self.size.width)
        return line

    def _look(self, run: Run) -> Style:
        if run.look == "gap":
            return Style()
        if run.look == "separator":
            return self.get_component_rich_style("footer--separator")
        owner = run.owner
        look = run.look
        if owner is not None and not owner.enabled:
            look = f"disabled-{look}"
        style = self.get_component_rich_style(f"footer--{look}")
        if owner is not None and self._hovered is not None and owner.key == self._hovered.key:
            style += self.get_component_rich_style("footer--hover")
        return style

    def _key_at(self, x: int) -> FooterKey | None:
        """The key drawn at column ``x`` (under the palette's key, only the palette's)."""
        on_the_right = x >= self._room()
        for column, run in self._placed():
            if (run in self._right) == on_the_right and column <= x < column + cell_len(run.text):
                return run.owner
        return None

    def on_mouse_move(self, event: events.MouseMove) -> None:
        hovered = self._key_at(event.x)
        self.tooltip = hovered.tooltip if hovered is not None and hovered.tooltip else None
        if hovered != self._hovered:
            self._hovered = hovered
            self.refresh()

    def on_leave(self) -> None:
        self.tooltip = None
        if self._hovered is not None:
            self._hovered = None
            self.refresh()

    def _scroll_by(self, cells: int) -> bool:
        """Move the keys on the left sideways (when they are wider than their room)."""
        widest = sum(cell_len(run.text) for run in self._left) - self._room()
        scrolled = max(0, min(widest, self._scrolled + cells))
        if scrolled == self._scrolled:
            return False
        self._scrolled = scrolled
        self.refresh()
        return True

    def on_mouse_scroll_down(self, event: events.MouseScrollDown) -> None:
        if self._scroll_by(SCROLL_CELLS):
            event.stop()

    def on_mouse_scroll_up(self, event: events.MouseScrollUp) -> None:
        if self._scroll_by(-SCROLL_CELLS):
            event.stop()

    def on_mouse_down(self, event: events.MouseDown) -> None:
        key = self._key_at(event.x)
        if key is None:
            return
        if key.enabled:
            self.app.simulate_key(key.key)
        else:
            self.app.bell()
