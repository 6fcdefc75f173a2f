"""Keep Python's garbage collector out of the way of the screen.

A key press allocates thousands of small objects (Textual's strips and their
caches), so a collection often starts while the answer to a key is being drawn
and delays it by one to several milliseconds. As Textual does itself while it
scrolls (``App.PAUSE_GC_ON_SCROLL``), collections wait until the answer is on
screen, on the screens that ask for it (``PAUSE_GC_ON_KEYS``): the facilitation
screen, not the keys that build whole new screens, whose garbage should go
before the next screen is built.

Nothing is frozen out of the collector (``gc.freeze``): a part's board or a
screen that was alive when it froze could never be collected once removed
(widgets hold cycles), which kept about 5 MiB of a session for good.
"""

from __future__ import annotations

import gc

_paused = False


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
