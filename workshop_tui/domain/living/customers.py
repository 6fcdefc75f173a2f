"""Telling customers apart: one name, however it was typed.

"Acme Health", " acme  health " and "ACME HEALTH" are one customer: names are
compared case-insensitively (``casefold``), with surrounding spaces ignored and
runs of spaces inside taken as one. Nothing else is guessed: "Acme Helth" is
another customer until the session is re-attached to the right one.
"""

from __future__ import annotations


def customer_key(name: str) -> str:
    """The form two names of one customer share."""
    return " ".join(name.split()).casefold()


def same_customer(a: str, b: str) -> bool:
    """Whether two names name the same customer."""
    return customer_key(a) == customer_key(b)
