"""The facilitator's controls: per activity, its keys and dialog flows on top of its board.

A control holds the session engine. Each key runs an engine action (stored
first, then drawn from a new view of the session) or a dialog flow that reads
top to bottom (``await self.ask(FormDialog(...))`` inside a ``dialog_flow``
worker). The console composes controls; the room view composes boards only.
"""
