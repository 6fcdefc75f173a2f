"""Text made safe to print on a terminal: what the CLI shows of stored, typed or script text.

A terminal obeys control characters: ESC starts CSI and OSC sequences (clear
the screen, retitle the window, OSC 8 links), BEL rings, CR overwrites the
line, the C1 range is read as ESC by some terminals, and bidi overrides turn
what follows around. Each of them is shown as a visible escape instead
(``\\x1b``, ``\\r``, ``\\u202e``), so the text stays readable and nothing in it
reaches the terminal as a command. Everything else, emoji joiners and accents
included, is printed as it is.
"""

from __future__ import annotations

_BIDI_CONTROLS = (0x061C, 0x200E, 0x200F, *range(0x202A, 0x202F), *range(0x2066, 0x206A))
_NAMED = {0x09: "\\t", 0x0A: "\\n", 0x0D: "\\r"}
_UNSAFE = (*range(0x20), *range(0x7F, 0xA0), 0x2028, 0x2029, *_BIDI_CONTROLS)
_ESCAPES = {
    code: _NAMED.get(code, f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}")
    for code in _UNSAFE
}


def printable(text: str) -> str:
    """``text`` with every control, line-breaking and bidi character shown as an escape."""
    if text.isascii() and text.isprintable():  # the usual case, at C speed
        return text
    return text.translate(_ESCAPES)
