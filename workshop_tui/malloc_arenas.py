"""One malloc heap for the whole process (glibc), as Python's threads never run at once.

glibc gives each new thread a heap (an arena) of its own, so that threads running
side by side don't wait for one another's allocations. Python's threads take
turns (the GIL), so they gain nothing from it, but the app's workers (opening the
store, loading a script) leave what they import in a second heap that never
shrinks, and both heaps keep their own free space: on the whole-session benchmark
about 2 MiB of peak RSS. ``MALLOC_ARENA_MAX=1`` does the same from the
environment; this sets it from inside, before the app starts a thread.
"""

from __future__ import annotations

import os

M_ARENA_MAX = -8
"""glibc's ``mallopt`` parameter for the most arenas (malloc.h)."""


def share_one_arena() -> bool:
    """Ask glibc for a single malloc arena; whether it agreed (False off glibc)."""
    try:
        if not os.confstr("CS_GNU_LIBC_VERSION"):
            return False
    except (ValueError, OSError):  # not glibc: the name or the value is unknown
        return False
    import ctypes

    try:
        return bool(ctypes.CDLL(None).mallopt(M_ARENA_MAX, 1))
    except (OSError, AttributeError):
        return False
