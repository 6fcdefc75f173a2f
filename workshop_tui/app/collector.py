"""Keep Python's garbage collector out of the way of the screen.

A key press allocates thousands of small objects (Textual's strips and their
caches), so a collection often starts while the answer to a key is being drawn
and delays it by one to several milliseconds. As Textual does itself while it
scrolls (``App.PAUSE_GC_ON_SCROLL``), collections wait until the answer is on
screen, on the screens that ask for it (``PAUSE_GC_ON_KEYS``): the facilitation
screen, not the keys that build whole new screens, whose garbage should go
before the next screen is built.

What lives as long as the process (the modules of Textual, SQLAlchemy and
this app, some 80,000 objects) is frozen out of the collector's sight
(``gc.freeze``) once the store has opened, so a full collection walks only
what was made since: on a 1,000-record session a full collection took about
100 ms, and one landing in a part change or a dialog delayed it by that much.
Once frozen, the old generation is also collected in the quiet moments
between keys (``collect_when_quiet``), once three collections of the middle
generation have passed since the last one, rather than after Python's ten: a
removed board or dialog is cyclic garbage that has usually grown old by the
time it goes, and a session of part changes and dialogs kept several of them
waiting at once (the whole-session benchmark peaked 1.5 MiB higher). A full
collection of a 1,000-record console takes 26-38 ms, so it waits for a quiet
moment; lowering Python's own threshold instead doubled a dialog's opening.

Only a process that runs the app as its own (the command line) freezes,
after a collection, and only early, before any part's board or session
screen exists: a widget frozen while alive could not be collected once
removed (widgets hold cycles) until the app closes and gives it all back
(``thaw``). The one screen that may be frozen so is the set-up screen of
``workshop run``, shown while the store opens: held until the app closes.
"""

from __future__ import annotations

import gc
import time

OLD_GENERATION_EVERY = 3
"""Middle-generation collections after which the old generation is collected when quiet."""

QUIET_SECONDS = 0.25
"""How long after a key a moment counts as quiet."""

_paused = False
_last_key = 0.0
_may_freeze = False
_frozen = False


def pause() -> None:
    """Hold collections back (until ``resume``)."""
    global _paused
    if gc.isenabled():
        gc.disable()
        _paused = True


def resume() -> None:
    """Let collections run again, if ``pause`` held them back."""
    global _paused
    if _paused:
        _paused = False
        gc.enable()


def key_seen() -> None:
    """A key came: the next moment is not a quiet one."""
    global _last_key
    _last_key = time.monotonic()


def collect_when_quiet() -> None:
    """Collect the old generation if enough has grown old since the last time, no key
    came just now and the collector is not held back (only once frozen)."""
    due = gc.get_count()[2] >= OLD_GENERATION_EVERY
    quiet = time.monotonic() - _last_key >= QUIET_SECONDS
    if _frozen and due and quiet and gc.isenabled():
        gc.collect()


def own_the_process() -> None:
    """The app runs in a process of its own (the command line): it may freeze."""
    global _may_freeze
    _may_freeze = True


def freeze_long_lived() -> None:
    """Collect, then set what is left aside from future collections, if the process
    allows it."""
    global _frozen
    if _may_freeze:
        gc.collect()
        gc.freeze()
        _frozen = True


def thaw() -> None:
    """Give what was set aside back to the collector (the app is closing)."""
    global _frozen
    if _frozen:
        _frozen = False
        gc.unfreeze()
