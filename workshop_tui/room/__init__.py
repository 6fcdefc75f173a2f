"""The room view: what the projector shows, followed from the store by a second process.

It composes boards only (``workshop_tui.boards``), never controls or dialogs,
and reads the session through ``storage.following`` alone: a facilitator's
note, a tip or a half-typed answer cannot reach it.
"""
