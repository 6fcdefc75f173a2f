"""User and script text on screen: always plain text, with control characters made visible.

Every name, note, title or message that a person typed or a script holds
reaches a widget through this module, one way for all of them: as a
``Content`` (or a rich ``Text`` where a widget draws rich renderables), never
parsed as markup, so ``Ana [/]`` reads as typed and ``[@click=app.quit]q[/]``
stays words. Control characters (ESC, OSC, ``\\r``, DEL, C1) never reach the
terminal: each shows as a visible picture (``␛``, ``␍``, ``␡``, ``�``).
Text typed into a field keeps no control character at all (``typed``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual.content import Content

if TYPE_CHECKING:
    from textual.app import App
    from textual.notifications import SeverityLevel
    from textual.widget import Widget

_PICTURES: dict[int, str] = {
    **{code: chr(0x2400 + code) for code in range(0x20) if code not in (0x09, 0x0A)},
    0x7F: "\u2421",  # ␡
    **{code: "\ufffd" for code in range(0x80, 0xA0)},  # C1 has no pictures of its own
}
"""Every C0 control but tab and newline, DEL and C1, each to a visible character."""
_DROPPED: dict[int, str | None] = {code: None for code in _PICTURES} | {0x09: " ", 0x0A: " "}
"""What typing keeps of a control character: nothing (a tab or line break: a space)."""


def visible(text: str) -> str:
    """``text`` with every control character (but tab and newline) shown as a picture."""
    return text if text.isprintable() else text.translate(_PICTURES)


def typed(text: str) -> str:
    """What a text field keeps of ``text``: no control character (tabs and breaks: spaces)."""
    return text if text.isprintable() else text.translate(_DROPPED)


def plain(text: str, style: str = "") -> Content:
    """``text`` as Content: shown as it is, never read as markup, controls made visible."""
    content = Content(visible(text))
    return content.stylize(style) if style else content


def plain_rich(text: str, style: str = "", **options: object) -> Text:
    """``text`` as a rich Text (for tables and other rich renderables), the same way."""
    return Text(visible(text), style=style, **options)  # type: ignore[arg-type]


def plain_cells(*cells: str | Text) -> list[Text]:
    """Cells or column labels for a ``DataTable``, each a plain ``Text``.

    A ``DataTable`` reads a string as markup, and Rich's markup loads its emoji
    table (1.4 MiB that stays for the life of the process) the first time it runs.
    """
    return [cell if isinstance(cell, Text) else plain_rich(cell) for cell in cells]


def notify(
    node: Widget | App[object],
    message: str,
    *,
    title: str = "",
    severity: SeverityLevel = "information",
    timeout: float | None = None,
) -> None:
    """A toast whose message and title are plain text (``notify`` itself reads markup)."""
    node.notify(
        visible(message),
        title=visible(title),
        severity=severity,
        timeout=timeout,
        markup=False,
    )
