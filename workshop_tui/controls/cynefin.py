"""The Cynefin board's keys: place, add, explain; accept or overrule the agility advice."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from textual.app import ComposeResult
from textual.binding import Binding

from workshop_tui.boards.cynefin import KEY_OF, CynefinBoard
from workshop_tui.controls.base import ActivityControls
from workshop_tui.dialogs.confirm import ConfirmDialog
from workshop_tui.dialogs.form import Field, FormDialog
from workshop_tui.dialogs.key_hold import dialog_flow
from workshop_tui.domain.kinds import CynefinDomain
from workshop_tui.domain.read_models import standing
from workshop_tui.domain.read_models.cynefin import (
    TRAY,
    CynefinView,
    Stop,
    Wanted,
    cynefin_view,
    next_in_tray,
)
from workshop_tui.domain.read_models.in_play import stop_key
from workshop_tui.domain.records import Classification

if TYPE_CHECKING:
    from workshop_tui.content.model import Part
    from workshop_tui.domain.engine import SessionEngine

UNPLACED = "unplaced"
"""The add dialog's choice for an item that waits in the tray, not placed yet."""
NOT_PLACED = "Not placed yet (it waits in the tray)"
_ADVICE = Binding.Group("Advice")
_PLACE = Binding.Group("Place", compact=True)


def _place(key: str, domain: CynefinDomain) -> Binding:
    return Binding(
        key,
        f"place('{domain.value}')",
        domain.label,
        tooltip=f"Place the item in {domain.label}",
        group=_PLACE,
    )


