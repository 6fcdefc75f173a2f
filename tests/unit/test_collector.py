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
