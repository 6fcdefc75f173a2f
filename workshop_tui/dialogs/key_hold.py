"""Keys act in the order they are typed, and those typed while a dialog opens go to it.

A facilitator presses ``n`` and types the note at once. Textual hands every key
to the focused widget as soon as it reads it, and a key bound on the screen
acts only once it has travelled back up to the app, so in a burst the keys
after ``n`` reached the screen before the note dialog existed: letters were
lost, ``e`` gave a minute and space (a priority key, acted on at once) started
the timer. Two rules fix it, in an app that mixes in ``HoldsKeys``:

- one key at a time: a key is passed on only once the key before it has been
  answered: a marker sent behind it has come back up to the app, and then a
  second one, sent to what has focus by then, so the messages the answer posted
  (a field submitted, the focus moved on) have been handled too;
- the key that opens a dialog holds the keys that follow (``hold_keys``) until
  the dialog's first field has focus (``release_keys``); they then reach it in
  order. A flow that ends without a dialog releases them too, and a timeout
  makes sure no key waits for long.

``dialog_flow`` runs a dialog flow (an ``async`` method awaiting
``push_screen_wait``) as a worker, holding keys from the moment it is asked for.
"""

from __future__ import annotations

import functools
from collections import deque
from collections.abc import Callable, Coroutine
from typing import Any, Concatenate, ParamSpec, TypeVar

from textual import events
from textual.app import App
from textual.dom import DOMNode
from textual.message import Message
from textual.timer import Timer

HOLD_LIMIT = 5.0
"""Seconds after which held keys are passed on even if no dialog asked for them."""
ANSWER_LIMIT = 2.0
"""Seconds after which the next key goes even if the marker behind this one was lost."""

P = ParamSpec("P")
N = TypeVar("N", bound=DOMNode)
Typing = events.Key | events.Paste


class KeyAnswered(Message):
    """Sent behind a key to where the key went; back at the app, the key has been answered."""

    def __init__(self, number: int, lap: int = 1) -> None:
        super().__init__()
        self.number = number
        self.lap = lap


class KeysReleased(Message):
    """A dialog has focus: pass the held keys on (posted to the app, so it follows its work)."""


class HoldsKeys(App[Any]):
    """An app that passes keys on one at a time, and holds them while a dialog opens."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._waiting: deque[Typing] = deque()
        self._answering = 0
        """The number of the key being answered, 0 when none is."""
        self._keys_seen = 0
        self._holding = False
        self._key_timers: dict[str, Timer] = {}

    def hold_keys(self) -> None:
        """Keep every key typed from now on until ``release_keys``."""
        if not self._holding:
            self._holding = True
            self._start_timer("hold", HOLD_LIMIT, self.release_keys)

    def release_keys(self) -> None:
        """Pass the held keys on, in order, to whatever has focus once this is handled."""
        if self._holding:
            self.post_message(KeysReleased())

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, Typing) and not event.is_forwarded:
            self._waiting.append(event)
            await self._pass_keys_on()
            return
        await super().on_event(event)

    async def _pass_keys_on(self) -> None:
        """Hand the next key on while nothing holds it back."""
        while self._waiting and not self._answering and not self._holding:
            event = self._waiting.popleft()
            self._keys_seen += 1
            number = self._answering = self._keys_seen
            await super().on_event(event)  # a priority key acts now; others go to the focus
            self._start_timer("answer", ANSWER_LIMIT, functools.partial(self._answered, number))
            self._send_marker(number, 1)

    def _send_marker(self, number: int, lap: int) -> None:
        target = self.focused or self.screen
        if not target.post_message(KeyAnswered(number, lap)):
            self._answered(number)

    def _answered(self, number: int) -> None:
        """Key ``number`` has been answered (or its marker was lost): the next may go."""
        if number == self._answering:
            self._answering = 0
            self._stop_timer("answer")
            self.call_later(self._pass_keys_on)

    def on_key_answered(self, message: KeyAnswered) -> None:
        message.stop()
        if message.lap == 1 and message.number == self._answering:
            self._send_marker(message.number, 2)
        else:
            self._answered(message.number)

    async def on_keys_released(self, _: KeysReleased) -> None:
        self._holding = False
        self._stop_timer("hold")
        await self._pass_keys_on()

    def _start_timer(self, name: str, seconds: float, callback: Callable[[], object]) -> None:
        self._stop_timer(name)
        self._key_timers[name] = self.set_timer(seconds, callback)

    def _stop_timer(self, name: str) -> None:
        timer = self._key_timers.pop(name, None)
        if timer is not None:
            timer.stop()


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
