"""workshop-tui: run facilitation workshops from the terminal, on a projector."""

__version__ = "0.1.0"
