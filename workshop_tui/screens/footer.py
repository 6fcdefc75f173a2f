"""Textual's Footer, rebuilt only when the keys it shows change, and without leaking them.

Textual rebuilds the footer on every change of focus and every screen pushed
over it (each dialog), with the same keys as before most of the time; on the
facilitation screen that is some 20 widgets restyled, twice per dialog. This
footer compares what it would show with what it shows and rebuilds only on a
difference. Each rebuild also registers the new keys as watchers of the
footer's ``compact`` reactive and never drops the old ones (a long session
grew by a few MiB an hour): the watchers of keys that are gone are pruned.
"""

from __future__ import annotations

from collections.abc import Hashable

from textual.screen import Screen
from textual.widgets import Footer as TextualFooter


class Footer(TextualFooter):
    """The footer every screen uses."""

    _shown: Hashable = None

    def bindings_changed(self, screen: Screen[object]) -> None:
        self._bindings_ready = True
        if screen.app.app_focus and self.is_attached and screen is self.screen:
            self.call_after_refresh(self._rebuild_if_changed)

    async def _rebuild_if_changed(self) -> None:
        if not self.is_attached or self._closing:  # its screen went while it waited
            return
        shown = self._keys_shown()
        if shown != self._shown:
            self._shown = shown
            await self.recompose()

    def _keys_shown(self) -> Hashable:
        """What the footer draws from the screen's keys (it draws nothing else of them)."""
        keys = tuple(
            (key, binding.description, binding.action, enabled, tooltip, binding.group)
            for key, (_, binding, enabled, tooltip) in self.screen.active_bindings.items()
            if binding.show or key == self.app.COMMAND_PALETTE_BINDING
        )
        return keys, self.show_command_palette

    async def recompose(self) -> None:
        await super().recompose()
        watchers = getattr(self, "__watchers", {}).get("compact")
        if watchers:
            watchers[:] = [
                (node, callback)
                for node, callback in watchers
                if node.is_attached and not node._closing
            ]
