"""A session's full notes as GitHub-flavoured Markdown: the agreement and how it was reached.

Everything the agreement holds, and the agenda (planned, added, taken away,
allowed, actual, overrun against the time allowed), the notes of each part
with their corrections, the Cynefin board and every promise with its history,
all rounds, votes and objections, every wording initialled, the changes to
actions, corrections after the session, and the script's intended outcomes
beside what came out. The output depends only on the script and the snapshot
(never on the current time), so the same session always gives the same bytes.
Sections with nothing recorded are left out; every piece of user and script
text goes through ``escape``. Each kind is folded once, so rendering is linear.
"""

from __future__ import annotations

from workshop_tui.content.model import Script
from workshop_tui.domain.living.lineage import Lineage
from workshop_tui.domain.read_models.agreement import agreement_of
from workshop_tui.domain.snapshot import SessionSnapshot
from workshop_tui.export.actions import actions
from workshop_tui.export.agenda import agenda
from workshop_tui.export.agreement import render_agreement
from workshop_tui.export.blocks import heading
from workshop_tui.export.board import cynefin, type_of_work
from workshop_tui.export.decisions import decisions
from workshop_tui.export.document import UTC_NOTE, facts, join, participants, title
from workshop_tui.export.living import carried, changes, planned_against_actual, version
from workshop_tui.export.outcomes import corrections, intended_outcomes, taken_back
from workshop_tui.export.part_notes import notes
from workshop_tui.export.promises import promises
from workshop_tui.export.signoffs import signoffs

__all__ = ["render_agreement", "render_markdown"]


def render_markdown(
    script: Script, session: SessionSnapshot, lineage: Lineage | None = None
) -> str:
    """The full notes of ``session`` (a run of ``script``) as Markdown ending in one newline.

    With ``lineage``, its version in the chain, the changes since the version
    before and the actions carried over.
    """
    agreement = agreement_of(script, session)
    return join(
        [
            [heading(1, title(script.title, session.setup.customer))],
            [*facts(agreement, session, times=True), "", UTC_NOTE],
            version(lineage),
            changes(lineage),
            participants(agreement),
            agenda(script, session),
            planned_against_actual(lineage),
            notes(script, session),
            cynefin(session),
            type_of_work(agreement),
            promises(agreement, script, session),
            decisions(session),
            signoffs(agreement, full=True),
            actions(list(session.actions), full=True),
            carried(lineage),
            corrections(agreement),
            taken_back(session),
            intended_outcomes(script, agreement, session),
        ]
    )
