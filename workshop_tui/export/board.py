"""The type of work: the agreed level of agility, and the Cynefin board with its history."""

from __future__ import annotations

from workshop_tui.domain.folding import revisions
from workshop_tui.domain.kinds import CynefinDomain
from workshop_tui.domain.read_models import standing
from workshop_tui.domain.read_models.agreement import Agreement
from workshop_tui.domain.records import Classification
from workshop_tui.domain.snapshot import SessionSnapshot
from workshop_tui.export import escape
from workshop_tui.export.blocks import Lines, heading, item


def type_of_work(agreement: Agreement) -> Lines:
    """The agreed level of agility (and what the board advised), and where the work sits."""
    term = agreement.agility
    if term is None and not agreement.type_of_work:
        return []
    out = [heading(2, "Type of work and level of agility"), ""]
    if term is not None:
        if term.chosen:
            out += item(f"**Agreed level of agility:** {escape.block(term.chosen, '  ')}")
            if term.overruled and term.advised:
                advised = escape.block(term.advised, "  ")
                out += item(f"**The Cynefin board advised:** {advised}")
        else:
            out += item("**Agreed level of agility:** not decided yet")
            if term.current_advice:
                advice = escape.block(term.current_advice, "  ")
                out += item(f"**The Cynefin board advises:** {advice}")
    for domain, items in agreement.type_of_work:
        names = "; ".join(escape.inline(name) or escape.EMPTY for name in items)
        out += item(f"**{domain.label} ({len(items)}):** {names}")
    return out


def cynefin(session: SessionSnapshot) -> Lines:
    """Every item in its current domain, with its rationale and the domains it sat in before."""
    histories = revisions(session.classifications)
    if not histories:
        return []
    columns: dict[CynefinDomain | None, list[Classification]] = {d: [] for d in CynefinDomain}
    columns[None] = []  # added to the board, not placed yet
    for history in histories.values():
        columns[history[-1].domain].append(history[-1])
    out = [heading(2, "Cynefin board")]
    for domain, rows in columns.items():
        if not rows:
            continue
        label = domain.label if domain is not None else "Not placed yet"
        out += ["", heading(3, f"{label} ({len(rows)})"), ""]
        for row in rows:
            first = escape.strong(row.item)
            if rationale := escape.block(row.rationale, "  "):
                first = f"{first} — {rationale}"
            earlier = standing.earlier_domains(histories[row.key])
            moved = "Earlier: " + ", ".join(d.label for d in earlier) if earlier else ""
            out += item(first, moved)
    return out
