"""The ``workshop`` command line: ``parser`` reads it, one module per group of commands runs it.

``main`` is the installed command's entry point (``workshop_tui.cli:main``).
"""

from workshop_tui.cli.parser import main

__all__ = ["main"]
