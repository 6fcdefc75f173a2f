"""The rules of the decision methods, kept out of the screens."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from workshop_tui.domain.records import Objection

CONSENT_OUTCOME = "Good enough for now, safe enough to try."
FINGERS = ("0", "1", "2", "3", "4", "5")


def fist_of_five_agreed(counts: Mapping[str, int]) -> bool:
    """Agreement when everyone shows 3 or more fingers (and somebody voted)."""
    voters = sum(counts.get(finger, 0) for finger in FINGERS)
    low = sum(counts.get(finger, 0) for finger in ("0", "1", "2"))
    return voters > 0 and low == 0


def low_voices(counts: Mapping[str, int]) -> int:
    """How many people showed fewer than three fingers: they are heard before another round."""
    return sum(counts.get(finger, 0) for finger in ("0", "1", "2"))


def consent_reached(objections: Sequence[Objection]) -> bool:
    """Consent stands when every objection has a resolution."""
    return all(objection.resolution.strip() for objection in objections)


def dot_ranking(votes: Mapping[str, int]) -> list[tuple[str, int]]:
    """Options by dots, most first; ties keep the order the options were written."""
    order = {option: index for index, option in enumerate(votes)}
    return sorted(votes.items(), key=lambda item: (-item[1], order[item[0]]))


def dots_spent(votes: Mapping[str, int]) -> int:
    return sum(votes.values())
