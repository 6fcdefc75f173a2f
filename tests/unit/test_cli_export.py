"""``workshop export SESSION [--agreement] [-o FILE]`` through the installed console script,
from a SQLite file and from a team store."""

from __future__ import annotations

from pathlib import Path

from tests.unit.engine_fixtures import agreement_engine
from tests.unit.test_cli_options import workshop
from workshop_tui.locations import StoreLocation


def a_session(location: StoreLocation) -> StoreLocation:
    engine, _ = agreement_engine(location)
    engine.timing.go_to(1)
    key = engine.promises.add("Supplier", "A usable increment").key
    engine.promises.decline(key, "Not in the first month")
    return location


def test_the_agreement_and_the_notes_go_to_their_own_default_files(
    store_location: StoreLocation, tmp_path: Path
) -> None:
    db = a_session(store_location)
    out = tmp_path / "out"
    out.mkdir()
    agreement = workshop("--db", db, "export", "1", "--agreement", "-o", out)
    notes = workshop("--db", db, "export", "1", "-o", out)
    assert agreement.returncode == notes.returncode == 0, (agreement.stderr, notes.stderr)
    names = sorted(path.name for path in out.iterdir())
    assert names == [
        "2026-11-21-agreement-acme-session-1-agreement.md",
        "2026-11-21-agreement-acme-session-1.md",
    ]
    assert "Exported the agreement of session 1 to" in agreement.stdout
    written = (out / names[0]).read_text(encoding="utf-8")
    assert written.startswith("# Agreement: Agreement workshop — Acme\n")
    assert "**A usable increment** — declined: Not in the first month" in written
    assert "## Agenda" not in written
    assert "## Agenda" in (out / names[1]).read_text(encoding="utf-8")


def test_the_agreement_to_standard_output_and_its_help(store_location: StoreLocation) -> None:
    db = a_session(store_location)
    result = workshop("export", "1", "--agreement", "--db", db, "-o", "-")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("# Agreement: ")
    assert "--agreement" in workshop("export", "--help").stdout


def test_an_unknown_session_is_one_sentence_and_status_2(store_location: StoreLocation) -> None:
    db = a_session(store_location)
    result = workshop("--db", db, "export", "9", "--agreement", "-o", "-")
    assert result.returncode == 2
    assert "no session 9" in result.stderr and "Traceback" not in result.stderr
