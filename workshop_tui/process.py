"""What a process that runs the app as its own (the command line) sets up first."""

from __future__ import annotations

from workshop_tui.app import collector
from workshop_tui.malloc_arenas import share_one_arena


def own_the_process() -> None:
    """Before any app or thread starts: the collector may freeze, malloc keeps one heap."""
    share_one_arena()
    collector.own_the_process()
