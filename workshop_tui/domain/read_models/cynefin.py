"""The Cynefin board: items in a tray and in the five domains, the selected one described.

The board reads as the framework is drawn: Complex top-left, Complicated
top-right, Confused in the centre, Chaotic bottom-left, Clear bottom-right.
Every place the selection can rest is a ``Stop``: an item still in the tray,
an item in a domain, or an empty domain. Under the board: the selected item's
rationale and history, the question to ask for its domain, and the agility
advice with the room's decision.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from workshop_tui.domain.kinds import CynefinDomain
from workshop_tui.domain.read_models import standing
from workshop_tui.domain.read_models.audience import Audience, Wording
from workshop_tui.domain.read_models.local_time import hhmm
from workshop_tui.domain.records import Classification, Decision
from workshop_tui.domain.rules.agility import AGILITY_QUESTION, advise
from workshop_tui.domain.rules.preloaded import begun_in, pending

if TYPE_CHECKING:
    from workshop_tui.content.model import Part
    from workshop_tui.domain.snapshot import SessionSnapshot

TRAY = "tray"
READING_ORDER: tuple[CynefinDomain, ...] = (
    CynefinDomain.COMPLEX,
    CynefinDomain.COMPLICATED,
    CynefinDomain.CONFUSED,
    CynefinDomain.CHAOTIC,
    CynefinDomain.CLEAR,
)
"""The domains as the arrows walk them: left to right, top to bottom."""
EMPTY = "nothing yet"
WHERE_DOES_IT_BELONG = Wording(
    "Where does it belong? Press the number on its domain's box (1–5).", "Where does it belong?"
)

Wanted = tuple[str, str | None]
"""A stop to select: (region, ident)."""


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


@dataclass(frozen=True, slots=True)
class CynefinView:
    """The board, the selected stop, and the three lines under the board."""

    stops: tuple[Stop, ...]
    selected: int
    detail: str
    ask: str
    advice: str
    decided: bool
    """Whether ``advice`` is the room's recorded decision (else the board's advice)."""
    audience: Audience = Audience.CONSOLE
    """Who reads it: the room's board names no key (a domain's title has no number)."""

    @property
    def selected_stop(self) -> Stop:
        return self.stops[self.selected]

    def in_region(self, region: str) -> list[tuple[int, Stop]]:
        """The stops of one region with their positions, top to bottom."""
        return [(i, stop) for i, stop in enumerate(self.stops) if stop.region == region]

    def placed(self, domain: CynefinDomain) -> int:
        """How many items are in ``domain``."""
        return sum(1 for stop in self.stops if stop.region == domain.value and stop.ident)


def cynefin_view(
    part: Part,
    session: SessionSnapshot,
    wanted: Wanted | None = None,
    fallback: int = 0,
    *,
    audience: Audience = Audience.CONSOLE,
) -> CynefinView:
    """The board of ``part``, selecting ``wanted`` (else the same item elsewhere, else
    the stop at ``fallback``); the question under it worded for ``audience``."""
    rows = begun_in(session.classifications, part.id)
    current = standing.current_classifications(rows)
    activity = part.activity
    items: list[str] = list(activity.items) if activity.kind == "cynefin" else []
    prompts = dict(activity.domain_prompts) if activity.kind == "cynefin" else {}
    waiting = standing.unplaced(rows)
    stops = [
        Stop(TRAY, f"tray:{index}", items[index])
        for index in pending(items, (row.item for row in (*current, *waiting)))
    ]
    stops += [Stop(TRAY, row.key, row.item) for row in waiting]  # added, not placed yet
    board = standing.board(rows)
    for domain in READING_ORDER:
        placed = board[domain]
        stops.extend(Stop(domain.value, row.key, row.item) for row in placed)
        if not placed:
            stops.append(Stop(domain.value, None, EMPTY))
    selected = find_stop(stops, wanted, fallback)
    stop = stops[selected]
    advice, decided = _advice(session)
    return CynefinView(
        stops=tuple(stops),
        selected=selected,
        detail=_detail(stop, rows),
        ask=_ask(stop, prompts, audience),
        advice=advice,
        decided=decided,
        audience=audience,
    )


def find_stop(stops: Sequence[Stop], wanted: Wanted | None, fallback: int) -> int:
    """The position of ``wanted``; the same item elsewhere; else ``fallback`` kept in range."""
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


def next_in_tray(stops: Sequence[Stop], after: int) -> int | None:
    """The tray stop at or after position ``after`` (else the last one); None: tray empty."""
    tray = [i for i, stop in enumerate(stops) if stop.region == TRAY]
    if not tray:
        return None
    return next((i for i in tray if i >= after), tray[-1])


def agility_decision(decisions: Sequence[Decision]) -> Decision | None:
    """The latest recorded answer to how much agility the work calls for."""
    for row in reversed(decisions):
        if row.question == AGILITY_QUESTION:
            return row
    return None


def _detail(stop: Stop, rows: Sequence[Classification]) -> str:
    domain = stop.domain
    if domain is None:
        return f"{stop.text} · not placed yet"
    if stop.ident is None:
        return f"{domain.label}: nothing placed here yet."
    history = standing.classification_history(rows, stop.ident)
    current = history[-1]
    parts = [f"{current.item} · {domain.label}"]
    if current.rationale:
        parts.append(f"why: {current.rationale}")
    earlier = standing.earlier_domains(history)
    if earlier:
        was = " → ".join(d.label for d in earlier)
        parts.append(f"was {was}, moved to {domain.label} at {hhmm(_arrived(history))}")
    else:
        parts.append(f"placed at {hhmm(history[0].at)}")
    return " · ".join(parts)


def _ask(stop: Stop, prompts: dict[CynefinDomain, str], audience: Audience) -> str:
    domain = stop.domain
    if domain is None:
        return WHERE_DOES_IT_BELONG.to(audience)
    prompt = prompts.get(domain)
    return f"Ask · {domain.label}: {prompt}" if prompt else ""


def _advice(session: SessionSnapshot) -> tuple[str, bool]:
    """The room's agility decision if there is one, else the board's advice."""
    advice = advise(standing.current_classifications(session.classifications))
    decision = agility_decision(session.decisions)
    if decision is not None:
        text = f"Decided: {decision.outcome}"
        if advice.leading is not None and not decision.outcome.startswith(advice.level):
            text += f" · the board now advises {advice.level}"
        return text, True
    if advice.leading is None:
        return f"Advice: {advice.approach}", False
    reasons = "; ".join(advice.reasons)
    return f"Advice: {advice.level} ({reasons}). {advice.approach}", False


def _arrived(history: Sequence[Classification]) -> datetime:
    """When the item came into its current domain."""
    arrived = history[-1].at
    for row in reversed(history):
        if row.domain is not history[-1].domain:
            break
        arrived = row.at
    return arrived
