"""Boards drawn for the projector: every item's text in full, the item in play in view.

The console's boards are made for the facilitator's keys; these are made to be
read from the back of the room. Each draws the same read models (for
``Audience.ROOM``), wraps every text instead of cutting it, marks the item the
facilitator has in play, and, where a board holds more than fits, shows the item
in play with its neighbours and says how many more there are.
"""
