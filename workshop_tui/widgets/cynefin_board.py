"""The Cynefin board: the room places items of its work in the five domains.

Drawn as the framework is: Complex top-left, Complicated top-right, Chaotic
bottom-left, Clear bottom-right and Confused in the centre, with the script's
items still to classify in a tray on the left. Under the board: the selected
item's rationale and history, the question to ask for its domain, and the
board's agility advice with the room's decision.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Center, Grid, Horizontal, Vertical, VerticalScroll
from textual.widget import Widget

from workshop_tui.content.model import CynefinActivity
from workshop_tui.dialogs.confirm import ConfirmDialog
from workshop_tui.dialogs.form import Field, FormDialog
from workshop_tui.domain import views
from workshop_tui.domain.kinds import CynefinDomain
from workshop_tui.domain.preloaded import begun_in, pending
from workshop_tui.domain.records import Classification
from workshop_tui.widgets.activity import ActivityPanel
from workshop_tui.widgets.clamped_text import ClampedText
from workshop_tui.widgets.local_time import hhmm

if TYPE_CHECKING:
    from workshop_tui.content.model import Part
    from workshop_tui.domain.engine import SessionEngine

TRAY = "tray"
KEY_OF: dict[CynefinDomain, str] = {
    CynefinDomain.CLEAR: "1",
    CynefinDomain.COMPLICATED: "2",
    CynefinDomain.COMPLEX: "3",
    CynefinDomain.CHAOTIC: "4",
    CynefinDomain.CONFUSED: "5",
}
"""The number key that places the selected item in each domain."""
READING_ORDER: tuple[CynefinDomain, ...] = (
    CynefinDomain.COMPLEX,
    CynefinDomain.COMPLICATED,
    CynefinDomain.CONFUSED,
    CynefinDomain.CHAOTIC,
    CynefinDomain.CLEAR,
)
"""The domains as the arrows walk them: left to right, top to bottom."""
MARKER = "▶ "
MAX_ITEM_LINES = 3
"""An item wraps to at most this many lines, fewer when its box is crowded."""
MAX_CONFUSED_ROWS = 4
"""The Confused box's max-height, its border included."""
_ADVICE = Binding.Group("Advice")
_PLACE = Binding.Group("Place", compact=True)


@dataclass(frozen=True, slots=True)
class Stop:
    """A place the selection can rest: an item in the tray or a domain, or an empty domain."""

    region: str
    """``"tray"`` or a domain's value."""
    ident: str | None
    """The item's classification key, ``"tray:N"`` for the script's Nth item, None when empty."""
    text: str

    @property
    def domain(self) -> CynefinDomain | None:
        return None if self.region == TRAY else CynefinDomain(self.region)


class ItemLine(ClampedText):
    """One item on the board, or the "nothing here yet" line of an empty domain."""

    DEFAULT_CSS = """
    ItemLine {
        padding: 0 0;
    }
    ItemLine.-empty {
        color: $text-muted;
        text-style: italic;
    }
    ItemLine.-selected {
        background: $accent;
        color: $text;
        text-style: bold;
    }
    """

    def __init__(self, stop: Stop, selected: bool) -> None:
        super().__init__(max_lines=2, indent="  ", classes="-empty" if stop.ident is None else "")
        self.stop = stop
        self.select(selected)

    def select(self, selected: bool) -> None:
        """Show or hide the selection (marker and highlight)."""
        self.set_class(selected, "-selected")
        self.lead = MARKER if selected else "  "
        self.text = self.stop.text
        self.refresh(layout=True)


