"""Counts and lists as a sentence says them: "1 item", "7 items", "A, B and C"."""

from __future__ import annotations

from collections.abc import Sequence


def counted(count: int, noun: str, plural: str = "") -> str:
    """ "1 action", "3 actions" (``plural`` when the noun does not just take an s)."""
    return f"{count} {noun if count == 1 else plural or noun + 's'}"


def listed(names: Sequence[str], conjunction: str = "and") -> str:
    """ "A", "A and B", "A, B and C"."""
    if len(names) <= 1:
        return "".join(names)
    return f"{', '.join(names[:-1])} {conjunction} {names[-1]}"


def verb_for(names: Sequence[str], singular: str, plural: str) -> str:
    """The verb that agrees with a list of names: "holds" for one, "hold" for more."""
    return singular if len(names) == 1 else plural
