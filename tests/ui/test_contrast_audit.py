"""The contrast audit reads colours off an SVG screenshot as the WCAG formula says."""

from __future__ import annotations

import pytest

from tests.ui.contrast_audit import contrast, poor_text, runs

SVG = """<style>
.terminal-r1 { fill: #ffffff }
.terminal-r2 { fill: #777777 }
</style>
<rect fill="#000000" x="0" y="1.5" width="24.4" height="24.65" shape-rendering="crispEdges"/>
<rect fill="#ffffff" x="24.4" y="1.5" width="24.4" height="24.65" shape-rendering="crispEdges"/>
<text class="terminal-r1" x="0" y="20" textLength="48.8" clip-path="url(#l)">ab&#160;c</text>
<text class="terminal-r2" x="0" y="44.4" textLength="24.4" clip-path="url(#l)">──</text>
"""


def test_contrast_of_known_pairs() -> None:
    assert contrast("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)
    assert contrast("#ffffff", "#ffffff") == pytest.approx(1.0)


def test_a_run_is_split_where_its_background_changes() -> None:
    found = runs(SVG)
    assert [(r.row, r.column, r.text, r.background) for r in found[:2]] == [
        (0, 0, "ab", "#000000"),
        (0, 2, " c", "#ffffff"),
    ]
    assert [r.words for r in poor_text(SVG)] == ["c"]  # white on white; the border is not text
