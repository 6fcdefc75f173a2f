"""Textual's Footer, without the leak of its keys each time it is rebuilt.

Every rebuild of the footer (each dialog, each change of focus) registers the
new keys as watchers of the footer's ``compact`` reactive and never drops the
old ones, so a long session grows by a few MiB an hour. This footer prunes
the watchers of keys that are gone after each rebuild.
"""

from __future__ import annotations

from textual.widgets import Footer as TextualFooter


class Footer(TextualFooter):
    """The footer every screen uses."""

    async def recompose(self) -> None:
        await super().recompose()
        watchers = getattr(self, "__watchers", {}).get("compact")
        if watchers:
            watchers[:] = [
                (node, callback)
                for node, callback in watchers
                if node.is_attached and not node._closing
            ]
