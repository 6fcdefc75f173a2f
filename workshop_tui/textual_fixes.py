"""Let go of what Textual keeps of widgets that are gone.

``StylesCache.get_inner_outer`` in Textual 8 is an ``lru_cache`` on a method,
so it keeps the style caches of the last 1,024 widgets alive after they are
removed, with every line those widgets drew: over a session of dialogs and
part changes about 14 MiB of a 127 MiB peak. The answer it caches is two
Style objects, cheap to make again, so the cache is emptied whenever a
screen or a part's board goes.
"""

from __future__ import annotations

from textual._styles_cache import StylesCache


def release_removed_widgets() -> None:
    """Drop Textual's hold on the style caches of widgets no longer shown."""
    StylesCache.get_inner_outer.cache_clear()
