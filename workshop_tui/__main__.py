"""``python -m workshop_tui``: the same as the ``workshop`` command."""

from workshop_tui.cli import main

if __name__ == "__main__":
    raise SystemExit(main())
