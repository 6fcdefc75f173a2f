"""The garbage collector waits while a key is answered, and only while it is."""

from __future__ import annotations

import gc
from collections.abc import Iterator

import pytest

from workshop_tui import collector


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
    thresholds = gc.get_threshold()
    collector.own_the_process()
    collector.freeze_long_lived()
    assert gc.get_freeze_count() > before, "what lives now is out of the collector's sight"
    assert gc.get_threshold() == (*thresholds[:2], collector.OLD_GENERATION_EVERY)
    collector.thaw()
    assert gc.get_freeze_count() == 0, "closing gives everything back to the collector"
    assert gc.get_threshold() == thresholds, "and its own thresholds"


def test_an_app_in_a_process_it_does_not_own_freezes_nothing(owned_process: None) -> None:
    before, thresholds = gc.get_freeze_count(), gc.get_threshold()
    collector.freeze_long_lived()  # a test or a benchmark driving the app in its own process
    assert (gc.get_freeze_count(), gc.get_threshold()) == (before, thresholds)
