"""Decisions: their outcomes in the agreement; in the notes, votes, rounds and objections too."""

from __future__ import annotations

from workshop_tui.domain.kinds import DecisionMethod
from workshop_tui.domain.read_models import standing
from workshop_tui.domain.read_models.agreement import Agreement
from workshop_tui.domain.read_models.terms import DecisionTerm
from workshop_tui.domain.records import Decision
from workshop_tui.domain.rules.agility import AGILITY_QUESTION, agility_outcome
from workshop_tui.domain.rules.decisions import FINGERS, dot_ranking
from workshop_tui.domain.snapshot import SessionSnapshot
from workshop_tui.export import escape
from workshop_tui.export.blocks import Lines, heading, item, table


def _cell(text: str) -> str:
    return escape.cell(text) or escape.EMPTY


def _outcome_cell(term: DecisionTerm) -> str:
    outcome = escape.cell(term.outcome)
    return f"{term.verdict}: {outcome}" if outcome else term.verdict


def outcomes(agreement: Agreement) -> Lines:
    """Each decision's outcome in one table, then the questions nobody decided."""
    if not agreement.decisions and not agreement.undecided:
        return []
    out = [heading(2, "Decisions")]
    if agreement.decisions:
        rows = [
            [
                escape.cell(term.question) or escape.EMPTY,
                term.method.label if term.method else "",
                _outcome_cell(term),
            ]
            for term in agreement.decisions
        ]
        out += ["", *table(["Question", "Decided by", "Outcome"], rows)]
    if agreement.undecided:
        out += ["", "Not decided yet:", ""]
        for question in agreement.undecided:
            out += item(escape.block(question, "  ") or escape.EMPTY)
    return out


def _fingers_order(key: str) -> tuple[int, str]:
    return (-int(key), key) if key.isdecimal() else (1, key)


def _rounds(decision: Decision) -> Lines:
    keys = sorted(
        {k for counts in decision.rounds for k in counts} | set(FINGERS), key=_fingers_order
    )
    headers = ["Round", *(f"{k} fingers" if k != "1" else "1 finger" for k in map(_cell, keys))]
    rows = [
        [str(number), *(str(counts.get(k, 0)) for k in keys)]
        for number, counts in enumerate(decision.rounds, start=1)
    ]
    return ["", *table(headers, rows, right=tuple(range(len(headers))))]


def _votes(decision: Decision) -> Lines:
    label = "Dots" if decision.method is DecisionMethod.DOT_VOTING else "Votes"
    rows = [[_cell(option), str(count)] for option, count in dot_ranking(decision.votes)]
    return ["", *table(["Option", label], rows, right=(1,))]


def _decision(decision: Decision) -> Lines:
    out = item(f"**Method:** {decision.method.label}")
    outcome_text = escape.block(decision.outcome, "  ")
    verdict = {True: "Agreed", False: "Not agreed", None: ""}[decision.agreed]
    if decision.question == AGILITY_QUESTION:
        agility = agility_outcome(decision.outcome, decision.advised)
        if agility.overruled:
            if agility.advised:
                advised = escape.block(agility.advised, "  ")
                out += item(f"**Advised by the Cynefin board:** {advised}")
            verdict, outcome_text = "The room chose", escape.block(agility.chosen, "  ")
    for objection in decision.objections:
        resolution = escape.block(objection.resolution, "  ")
        out += item(
            f"**Objection:** {escape.block(objection.text, '  ') or escape.EMPTY}",
            f"**Resolution:** {resolution}" if resolution else "Unresolved",
        )
    if outcome_text or verdict:
        out += item(f"**Outcome:** {' — '.join(t for t in (verdict, outcome_text) if t)}")
    if decision.votes:
        out += _votes(decision)
    if decision.rounds:
        out += _rounds(decision)
    return out


def decisions(session: SessionSnapshot) -> Lines:
    """Every decision as it stands, with its method, objections, outcome, votes and rounds."""
    current = standing.current_decisions(session.decisions)
    if not current:
        return []
    out = [heading(2, "Decisions")]
    for decision in current:
        out += ["", heading(3, escape.heading(decision.question)), "", *_decision(decision)]
    return out
