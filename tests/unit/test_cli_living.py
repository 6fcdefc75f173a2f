"""The living-agreement commands through the installed console script: status, output, printable.

On a SQLite file and on a team store (PostgreSQL), as the team runs them.
"""

from __future__ import annotations

from pathlib import Path

from icalendar import Calendar

from tests.hostile_text import raw_bidi, raw_controls
from tests.unit.living_fixtures import two_versions
from tests.unit.test_cli_options import workshop
from workshop_tui.locations import StoreLocation


def test_sessions_show_the_version_and_the_review(store_location: StoreLocation) -> None:
    db, first, second = two_versions(store_location)
    result = workshop("--db", db, "sessions")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].split()[-2:] == ["VERSION", "REVIEW"]
    by_id = {line.split()[0]: line for line in lines[1:]}
    assert " 2 " in by_id[str(second)] and "2027-03-01" in by_id[str(second)]
    assert "2026-12-21" not in by_id[str(first)]  # renegotiated since: no review of its own


def test_due_lists_overdue_reviews_and_late_actions(store_location: StoreLocation) -> None:
    db, _, second = two_versions(store_location)
    assert workshop("--db", db, "review", str(second), "2026-01-01").returncode == 0
    result = workshop("--db", db, "due")
    assert result.returncode == 0, result.stderr
    assert "Agreements to review:" in result.stdout
    assert "review overdue" in result.stdout and "2026-01-01" in result.stdout
    assert "Book the room" in result.stdout  # kept, due 2026-11-30
    assert "Send the minutes" not in result.stdout  # done in version 2


def test_history_matches_the_customer_however_typed(store_location: StoreLocation) -> None:
    db, first, second = two_versions(store_location)
    result = workshop("--db", db, "history", "  acme   HEALTH ")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("History of Acme Health:")
    rows = result.stdout.splitlines()[2:4]
    assert rows[0].split()[0] == str(first) and "first version" in rows[0]
    assert rows[1].split()[0] == str(second)
    assert "promises: 1 added, 1 reworded, 1 dropped" in rows[1]
    assert workshop("--db", db, "history", "Nobody").stdout.startswith('No sessions with "Nobody"')


def test_reattach_is_recorded_and_shows_in_the_history(store_location: StoreLocation) -> None:
    db, _, second = two_versions(store_location, customer="Acme Helth")
    result = workshop("--db", db, "reattach", str(second), "Acme Health", "--reason", "typo")
    assert result.returncode == 0, result.stderr
    assert "now with Acme Health (was Acme Helth)" in result.stdout
    history = workshop("--db", db, "history", "acme health").stdout
    assert f"Session {second} re-attached from Acme Helth to Acme Health" in history
    assert "(typo)" in history
    same = workshop("--db", db, "reattach", str(second), "Acme Health")
    assert same.returncode == 2 and "already" in same.stderr


def test_review_sets_a_date_with_the_forgiving_parser(store_location: StoreLocation) -> None:
    db, _, second = two_versions(store_location)
    result = workshop("--db", db, "review", str(second), "2027-06-01")
    assert result.returncode == 0, result.stderr
    assert "reviewed on 2027-06-01" in result.stdout
    bad = workshop("--db", db, "review", str(second), "someday\x1b[31m")
    assert bad.returncode == 2 and raw_controls(bad.stderr) == []
    assert "Traceback" not in bad.stderr
    relative = workshop("--db", db, "review", str(second), "in 3 months")
    assert relative.returncode == 0, relative.stderr
    assert workshop("--db", db, "review", "99", "2027-01-01").returncode == 2


def test_stats_table_per_part(store_location: StoreLocation) -> None:
    db, _, _ = two_versions(store_location)
    result = workshop("--db", db, "stats", "agreement")
    assert result.returncode == 0, result.stderr
    header = result.stdout.splitlines()[0]
    assert header.split()[:3] == ["SCRIPT", "PART", "RUNS"]
    assert "ACTUAL (WORST)" in header
    assert workshop("--db", db, "stats", "nothing").stdout.startswith("No finished parts")


def test_calendar_has_stable_uids_and_safe_text(
    store_location: StoreLocation, tmp_path: Path
) -> None:
    db, _, second = two_versions(store_location, customer="Acme\x1b]0;owned\x07\u202e")
    one = workshop("--db", db, "calendar", str(second), "-o", "-")
    assert one.returncode == 0, one.stderr
    calendar = Calendar.from_ical(one.stdout)
    events = {str(e["summary"]): str(e["uid"]) for e in calendar.walk("VEVENT")}
    assert any(s.startswith("Review the agreement with") for s in events)
    assert any("Book the room" in s for s in events)  # open, due 2026-11-30
    assert not any("Send the minutes" in s for s in events)  # done
    assert raw_controls(one.stdout.replace("\r\n", "\n")) == [] and raw_bidi(one.stdout) == []
    workshop("--db", db, "review", str(second), "2027-09-01")
    again = Calendar.from_ical(workshop("--db", db, "calendar", str(second), "-o", "-").stdout)
    assert sorted(str(e["uid"]) for e in again.walk("VEVENT")) == sorted(events.values())
    out = tmp_path / "out"
    out.mkdir()
    written = workshop("--db", db, "calendar", str(second), "-o", out)
    assert written.returncode == 0, written.stderr
    assert [p.suffix for p in out.iterdir()] == [".ics"]


def test_export_says_the_version_and_what_changed(store_location: StoreLocation) -> None:
    db, first, second = two_versions(store_location)
    agreement = workshop("--db", db, "export", str(second), "--agreement", "-o", "-").stdout
    assert "Version 2 of the agreement with Acme Health" in agreement
    assert "## Changes since version 1 (2026-11-21)" in agreement
    assert "“Demo every sprint” → “Demo every two weeks”" in agreement
    assert "## Actions carried over" in agreement
    notes = workshop("--db", db, "export", str(first), "-o", "-").stdout
    assert "of the agreement with" not in notes  # a first version is simply the agreement
    assert "Changes since" not in notes
    # the figures cover the agreement's versions up to the one exported, never the
    # facilitator's other customers: a first version has nothing to compare with yet
    assert "Planned against actual" not in notes
    later = workshop("--db", db, "export", str(second), "-o", "-").stdout
    assert "## Planned against actual across versions" in later


def test_commands_without_a_database_say_so(tmp_path: Path) -> None:
    db = tmp_path / "none.db"
    for command in (["due"], ["history", "x"], ["stats"]):
        result = workshop("--db", db, *command)
        assert result.returncode == 0 and "No sessions yet" in result.stdout
    assert not db.exists()
    assert workshop("--db", db, "calendar", "1", "-o", "-").returncode == 2
