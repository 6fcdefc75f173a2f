"""The session engine: runs one session of a script, storing every change before it returns."""

from workshop_tui.domain.engine.core import EngineError, new_key
from workshop_tui.domain.engine.session import Resumed, SessionEngine

__all__ = ["EngineError", "Resumed", "SessionEngine", "new_key"]
