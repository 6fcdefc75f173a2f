"""A living agreement in both documents: its version, what changed, what was carried over."""

from __future__ import annotations

from workshop_tui.domain.living.change_lines import change_groups, changes_title, version_line
from workshop_tui.domain.living.lineage import Lineage
from workshop_tui.export import escape
from workshop_tui.export.blocks import Lines, heading, item, table
from workshop_tui.export.figure_cells import part_figure_cells
from workshop_tui.export.timefmt import day


def version(lineage: Lineage | None) -> Lines:
    """ "Version 2 of the agreement with Acme (renegotiates version 1 of 2026-11-21)." under
    the facts.

    A first version says nothing: until it is renegotiated it is simply the agreement.
    """
    if lineage is None or lineage.earlier is None:
        return []
    return [escape.inline(version_line(lineage)) + "."]


def changes(lineage: Lineage | None) -> Lines:
    """The "Changes since version N (date)" section (nothing for a first version)."""
    if lineage is None or lineage.changes is None:
        return []
    out = [heading(2, escape.heading(changes_title(lineage))), ""]
    groups = change_groups(lineage.changes)
    if not groups:
        return [*out, "Nothing changed."]
    for group in groups:
        out += [f"**{escape.inline(group.title)}**", ""]
        for line in group.lines:
            out += item(escape.inline(line))
        out.append("")
    return out[:-1]


def carried(lineage: Lineage | None) -> Lines:
    """The actions carried over from the last session, and what became of each."""
    if lineage is None or not lineage.carried:
        return []
    rows = []
    for entry in lineage.carried:
        when = (lineage.carried_from or {}).get(entry.carried.carried_from or 0)
        source = f"the session of {day(when)}" if when is not None else "an earlier session"
        rows.append(
            [
                escape.cell(entry.now.text),
                escape.cell(entry.now.owner),
                source,
                entry.fate,
                escape.cell(entry.now.reason),
            ]
        )
    headers = ["Action", "Owner", "Carried from", "What became of it", "Note"]
    return [heading(2, "Actions carried over"), "", *table(headers, rows)]


def planned_against_actual(lineage: Lineage | None) -> Lines:
    """Per part, planned, allowed and actual across this agreement's versions (the notes)."""
    if lineage is None or not lineage.part_figures:
        return []
    figures = lineage.part_figures
    runs = max(f.runs for f in figures)
    if runs < 2:  # one session: the agenda says it all
        return []
    rows = [[escape.cell(f.name), *part_figure_cells(f)] for f in figures]
    headers = ["Part", "Runs", "Planned", "Allowed (median)", "Actual (median)", "Worst", "Overran"]
    return [
        heading(2, "Planned against actual across versions"),
        "",
        f"Every finished part, over the {runs} versions of this agreement so far.",
        "",
        *table(headers, rows, right=(1,)),
    ]