class CynefinControls(ActivityControls):
    """Keys on the Cynefin board; the selection moves with the arrows."""

    can_focus = True

    BINDINGS = [
        *(_place(key, domain) for domain, key in sorted(KEY_OF.items(), key=lambda kv: kv[1])),
        Binding("a", "add", "Add", tooltip="Add an item of the customer's work"),
        Binding(
            "r",
            "rationale",
            "Why",
            show=False,
            tooltip="Edit why the selected item sits where it does",
        ),
        Binding(
            "c",
            "accept",
            "Accept advice",
            tooltip="Record the board's agility advice",
            group=_ADVICE,
        ),
        Binding(
            "o",
            "overrule",
            "Overrule advice",
            tooltip="Record the room's own agility decision",
            group=_ADVICE,
        ),
        Binding("up", "step(-1)", "Previous", show=False, tooltip="Select the item above"),
        Binding("down", "step(1)", "Next", show=False, tooltip="Select the item below"),
        Binding("left", "jump(-1)", "Region left", show=False, tooltip="Previous tray or domain"),
        Binding("right", "jump(1)", "Region right", show=False, tooltip="Next tray or domain"),
        Binding("home", "edge(0)", "First", show=False, tooltip="Select the first item"),
        Binding("end", "edge(-1)", "Last", show=False, tooltip="Select the last item"),
    ]

    DEFAULT_CSS = """
    CynefinControls:focus .region {
        border-top: heavy $primary;
    }
    CynefinControls:focus #tray {
        border-top: heavy $warning;
    }
    """

    def __init__(self, engine: SessionEngine, part: Part, **kwargs: Any) -> None:
        super().__init__(engine, part, **kwargs)
        self._view = cynefin_view(part, engine.session)

    @property
    def selected(self) -> Stop:
        """Where the selection is."""
        return self._view.selected_stop

    def in_play(self) -> str | None:
        return stop_key(self._view.selected_stop)

    def compose(self) -> ComposeResult:
        yield CynefinBoard(self._view)

    def view(self, wanted: Wanted | None = None, index: int | None = None) -> CynefinView:
        """A new view of the board, the selection on ``wanted`` (else the same stop) or
        at ``index``."""
        here = self._view
        if wanted is None and index is None:
            wanted = (here.selected_stop.region, here.selected_stop.ident)
        fallback = here.selected if index is None else index
        return cynefin_view(self.part, self.engine.session, wanted, fallback)

    def redraw(self, wanted: Wanted | None = None, index: int | None = None) -> None:
        self._view = self.view(wanted, index)
        if self.is_mounted:
            self.query_one(CynefinBoard).show(self._view)

    def focus_main(self) -> None:
        self.focus()

    # -- moving the selection ------------------------------------------------------------
    def _select(self, index: int) -> None:
        self.redraw(index=max(0, min(index, len(self._view.stops) - 1)))

    def action_step(self, delta: int) -> None:
        self._select(self._view.selected + delta)

    def action_edge(self, where: int) -> None:
        self._select(0 if where == 0 else len(self._view.stops) - 1)

    def action_jump(self, delta: int) -> None:
        stops = self._view.stops
        regions = list(dict.fromkeys(stop.region for stop in stops))
        here = regions.index(self.selected.region)
        target = regions[max(0, min(here + delta, len(regions) - 1))]
        self._select(next(i for i, stop in enumerate(stops) if stop.region == target))

    def _follow(self, row: Classification | None) -> None:
        """Keep the selection on an item that was just placed or moved."""
        if row is not None:
            self.redraw(wanted=(row.domain.value if row.domain else TRAY, row.key))

    # -- recording -----------------------------------------------------------------------
    def action_place(self, value: str) -> None:
        domain = CynefinDomain(value)
        stop = self.selected
        if stop.ident is None:
            self.say("Select an item to place: the arrows move between items.")
        elif stop.domain is None:
            at = self._view.selected
            added = None if stop.ident.startswith("tray:") else stop.ident  # added, unplaced
            row = self.perform(self.engine.board.classify, stop.text, domain, key=added)
            following = next_in_tray(self._view.stops, at) if row is not None else None
            if following is not None:
                self.redraw(index=following)
            else:
                self._follow(row)
        elif stop.domain is domain:
            self.say(f"It is already in {domain.label}.")
        else:
            self._follow(self.perform(self.engine.board.move, stop.ident, domain))

    @dialog_flow
    async def action_add(self) -> None:
        here = self.selected.domain
        places = [(f"{KEY_OF[d]} {d.label}", d.value) for d in CynefinDomain]
        values = await self.ask(
            FormDialog(
                "Add an item to the board",
                [
                    Field("item", "Item of work", required=True),
                    Field(
                        "domain",
                        "Domain (1–5 chooses one; 0 leaves it in the tray)",
                        value=here.value if here else UNPLACED,
                        options=[(f"0 {NOT_PLACED}", UNPLACED), *places],
                        required=True,
                    ),
                    Field("rationale", "Why it belongs there"),
                ],
            )
        )
        if values:
            chosen = values["domain"]
            domain = None if chosen == UNPLACED else CynefinDomain(chosen)
            self._follow(
                self.perform(
                    self.engine.board.classify, values["item"], domain, values["rationale"]
                )
            )

    @dialog_flow
    async def action_rationale(self) -> None:
        stop = self.selected
        if stop.ident is None or stop.domain is None:
            self.say("Place the item first (1–5), then say why it belongs there.")
            return
        key = stop.ident
        current = standing.classification_history(self.engine.session.classifications, key)[-1]
        domain = current.domain or stop.domain
        values = await self.ask(
            FormDialog(
                "Why does it belong there?",
                [Field("rationale", "Rationale", value=current.rationale)],
                intro=f"{current.item} · {domain.label}",
            )
        )
        if values and values["rationale"] != current.rationale:
            self.perform(self.engine.board.move, key, domain, values["rationale"])

    @dialog_flow
    async def action_accept(self) -> None:
        advice = self.engine.decisions.agility_advice()
        if advice.leading is None:
            self.perform(self.engine.decisions.accept_agility)  # the engine says why it cannot
            return
        detail = f"{advice.summary}\n\n" + "\n".join(f"• {r}" for r in advice.reasons)
        question = f"Accept the advice: {advice.level}?"
        if await self.ask(ConfirmDialog(question, detail, yes="Accept", no="Not yet")):
            self.perform(self.engine.decisions.accept_agility)

    @dialog_flow
    async def action_overrule(self) -> None:
        advice = self.engine.decisions.agility_advice()
        values = await self.ask(
            FormDialog(
                "Overrule the board's advice",
                [Field("outcome", "The room's decision", required=True)],
                intro=f"The board advises: {advice.summary}",
            )
        )
        if values:
            self.perform(self.engine.decisions.overrule_agility, values["outcome"])
