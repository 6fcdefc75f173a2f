"""The Cynefin board: work placed in a domain, and moved by new revisions."""

from __future__ import annotations

from workshop_tui.domain.engine.core import SessionCore, new_key, require_text
from workshop_tui.domain.kinds import CynefinDomain
from workshop_tui.domain.records import Classification


class Board:
    """Place items of work in Cynefin domains; each move is a new revision of the item."""

    def __init__(self, core: SessionCore) -> None:
        self._core = core

    def classify(
        self, item: str, domain: CynefinDomain | None, rationale: str = "", key: str | None = None
    ) -> Classification:
        """Place an item in a Cynefin domain (None: add it, not placed yet); with ``key``,
        re-classify it (history is kept)."""
        require_text(item, "the item")
        core = self._core
        carried = core.carried_from(core.session.classifications, key)
        row = Classification(
            core.part.id,
            core.clock.now(),
            key or new_key(),
            item.strip(),
            domain,
            rationale.strip(),
            carried_from=carried,
        )
        return core.add(row, core.session.classifications)

    def move(self, key: str, domain: CynefinDomain, rationale: str | None = None) -> Classification:
        """Move a classified item to another domain, keeping its wording."""
        current = self._core.latest(self._core.session.classifications, key, "item")
        text = current.rationale if rationale is None else rationale
        return self.classify(current.item, domain, text, key=key)
