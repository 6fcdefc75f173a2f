"""Folding append-only rows: every revision of a key, and the latest one.

A key's rows come in the order they were written, so "latest" means the last
row of a key in the given sequence, never the one with the greatest timestamp
(a wall clock can jump back). Each function walks its rows once.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Protocol, TypeVar


class Keyed(Protocol):
    @property
    def key(self) -> str: ...


K = TypeVar("K", bound=Keyed)


def revisions(rows: Iterable[K]) -> dict[str, list[K]]:
    """Every row grouped by key, keys in order of first appearance, rows oldest first."""
    grouped: dict[str, list[K]] = {}
    for row in rows:
        history = grouped.get(row.key)
        if history is None:
            grouped[row.key] = [row]
        else:
            history.append(row)
    return grouped


def latest(rows: Iterable[K]) -> list[K]:
    """The latest row of each key, keys in order of first appearance."""
    current: dict[str, K] = {}
    for row in rows:
        current[row.key] = row  # re-assigning keeps the key's first position
    return list(current.values())
