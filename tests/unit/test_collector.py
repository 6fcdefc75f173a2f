"""The garbage collector waits while a key is answered, and only while it is."""

from __future__ import annotations

import gc
from collections.abc import Iterator

import pytest

from workshop_tui.app import collector


@pytest.fixture(autouse=True)
def collector_enabled_again() -> Iterator[None]:
    was_enabled = gc.isenabled()
    yield
    collector.resume()
    if was_enabled:
        gc.enable()


def test_pause_then_resume_restores_collection() -> None:
    gc.enable()
    collector.pause()
    assert not gc.isenabled()
    collector.pause()  # a second key before the first answer: still one pause
    collector.resume()
    assert gc.isenabled()


def test_resume_never_enables_what_someone_else_disabled() -> None:
    gc.disable()
    collector.pause()  # nothing to hold back: collection was off already
    collector.resume()
    assert not gc.isenabled()


def test_resume_without_pause_changes_nothing() -> None:
    gc.enable()
    collector.resume()
    assert gc.isenabled()


@pytest.fixture
def owned_process(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The process runs the app as its own (as the command line does), for one test."""
    monkeypatch.setattr(collector, "_may_freeze", False)
    yield
    collector.thaw()


def test_a_process_that_owns_the_app_sets_the_long_lived_aside_until_it_closes(
    owned_process: None,
) -> None:
    before = gc.get_freeze_count()
    collector.own_the_process()
    collector.freeze_long_lived()
    assert gc.get_freeze_count() > before, "what lives now is out of the collector's sight"
    collector.thaw()
    assert gc.get_freeze_count() == 0, "closing gives everything back to the collector"


def test_an_app_in_a_process_it_does_not_own_freezes_nothing(owned_process: None) -> None:
    before = gc.get_freeze_count()
    collector.freeze_long_lived()  # a test or a benchmark driving the app in its own process
    assert gc.get_freeze_count() == before


def test_the_old_generation_is_collected_in_a_quiet_moment_once_enough_has_grown_old(
    owned_process: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    collected: list[int] = []
    counts = [(0, 0, collector.OLD_GENERATION_EVERY)]
    monkeypatch.setattr(collector.gc, "collect", lambda *args: collected.append(1) or 0)
    monkeypatch.setattr(collector.gc, "get_count", lambda: counts[0])
    monkeypatch.setattr(collector, "_last_key", 0.0)
    collector.collect_when_quiet()
    assert collected == [], "not before the long-lived is frozen"
    collector.own_the_process()
    collector.freeze_long_lived()
    collected.clear()
    collector.key_seen()
    collector.collect_when_quiet()
    assert collected == [], "not straight after a key"
    monkeypatch.setattr(collector, "_last_key", 0.0)
    counts[0] = (0, 0, collector.OLD_GENERATION_EVERY - 1)
    collector.collect_when_quiet()
    assert collected == [], "not before enough has grown old"
    counts[0] = (0, 0, collector.OLD_GENERATION_EVERY)
    collector.pause()
    collector.collect_when_quiet()
    assert collected == [], "not while collections are held back"
    collector.resume()
    collector.collect_when_quiet()
    assert collected == [1]
