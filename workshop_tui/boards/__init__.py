"""Read-only drawings of a session, each fed a view from ``workshop_tui.domain.read_models``.

A board draws what its ``show(view)`` is given and nothing else: it imports no
engine, no dialog and no control, so the console (which puts the facilitator's
controls on top) and the room view (boards only) draw the session the same way.
"""
