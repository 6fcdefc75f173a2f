"""Keys typed while a dialog opens go to that dialog, never to the screen beneath it.

A facilitator presses ``n`` and types the note at once; the dialog takes a few
frames to appear. Without help, the letters typed in between are lost, or
worse, reach the facilitation screen, where ``e`` gives a minute and space
starts the timer. So the key that opens a dialog *holds* the keys that follow
(``hold_keys``); the dialog releases them once its first field has focus
(``release_keys``), and they are delivered to it in the order they were typed.
A flow that ends without opening a dialog releases them too, and so does a
short timeout, so a key is never held for long.

``dialog_flow`` runs a dialog flow (an ``async`` method that awaits
``push_screen_wait``) as a worker, holding keys from the moment it is asked for.
Only an app that mixes in ``HoldsKeys`` holds keys; elsewhere it is a no-op.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Coroutine
from typing import Any, Concatenate, ParamSpec, TypeVar

from textual import events
from textual.app import App
from textual.dom import DOMNode
from textual.message import Message
from textual.timer import Timer

HOLD_LIMIT = 1.0
"""Seconds after which held keys are delivered even if no dialog asked for them."""

P = ParamSpec("P")
N = TypeVar("N", bound=DOMNode)


class KeysReleased(Message):
    """Deliver the held keys now (posted to the app, so they follow what it is doing)."""


class HoldsKeys(App[Any]):
    """An app that can hold the keys typed while a dialog opens."""

    _held_keys: list[events.Key | events.Paste] | None = None
    _hold_timer: Timer | None = None

    def hold_keys(self) -> None:
        """Keep every key from now on until ``release_keys``."""
        if self._held_keys is None:
            self._held_keys = []
            self._hold_timer = self.set_timer(HOLD_LIMIT, self.release_keys)

    def release_keys(self) -> None:
        """Deliver the held keys, in order, to whatever has focus once this is handled."""
        if self._held_keys is not None:
            self.post_message(KeysReleased())

    async def on_event(self, event: events.Event) -> None:
        held = self._held_keys
        typing = isinstance(event, events.Key | events.Paste) and not event.is_forwarded
        if held is not None and typing:
            held.append(event)  # type: ignore[arg-type]
            return
        await super().on_event(event)

    async def on_keys_released(self, _: KeysReleased) -> None:
        held, self._held_keys = self._held_keys, None
        if self._hold_timer is not None:
            self._hold_timer.stop()
            self._hold_timer = None
        for event in held or ():
            await self.on_event(event)


def hold_keys(app: App[Any]) -> None:
    """Hold keys in ``app`` if it can."""
    if isinstance(app, HoldsKeys):
        app.hold_keys()


def release_keys(app: App[Any]) -> None:
    """Release the keys ``app`` holds, if any."""
    if isinstance(app, HoldsKeys):
        app.release_keys()


def dialog_flow(
    method: Callable[Concatenate[N, P], Coroutine[Any, Any, None]],
) -> Callable[Concatenate[N, P], None]:
    """Run ``method`` as a worker that opens dialogs; keys typed meanwhile go to its dialog."""

    @functools.wraps(method)
    def start(node: N, *args: P.args, **kwargs: P.kwargs) -> None:
        app = node.app
        hold_keys(app)

        async def flow() -> None:
            try:
                await method(node, *args, **kwargs)
            finally:
                release_keys(app)

        node.run_worker(flow(), group="dialog-flow", name=method.__name__)

    return start
