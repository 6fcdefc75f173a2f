"""What each board draws: frozen views of a session, built from a ``SessionSnapshot``.

One module per board. Every view is a pure function of the script's part, a
snapshot of the session (as the store loads it), and, where a board shows one,
the facilitator's selection; none needs the engine, so a second, read-only
process (the room view) can build the same views from the store alone. The
views hold text and figures only; the boards decide how they look.
"""
