"""The app's own dark and light themes, chosen for a projector in a lit room.

Every text colour reads at least 4.5:1 on the backgrounds it is drawn on, and
the countdown's colours (foreground, warning, error, muted) at least 7:1 on the
screen's background (WCAG relative luminance; tests/ui/test_contrast.py checks
the colours as drawn). Textual's own themes put amber (#ffa62b) on light grey,
about 1.5:1. The room view registers the same themes, so both screens match.
"""

from __future__ import annotations

from typing import Any

from textual.app import App
from textual.theme import Theme

DARK = "workshop-dark"
LIGHT = "workshop-light"

WORKSHOP_DARK = Theme(
    name=DARK,
    primary="#5cb8ff",
    secondary="#8fc9ff",
    accent="#ffb454",
    warning="#ffb454",
    error="#ff8095",
    success="#6fdc8c",
    foreground="#e8e8e8",
    background="#121212",
    surface="#1e1e1e",
    panel="#2c2c2c",
    dark=True,
    variables={
        "text-muted": "#bdbdbd",
        "text-disabled": "#a0a0a0",
        "footer-key-foreground": "#ffb454",
        "footer-description-foreground": "#e8e8e8",
        "block-cursor-background": "#1f3a5c",
        "block-cursor-foreground": "#ffffff",
        "block-cursor-blurred-background": "#3a3a3a",
        "block-cursor-blurred-foreground": "#e8e8e8",
        "input-cursor-background": "#e8e8e8",
        "input-cursor-foreground": "#121212",
        "input-selection-background": "#3d5a80",
    },
)

WORKSHOP_LIGHT = Theme(
    name=LIGHT,
    primary="#0b4f8a",
    secondary="#0b4f8a",
    accent="#7a4100",
    warning="#7a4100",
    error="#9e0020",
    success="#1b6b34",
    foreground="#1a1a1a",
    background="#ffffff",
    surface="#f0f0f0",
    panel="#e4e4e4",
    dark=False,
    variables={
        "text-muted": "#4a4a4a",
        "text-disabled": "#555555",
        "footer-key-foreground": "#0b4f8a",
        "footer-description-foreground": "#1a1a1a",
        "block-cursor-background": "#cfe3f7",
        "block-cursor-foreground": "#000000",
        "block-cursor-blurred-background": "#d6d6d6",
        "block-cursor-blurred-foreground": "#1a1a1a",
        "input-cursor-background": "#1a1a1a",
        "input-cursor-foreground": "#ffffff",
        "input-selection-background": "#b8d4f0",
    },
)

THEMES: tuple[Theme, ...] = (WORKSHOP_DARK, WORKSHOP_LIGHT)


def register_themes(app: App[Any]) -> None:
    """Make both themes available to ``app`` (the console or the room view)."""
    for theme in THEMES:
        app.register_theme(theme)


def other_theme(name: str) -> str:
    """The theme Ctrl+T switches to from ``name``."""
    return LIGHT if name == DARK else DARK
