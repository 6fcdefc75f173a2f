"""Hostile customer names through the living-agreement commands: printable out, stored as typed."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.hostile_text import ESCAPES, MARKUP, raw_bidi, raw_controls
from tests.unit.living_fixtures import two_versions
from tests.unit.test_cli_options import workshop
from workshop_tui.storage import open_store

NAMES = [
    "Acme" + ESCAPES[1] + ESCAPES[11],  # retitle the terminal, then a right-to-left override
    MARKUP[2] + " \x1b[2J Corp\x9b31m",  # markup and a C1 CSI
    "| pipe | # heading\nsecond line",
]


@pytest.mark.parametrize("customer", NAMES, ids=["osc-bidi", "markup-c1", "markdown"])
def test_hostile_customer_names_come_out_printable(tmp_path: Path, customer: str) -> None:
    db, _, second = two_versions(tmp_path, customer=customer)
    with open_store(db, readonly=True) as store:
        assert store.load_session(second)[1].setup.customer == customer
    typed = customer.replace("\x00", "")
    for argv in (
        ["sessions"],
        ["due"],
        ["history", typed],
        ["history", "  " + typed.upper() + " "],
        ["stats"],
        ["export", str(second), "--agreement", "-o", "-"],
        ["reattach", str(second), typed + " Ltd"],
    ):
        result = workshop("--db", db, *argv)
        assert result.returncode == 0, (argv, result.stderr)
        shown = result.stdout + result.stderr
        assert raw_controls(shown) == [], argv
        if argv[0] != "export":  # the Markdown keeps text as typed; the terminal never does
            assert raw_bidi(shown) == [], argv
    history = workshop("--db", db, "history", typed + " Ltd").stdout
    assert "re-attached" in history
