"""Wait for what a test relies on, never for a fixed time.

A fixed pause is too short on a loaded machine (the suite runs on every core at once) and
too long everywhere else. These helpers poll a condition instead, every ``POLL_SECONDS``,
and fail after ``timeout`` seconds saying what never came true.

``wait_until`` is for a running Textual app (each poll lets the app handle what is queued);
``poll_until`` is for a test without one (another process, a thread, a file). Where nothing
on screen changes (a timer that fires on a closing app, a poll that finds nothing new),
``calls_to`` counts the calls to wait for.
"""

from __future__ import annotations

import asyncio
import functools
import inspect
import time
from collections.abc import Callable
from typing import Any

import pytest
from textual.pilot import Pilot

POLL_SECONDS = 0.02
"""How often a condition is looked at: a tick of the app's timers is 0.2 s."""
TIMEOUT = 10.0
"""Long enough for any condition of this suite on a loaded two-core machine."""


def _described(condition: Callable[[], object], what: str | None) -> str:
    if what:
        return what
    try:
        return inspect.getsource(condition).strip()
    except (OSError, TypeError):
        return repr(condition)


async def wait_until(
    pilot: Pilot[None],
    condition: Callable[[], object],
    timeout: float = TIMEOUT,
    what: str | None = None,
) -> None:
    """Let the app run until ``condition()`` is true; fail after ``timeout`` seconds.

    Timers (the countdown's tick) and workers (the store, the scripts) run on the real
    clock: each poll lets the app handle what is queued, then waits ``POLL_SECONDS``.
    """
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(
                f"still not true after {timeout:g} s: {_described(condition, what)}"
            )
        if pilot.app.is_running and pilot.app.return_code is None:
            await pilot.pause(POLL_SECONDS)
        else:  # the app is closing: there is no screen left to let run
            await asyncio.sleep(POLL_SECONDS)


def poll_until(
    condition: Callable[[], object],
    timeout: float = TIMEOUT,
    what: str | None = None,
) -> None:
    """Wait until ``condition()`` is true, outside any app; fail after ``timeout`` seconds."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(
                f"still not true after {timeout:g} s: {_described(condition, what)}"
            )
        time.sleep(POLL_SECONDS)


def calls_to(monkeypatch: pytest.MonkeyPatch, owner: type, name: str) -> Callable[[], int]:
    """Count the calls to method ``name`` of class ``owner`` (from any thread) from now on;
    the method still does what it did. Returns a function that tells the count so far."""
    method = getattr(owner, name)
    count = 0

    @functools.wraps(method)
    def counted(*args: Any, **kwargs: Any) -> Any:
        nonlocal count
        count += 1
        return method(*args, **kwargs)

    monkeypatch.setattr(owner, name, counted)
    return lambda: count
