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
Once frozen, the old generation is collected after three collections of the
middle one rather than Python's ten: a removed board or dialog is cyclic
garbage that has usually grown old by the time it goes, and a session of part
changes and dialogs kept several of them waiting at once (the whole-session
benchmark peaked about 2 MiB higher). With the long-lived set aside, a full
collection walks only what the session made since.

Only a process that runs the app as its own (the command line) freezes,
after a collection, and only early, before any part's board or session
screen exists: a widget frozen while alive could not be collected once
removed (widgets hold cycles) until the app closes and gives it all back
(``thaw``). The one screen that may be frozen so is the set-up screen of
``workshop run``, shown while the store opens: held until the app closes.
"""

from __future__ import annotations

import gc

OLD_GENERATION_EVERY = 3
"""Collections of the middle generation between two of the old one, once frozen."""

_paused = False
_may_freeze = False
_frozen = False
_thresholds: tuple[int, int, int] | None = None
"""The collector's thresholds before the freeze, given back by ``thaw``."""


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


def own_the_process() -> None:
    """The app runs in a process of its own (the command line): it may freeze."""
    global _may_freeze
    _may_freeze = True


def freeze_long_lived() -> None:
    """Collect, then set what is left aside from future collections, if the process
    allows it."""
    global _frozen, _thresholds
    if _may_freeze:
        gc.collect()
        gc.freeze()
        _frozen = True
        if _thresholds is None:
            _thresholds = gc.get_threshold()
            young, middle, _ = _thresholds
            gc.set_threshold(young, middle, OLD_GENERATION_EVERY)


def thaw() -> None:
    """Give what was set aside back to the collector (the app is closing)."""
    global _frozen, _thresholds
    if _frozen:
        _frozen = False
        gc.unfreeze()
    if _thresholds is not None:
        gc.set_threshold(*_thresholds)
        _thresholds = None
