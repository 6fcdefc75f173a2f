"""Every board of every bundled script, drawn in the room view at 100x30, reads in full
(and at 80x24, with the example content).

With the example content and a crowded case (a Cynefin board of 20 items of 60-90
characters, 12 promises per party), each item is put in play in turn: the room
view shows it whole, on screen, never cut with "…".
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from textual.pilot import Pilot

from tests.ui.app_driver import wait_until
from tests.ui.panel_harness import utc_times
from tests.ui.room_harness import BUNDLED, bundled_engine, drawn, room_app, screen_text
from tests.ui.room_reading import page_text, reads_in_full, words
from workshop_tui.boards.projector.decisions import DecisionsStage
from workshop_tui.boards.projector.item_list import ItemList
from workshop_tui.boards.projector.page_text import PageText
from workshop_tui.boards.projector.signoff import SignoffStage
from workshop_tui.domain.clock import FakeClock
from workshop_tui.domain.engine import SessionEngine
from workshop_tui.domain.kinds import CynefinDomain, DecisionMethod
from workshop_tui.domain.room_cue import InPlay
from workshop_tui.room.app import RoomApp
from workshop_tui.storage.opener import open_store
from workshop_tui.storage.repository import SqlSessionStore

__all__ = ["utc_times"]
pytestmark = pytest.mark.usefixtures("utc_times")

DOMAINS = (
    [CynefinDomain.COMPLEX] * 8
    + [CynefinDomain.COMPLICATED] * 5
    + [
        CynefinDomain.CLEAR,
        CynefinDomain.CHAOTIC,
        CynefinDomain.CONFUSED,
    ]
)


def long_text(n: int, what: str) -> str:
    """A text of 60 to 90 characters, each one different."""
    text = f"{what} {n}: move the regional ledger onto the shared platform"
    return (text + " without stopping the nightly shipments")[: 60 + (n * 7) % 31].rstrip()


def fill(engine: SessionEngine, crowded: bool) -> bool:
    """The part's example content, and for a crowded case many long items; whether it
    added any."""
    part = engine.part
    activity = part.activity
    if activity.kind == "cynefin" and crowded:
        for n in range(20):
            engine.board.classify(long_text(n, "Item"), DOMAINS[n % len(DOMAINS)])
    elif activity.kind == "cynefin":
        engine.board.classify(activity.items[0], CynefinDomain.COMPLEX)  # type: ignore[union-attr]
    elif activity.kind == "promises":
        for party in activity.parties:  # type: ignore[union-attr]
            for n in range(12 if crowded else 1):
                engine.promises.add(party.name, long_text(n, f"{party.name} promise"))
    elif activity.kind == "decisions" and activity.questions:  # type: ignore[union-attr]
        first = activity.questions[0]  # type: ignore[union-attr]
        if not first.options:
            return False
        votes = {option: n + 1 for n, option in enumerate(first.options)}
        engine.decisions.record(first.question, DecisionMethod.DOT_VOTING, votes=votes)
    elif activity.kind == "actions":
        for n in range(10 if crowded else 2):
            engine.actions.add(long_text(n, "Action"), "Priya Shankar-Williams", date(2027, 1, 1))
    else:
        return False
    return True


async def point_at(
    pilot: Pilot[None], store: SqlSessionStore, engine: SessionEngine, key: str
) -> None:
    """Put ``key`` in play, as the console does, and wait until the room view drew it."""
    in_play = InPlay(engine.index, key)
    at = datetime(2026, 11, 21, 9, tzinfo=UTC)  # a signal's time is not read back
    await drawn(pilot, lambda: store.set_room_in_play(engine.session.id, in_play, at))


RECORDS = ("notes", "classifications", "promises", "signoffs", "decisions", "actions")


def records_of(engine: SessionEngine) -> tuple[int, ...]:
    return tuple(len(getattr(engine.session, name)) for name in RECORDS)


def records_drawn(app: RoomApp) -> tuple[int, ...] | None:
    """How many records of each kind the session the room view last drew holds."""
    followed = app.followed
    if followed is None:
        return None
    return tuple(len(getattr(followed.session, name)) for name in RECORDS)


@pytest.mark.parametrize(
    ("size", "crowded"),
    [((100, 30), False), ((100, 30), True), ((80, 24), False)],
    ids=["100x30-example", "100x30-crowded", "80x24-example"],
)
@pytest.mark.parametrize("script_id", BUNDLED)
async def test_every_item_in_play_reads_in_full(
    tmp_path: Path, script_id: str, size: tuple[int, int], crowded: bool
) -> None:
    clock = FakeClock()
    db = tmp_path / "w.db"
    store = open_store(db)
    engine = bundled_engine(db, script_id, clock, store=store)
    app = room_app(db, clock)
    async with app.run_test(size=size) as pilot:
        await drawn(pilot)
        for index in range(len(engine.script.parts)):
            if index:
                await drawn(pilot, engine.timing.next_part)
            if fill(engine, crowded):  # each record its own commit: wait for the last drawn
                await wait_until(pilot, lambda: records_drawn(app) == records_of(engine))
                await pilot.pause()
            await check_every_item(pilot, app, store, engine, crowded)
    store.close()


async def check_every_item(
    pilot: Pilot[None],
    app: RoomApp,
    store: SqlSessionStore,
    engine: SessionEngine,
    crowded: bool,
) -> None:
    screen = app.screen
    where = f"{engine.script.id} part {engine.index + 1}"
    for stage in screen.query(SignoffStage):
        for section in stage.view.sections:
            await point_at(pilot, store, engine, section.section_id)
            page = screen.query_one("#signoff-text", PageText)
            width, height = page.content_size
            columns = page.columns(width, height)  # as drawn: every line of every column
            if crowded and max(len(column) for column in columns) > height:
                # a section that lists 20 long items cannot fit 100x30: it says what is left
                assert "more lines" in page_text(app, "#signoff-text"), where
                continue
            assert max(len(column) for column in columns) <= height, where
            shown = " ".join(str(line) for column in columns for line in column)
            assert words(shown) == words(section.text), where
            assert screen.region.contains_region(page.content_region), where
            assert words(section.title) in page_text(app, "#signoff-title"), where
            assert "…" not in screen_text(app), where
        return
    for stage in screen.query(DecisionsStage):
        for question in stage.view.questions:
            await point_at(pilot, store, engine, question.row_id)
            text = page_text(app, "#decision-page")
            shown = question.question
            assert words(shown.question) in text and "…" not in text, where
            for option in shown.options:
                assert words(option) in text, f"{where}: {option}"
            page = screen.query_one("#decision-page")
            assert page.max_scroll_y == 0, where
        return
    keys = [(item.key, item.text) for items in screen.query(ItemList) for item in items.items]
    for key, text in keys:
        if not key:
            continue
        await point_at(pilot, store, engine, key)
        assert reads_in_full(app, text), f"{where}: {text!r} not in full\n{screen_text(app)}"
