"""The facilitator's console pieces that know about the room view (the second screen)."""
