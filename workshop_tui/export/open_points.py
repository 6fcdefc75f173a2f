"""The agreement's opening list: what the session leaves open, as Finish showed it."""

from __future__ import annotations

from workshop_tui.domain.read_models.open_points import OpenPoints
from workshop_tui.export import escape
from workshop_tui.export.blocks import Lines, heading, item

SETTLED = "Nothing else is left open: every question is decided and every promise settled."


def still_open(points: OpenPoints) -> Lines:
    """ "What is still open": one item per kind of open point, or that nothing is."""
    out = [heading(2, "What is still open"), ""]
    for line in points.lines():
        out += item(escape.inline(line))
    if points.settled:
        out += ["", SETTLED] if points.sections else [SETTLED]
    return out
