"""The reads across many sessions (``due``, ``stats``) give what reading each session whole
gives, on a SQLite file and on a team store."""

from __future__ import annotations

from datetime import date

from tests.unit.engine_fixtures import new_engine
from workshop_tui.domain.read_models import standing
from workshop_tui.locations import StoreLocation
from workshop_tui.storage import open_store


def test_open_actions_are_each_sessions_latest_open_revisions_in_the_order_written(
    store_location: StoreLocation,
) -> None:
    first, clock = new_engine(store_location)
    a = first.actions.add("Send the minutes", "Kim", date(2026, 12, 1)).key
    b = first.actions.add("Book the room", "Bo").key
    c = first.actions.add("Call legal", "Ana").key
    first.actions.update(a, done=True)
    first.actions.update(b, due=date(2026, 12, 24))
    first.actions.update(a, done=False, reason="not sent after all")  # open again, written first
    first.actions.update(c, done=True)
    second, _ = new_engine(store_location, clock)
    d = second.actions.add("Draft the SoW", "Cy").key
    second.actions.add("Nothing open here", "Cy")
    second.actions.update(d, done=True)
    third, _ = new_engine(store_location, clock)  # no actions at all
    ids = [first.session.id, second.session.id, third.session.id]
    with open_store(store_location, readonly=True) as store:
        found = store.open_actions(ids)
        whole = {sid: standing.open_actions(store.load_session(sid)[1].actions) for sid in ids}
    assert {sid: actions for sid, actions in found.items() if actions} == {
        sid: actions for sid, actions in whole.items() if actions
    }
    assert [(x.text, x.due) for x in found[first.session.id]] == [
        ("Send the minutes", date(2026, 12, 1)),
        ("Book the room", date(2026, 12, 24)),
    ]
    assert [x.text for x in found[second.session.id]] == ["Nothing open here"]
    assert not found.get(third.session.id)


def test_timing_runs_are_each_sessions_timings_oldest_first(store_location: StoreLocation) -> None:
    first, clock = new_engine(store_location)
    first.timing.start()
    clock.advance(90)
    first.timing.next_part()
    clock.advance(30)
    first.timing.finish()
    second, _ = new_engine(store_location, clock)
    second.timing.extend(120)
    with open_store(store_location, readonly=True) as store:
        runs = store.timing_runs()
        whole = [store.load_session(run.session_id)[1].timings for run in runs]
        only_first = store.timing_runs(facilitator="  KIM ")
    assert [run.session_id for run in runs] == [first.session.id, second.session.id]
    assert [run.timings for run in runs] == whole
    assert runs[0].script == first.script
    assert len(only_first) == 2  # both run by Kim, however typed
