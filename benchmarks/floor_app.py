"""The least an app meeting the issue's keypress requirements can do: the keypress floor.

The bare yardstick app with two changes the issue asks for: the number is
drawn by workshop-tui's ``BigCountdown`` (at least 5 rows tall, not the
3-row ``Digits``), and each press is first committed durably to SQLite (plain
``sqlite3``, WAL, ``synchronous=FULL``: no SQLAlchemy, no engine) before the
screen changes. Space adds a minute to the reading.

    .venv/bin/python benchmarks/floor_app.py DB_FILE
"""

from __future__ import annotations

import sqlite3
import sys
from pathlib import Path

from bare_app import BareApp
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Footer, Header

from workshop_tui.boards.countdown import BigCountdown

START_SECONDS = 14 * 60
"""The first reading, 14:00."""


class FloorApp(BareApp):
    """Header, a boxed ``BigCountdown`` and Footer; space commits, then adds a minute."""

    CSS = """
    Screen { align: center middle; }
    #timer { width: 42; height: 12; border: round $primary; }
    """

    def __init__(self, db_file: Path) -> None:
        super().__init__()
        self.db = sqlite3.connect(db_file, isolation_level=None)
        self.db.execute("PRAGMA journal_mode = WAL")
        self.db.execute("PRAGMA synchronous = FULL")
        self.db.execute("CREATE TABLE IF NOT EXISTS timing (id INTEGER PRIMARY KEY, extra INT)")
        self.db.execute("INSERT OR REPLACE INTO timing VALUES (1, 0)")

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="timer"):
            yield BigCountdown(START_SECONDS)
        yield Footer()

    def action_count(self) -> None:
        """Commit one more minute, then show it."""
        self.count += 1
        self.db.execute("BEGIN IMMEDIATE")
        self.db.execute("UPDATE timing SET extra = ? WHERE id = 1", (self.count * 60,))
        self.db.execute("COMMIT")
        self.query_one(BigCountdown).seconds = START_SECONDS + 60 * self.count


if __name__ == "__main__":
    FloorApp(Path(sys.argv[1])).run()
