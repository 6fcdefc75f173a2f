"""Offline-first: a laptop's sessions pushed to a team store, a customer's chain pulled from it."""
