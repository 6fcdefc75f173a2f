"""A text cut to one line without the wrapper gives exactly what the wrapper gives."""

from __future__ import annotations

import textwrap

from hypothesis import given, settings
from hypothesis import strategies as st

from workshop_tui.boards.clamped_text import ELLIPSIS, PLACEHOLDER, _clamped


def wrapped_then_cut(text: str, width: int, lead: str, indent: str) -> tuple[str, ...]:
    """One line the long way: wrapped by textwrap, the rest shortened after a word."""
    words = " ".join(text.split())
    if width <= 0 or not words:
        return ()
    wrapper = textwrap.TextWrapper(
        width=width,
        initial_indent=lead if len(lead) < width else "",
        subsequent_indent=indent if len(indent) < width else "",
    )
    lines = wrapper.wrap(words)
    if len(lines) == 1:
        return (lines[0],)
    start = lines[0][: len(lines[0]) - len(lines[0].lstrip())]
    rest = " ".join(line.strip() for line in lines)
    room = width - len(start)
    last = textwrap.shorten(rest, width=max(1, room), placeholder=PLACEHOLDER)
    if last.strip() == ELLIPSIS or len(last) > room:
        last = rest[: max(0, room - 1)] + ELLIPSIS
    return (start + last,)


TEXTS = st.text(alphabet=st.sampled_from(list("abcdé ▶:.,!?-\t\u00a0xyz")), max_size=60)


@settings(max_examples=3000, deadline=None)
@given(
    TEXTS,
    st.integers(-1, 40),
    st.sampled_from(["", "  ", "▶ ", "- ", "12. "]),
    st.sampled_from(["", "  ", "   "]),
)
def test_one_line_is_what_the_wrapper_makes_of_it(
    text: str, width: int, lead: str, indent: str
) -> None:
    _clamped.cache_clear()
    assert _clamped(text, width, 1, lead, indent) == wrapped_then_cut(text, width, lead, indent)
