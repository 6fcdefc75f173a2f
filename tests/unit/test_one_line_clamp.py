"""A text cut to one line without the wrapper gives exactly what the wrapper gives."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from workshop_tui.widgets.clamped_text import _clamped, _wrapped

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
    words = " ".join(text.split())
    first = lead if len(lead) < width else ""
    rest = indent if len(indent) < width else ""
    by_wrapper = _wrapped(words, width, 1, first, rest) if words and width > 0 else ()
    _clamped.cache_clear()
    assert _clamped(text, width, 1, lead, indent) == by_wrapper
