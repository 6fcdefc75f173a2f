"""The agreement as a document: what the room agreed, ready for a contract appendix.

Parties and people, the type of work and the agreed level of agility, each
party's promises (promised, still open, declined, with owners, notes and
reasons), decisions with their outcomes, every sign-off section with its
wording and who initialled which wording, the actions and the review date.
Nothing of the script is presented as if said in the room. The output depends
only on the script and the snapshot, never on the current time.
"""

from __future__ import annotations

from workshop_tui.content.model import Script
from workshop_tui.domain.living.lineage import Lineage
from workshop_tui.domain.read_models.agreement import agreement_of
from workshop_tui.domain.read_models.open_points import open_points
from workshop_tui.domain.snapshot import SessionSnapshot
from workshop_tui.export import escape
from workshop_tui.export.actions import actions
from workshop_tui.export.blocks import heading
from workshop_tui.export.board import type_of_work
from workshop_tui.export.decisions import outcomes
from workshop_tui.export.document import UTC_NOTE, facts, join, participants, title
from workshop_tui.export.living import carried, changes, version
from workshop_tui.export.open_points import still_open
from workshop_tui.export.promises import promises
from workshop_tui.export.signoffs import signoffs


def render_agreement(
    script: Script, session: SessionSnapshot, lineage: Lineage | None = None
) -> str:
    """The agreement ``session`` reached, as Markdown ending in one newline.

    With ``lineage``, its version in the chain, the changes since the version
    before and the actions carried over.
    """
    agreement = agreement_of(script, session)
    lead = f"Agreement: {script.title}"
    intro = [
        f"The agreement recorded in this session of {escape.inline(script.title)}. "
        "The session notes hold how it was reached."
    ]
    return join(
        [
            [heading(1, title(lead, session.setup.customer)), "", *intro],
            [*facts(agreement, session, times=False), "", UTC_NOTE],
            version(lineage),
            still_open(open_points(script, session)),
            changes(lineage),
            participants(agreement, "Parties and people"),
            type_of_work(agreement),
            promises(agreement, script),
            outcomes(agreement),
            signoffs(agreement),
            actions(list(session.actions)),
            carried(lineage),
        ]
    )