class Region(VerticalScroll, can_focus=False):
    """The tray or a domain's box: its items get the lines it can spare, its title fits."""

    def __init__(
        self, *lines: ItemLine, title: str, count: int, max_rows: int | None = None, **kwargs: Any
    ) -> None:
        super().__init__(*lines, **kwargs)
        self.short_title = title
        self.full_title = f"{title} · {count}"
        self.max_rows = max_rows
        """The box's max-height when its height follows its items (Confused)."""
        self.border_title = self.full_title

    def on_resize(self) -> None:
        self.fit()

    def fit(self) -> None:
        """Items take 1 to ``MAX_ITEM_LINES`` lines each; the count goes when the title is cut."""
        lines = list(self.query(ItemLine))
        room = (self.max_rows or self.size.height) - 1  # the top border
        per_item = max(1, min(MAX_ITEM_LINES, room // max(1, len(lines))))
        for line in lines:
            line.max_lines = per_item
        fits = len(self.full_title) + 4 <= self.size.width
        self.border_title = self.full_title if fits else self.short_title


class CynefinPanel(ActivityPanel):
    """The five Cynefin domains, a tray of items to classify, and the agility advice."""

    can_focus = True

    BINDINGS = [
        Binding("1", "place('clear')", "Clear", tooltip="Place the item in Clear", group=_PLACE),
        Binding(
            "2",
            "place('complicated')",
            "Complicated",
            tooltip="Place the item in Complicated",
            group=_PLACE,
        ),
        Binding(
            "3", "place('complex')", "Complex", tooltip="Place the item in Complex", group=_PLACE
        ),
        Binding(
            "4", "place('chaotic')", "Chaotic", tooltip="Place the item in Chaotic", group=_PLACE
        ),
        Binding(
            "5",
            "place('confused')",
            "Confused",
            tooltip="Place the item in Confused",
            group=_PLACE,
        ),
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
    CynefinPanel {
        height: 1fr;
    }
    CynefinPanel #cynefin-main {
        height: 1fr;
        min-height: 5;
    }
    CynefinPanel .region {
        height: 1fr;
        min-height: 2;
        border-top: solid $primary;
        border-title-color: $text;
        border-title-style: bold;
        background: $boost;
        scrollbar-size-vertical: 1;
    }
    CynefinPanel #tray {
        width: 1fr;
        max-width: 30;
        margin-right: 1;
        border-top: solid $warning;
    }
    CynefinPanel #tray.-gone {
        display: none;
    }
    CynefinPanel #cynefin-grid {
        width: 2fr;
        grid-size: 2 3;
        grid-rows: 1fr auto 1fr;
        grid-gutter: 0 1;
    }
    CynefinPanel #confused-row {
        column-span: 2;
        height: auto;
    }
    CynefinPanel #box-confused {
        width: 60%;
        height: auto;
        max-height: 4;  /* MAX_CONFUSED_ROWS */
        border-top: solid $secondary;
    }
    CynefinPanel #cynefin-info {
        height: auto;
        padding: 0 1;
        background: $panel;
    }
    CynefinPanel #cynefin-ask {
        text-style: italic;
    }
    CynefinPanel #cynefin-advice.-decided {
        color: $success;
        text-style: bold;
    }
    CynefinPanel:focus .region {
        border-top: heavy $primary;
    }
    CynefinPanel:focus #tray {
        border-top: heavy $warning;
    }
    """

    def __init__(self, engine: SessionEngine, part: Part, **kwargs: Any) -> None:
        super().__init__(engine, part, **kwargs)
        activity = part.activity
        self.activity = activity if isinstance(activity, CynefinActivity) else None
        self._stops: list[Stop] = []
        self._index = 0
        self._wanted: tuple[str, str | None] | None = None
        self._read()

    # -- reading the session -------------------------------------------------------------------
    @property
    def rows(self) -> list[Classification]:
        """Every revision of the items placed in this part."""
        return begun_in(self.engine.session.classifications, self.part.id)

    def _read(self) -> None:
        """Rebuild the stops from the session, keeping the selection on the same thing."""
        rows = self.rows
        current = views.current_classifications(rows)
        items = self.activity.items if self.activity else []
        stops = [
            Stop(TRAY, f"tray:{index}", items[index])
            for index in pending(items, (row.item for row in current))
        ]
        board = views.board(rows)
        for domain in READING_ORDER:
            placed = board[domain]
            stops.extend(Stop(domain.value, row.key, row.item) for row in placed)
            if not placed:
                stops.append(Stop(domain.value, None, "nothing yet"))
        wanted = self._wanted or (
            (self._stops[self._index].region, self._stops[self._index].ident)
            if self._stops
            else None
        )
        self._wanted = None
        self._stops = stops
        self._index = _find(stops, wanted, self._index)

    @property
    def selected(self) -> Stop:
        """Where the selection is."""
        return self._stops[self._index]

    def sync(self) -> None:
        self._read()
        if self.is_mounted:
            self.refresh(recompose=True)

    # -- drawing -------------------------------------------------------------------------------
    def compose(self) -> ComposeResult:
        by_region: dict[str, list[tuple[int, Stop]]] = {}
        for index, stop in enumerate(self._stops):
            by_region.setdefault(stop.region, []).append((index, stop))
        tray = by_region.get(TRAY, [])
        counts = {d: sum(1 for _, s in by_region[d.value] if s.ident) for d in CynefinDomain}
        with Horizontal(id="cynefin-main"):
            yield Region(
                *self._lines(tray),
                title="To classify",
                count=len(tray),
                id="tray",
                classes="region" + ("" if tray else " -gone"),
            )
            with Grid(id="cynefin-grid"):
                for domain in READING_ORDER:
                    if domain is CynefinDomain.CONFUSED:
                        with Center(id="confused-row"):
                            yield self._box(domain, by_region[domain.value], counts[domain])
                    else:
                        yield self._box(domain, by_region[domain.value], counts[domain])
        with Vertical(id="cynefin-info"):
            yield ClampedText(id="cynefin-detail", max_lines=2)
            yield ClampedText(id="cynefin-ask", max_lines=2)
            yield ClampedText(id="cynefin-advice", max_lines=2)

    def _box(self, domain: CynefinDomain, stops: list[tuple[int, Stop]], count: int) -> Widget:
        return Region(
            *self._lines(stops),
            title=f"{KEY_OF[domain]} {domain.label}",
            count=count,
            max_rows=MAX_CONFUSED_ROWS if domain is CynefinDomain.CONFUSED else None,
            id=f"box-{domain.value}",
            classes="region",
        )

    def _lines(self, stops: list[tuple[int, Stop]]) -> list[ItemLine]:
        return [ItemLine(stop, index == self._index) for index, stop in stops]

    def on_mount(self) -> None:
        self._show_selection()

    async def recompose(self) -> None:
        await super().recompose()
        self._show_selection()

    def on_resize(self, event: events.Resize) -> None:
        self._fit_info()

    def _fit_info(self) -> None:
        """The lines under the board take more rows only when the panel is tall."""
        height = self.size.height
        rows = {
            "cynefin-detail": 2 if height >= 12 else 1,
            "cynefin-ask": 2 if height >= 18 else 1,
            "cynefin-advice": 2 if height >= 18 else 1,
        }
        for widget in self.query(ClampedText).filter("#cynefin-info > *"):
            widget.max_lines = rows.get(widget.id or "", 1)
        self.query_one("#cynefin-ask").display = height >= 11

    def _show_selection(self) -> None:
        """Highlight the selected line, scroll it into view, and describe it under the board."""
        for line in self.query(ItemLine):
            line.select(line.stop == self.selected)
            if line.stop == self.selected:
                line.scroll_visible(animate=False)
        self._fit_info()
        stop = self.selected
        self.query_one("#cynefin-detail", ClampedText).text = self._detail(stop)
        self.query_one("#cynefin-ask", ClampedText).text = self._ask(stop)
        advice = self.query_one("#cynefin-advice", ClampedText)
        advice.text, decided = self._advice()
        advice.set_class(decided, "-decided")

    def _detail(self, stop: Stop) -> str:
        domain = stop.domain
        if domain is None:
            return f"{stop.text} · not placed yet"
        if stop.ident is None:
            return f"{domain.label}: nothing placed here yet."
        history = views.classification_history(self.rows, stop.ident)
        current = history[-1]
        parts = [f"{current.item} · {domain.label}"]
        if current.rationale:
            parts.append(f"why: {current.rationale}")
        earlier = views.earlier_domains(history)
        if earlier:
            was = " → ".join(d.label for d in earlier)
            parts.append(f"was {was}, moved to {domain.label} at {hhmm(_arrived(history))}")
        else:
            parts.append(f"placed at {hhmm(history[0].at)}")
        return " · ".join(parts)

    def _ask(self, stop: Stop) -> str:
        domain = stop.domain
        if domain is None:
            return "Where does it belong? Press the number on its domain's box (1–5)."
        prompts = self.activity.domain_prompts if self.activity else {}
        prompt = prompts.get(domain)
        return f"Ask · {domain.label}: {prompt}" if prompt else ""

    def _advice(self) -> tuple[str, bool]:
        """The room's agility decision if there is one, else the board's advice."""
        advice = self.engine.agility_advice()
        decision = self.engine.agility_decision()
        if decision is not None:
            text = f"Decided: {decision.outcome}"
            if advice.leading is not None and not decision.outcome.startswith(advice.level):
                text += f" · the board now advises {advice.level}"
            return text, True
        if advice.leading is None:
            return f"Advice: {advice.approach}", False
        reasons = "; ".join(advice.reasons)
        return f"Advice: {advice.level} ({reasons}). {advice.approach}", False

    # -- keys ----------------------------------------------------------------------------------
    def focus_main(self) -> None:
        self.focus()

    def _select(self, index: int) -> None:
        self._index = max(0, min(index, len(self._stops) - 1))
        self._show_selection()

    def action_step(self, delta: int) -> None:
        self._select(self._index + delta)

    def action_edge(self, where: int) -> None:
        self._select(0 if where == 0 else len(self._stops) - 1)

    def action_jump(self, delta: int) -> None:
        regions = list(dict.fromkeys(stop.region for stop in self._stops))
        here = regions.index(self.selected.region)
        target = regions[max(0, min(here + delta, len(regions) - 1))]
        self._select(next(i for i, stop in enumerate(self._stops) if stop.region == target))

    def action_place(self, value: str) -> None:
        domain = CynefinDomain(value)
        stop = self.selected
        if stop.ident is None:
            self.notify("Select an item to place: the arrows move between items.")
        elif stop.domain is None:
            row = self.perform(self.engine.classify, stop.text, domain)
            if row is not None and not self._next_in_tray(stop):
                self._follow(row)
        elif stop.domain is domain:
            self.notify(f"It is already in {domain.label}.")
        else:
            self._follow(self.perform(self.engine.move_item, stop.ident, domain))

    def action_add(self) -> None:
        here = self.selected.domain
        fields = [
            Field("item", "Item of work", required=True),
            Field(
                "domain",
                "Domain",
                value=here.value if here else "",
                options=[(f"{KEY_OF[d]} {d.label}", d.value) for d in CynefinDomain],
                required=True,
            ),
            Field("rationale", "Why it belongs there"),
        ]

        def add(values: dict[str, str]) -> None:
            row = self.perform(
                self.engine.classify,
                values["item"],
                CynefinDomain(values["domain"]),
                values["rationale"],
            )
            self._follow(row)

        self.ask(FormDialog("Add an item to the board", fields), add)

    def action_rationale(self) -> None:
        stop = self.selected
        if stop.ident is None or stop.domain is None:
            self.notify("Place the item first (1–5), then say why it belongs there.")
            return
        current = views.classification_history(self.rows, stop.ident)[-1]
        key = stop.ident

        def save(values: dict[str, str]) -> None:
            if values["rationale"] != current.rationale:
                self.perform(self.engine.move_item, key, current.domain, values["rationale"])

        self.ask(
            FormDialog(
                "Why does it belong there?",
                [Field("rationale", "Rationale", value=current.rationale)],
                intro=f"{current.item} · {current.domain.label}",
            ),
            save,
        )

    def action_accept(self) -> None:
        advice = self.engine.agility_advice()
        if advice.leading is None:
            self.perform(self.engine.accept_agility)  # the engine says why it cannot
            return
        detail = f"{advice.summary}\n\n" + "\n".join(f"• {r}" for r in advice.reasons)

        def accept(_yes: bool) -> None:
            self.perform(self.engine.accept_agility)

        self.ask(
            ConfirmDialog(
                f"Accept the advice: {advice.level}?", detail, yes="Accept", no="Not yet"
            ),
            accept,
        )

    def action_overrule(self) -> None:
        advice = self.engine.agility_advice()

        def overrule(values: dict[str, str]) -> None:
            self.perform(self.engine.overrule_agility, values["outcome"])

        self.ask(
            FormDialog(
                "Overrule the board's advice",
                [Field("outcome", "The room's decision", required=True)],
                intro=f"The board advises: {advice.summary}",
            ),
            overrule,
        )

    def _next_in_tray(self, placed: Stop) -> bool:
        """Select the tray item that followed ``placed``; False when the tray is empty."""
        tray = [i for i, stop in enumerate(self._stops) if stop.region == TRAY]
        if not tray:
            return False
        self._index = next((i for i in tray if i >= self._index), tray[-1])
        return True

    def _follow(self, row: Classification | None) -> None:
        """Keep the selection on an item that was just placed or moved."""
        if row is not None:
            self._index = _find(self._stops, (row.domain.value, row.key), self._index)


def _find(stops: list[Stop], wanted: tuple[str, str | None] | None, fallback: int) -> int:
    """The position of ``wanted`` (region, ident); the same item elsewhere; else ``fallback``."""
    if wanted is not None:
        region, ident = wanted
        for index, stop in enumerate(stops):
            if stop.region == region and stop.ident == ident:
                return index
        if ident is not None:
            for index, stop in enumerate(stops):
                if stop.ident == ident:
                    return index
    return max(0, min(fallback, len(stops) - 1))


def _arrived(history: list[Classification]) -> datetime:
    """When the item came into its current domain."""
    arrived = history[-1].at
    for row in reversed(history):
        if row.domain is not history[-1].domain:
            break
        arrived = row.at
    return arrived
