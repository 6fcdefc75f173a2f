"""The memory floor of the mandated stack: the bare app plus one SQLModel table and a commit.

The bare yardstick app (Header, Digits, Footer) that, once its first frame is
up, imports SQLModel, declares one table, creates it in a SQLite file and
commits one row, then writes its peak RSS (``VmHWM``, KiB) to the file named
on the command line and quits. No application can use Textual and SQLModel
in one process for less than this.

    .venv/bin/python benchmarks/stack_floor.py PEAK_FILE [DB_FILE]
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from bare_app import BareApp


def peak_kib() -> int:
    """This process's peak RSS in KiB, from /proc (Linux)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1])
    raise RuntimeError("no VmHWM in /proc/self/status")


class StackFloorApp(BareApp):
    """The bare app, then SQLModel with one table and one committed row."""

    def __init__(self, peak_file: Path, db_file: Path) -> None:
        super().__init__()
        self.peak_file = peak_file
        self.db_file = db_file

    def on_mount(self) -> None:
        self.call_after_refresh(self._use_the_database)

    def _use_the_database(self) -> None:
        from sqlmodel import Field, Session, SQLModel, create_engine

        class Note(SQLModel, table=True):
            id: int | None = Field(default=None, primary_key=True)
            text: str

        engine = create_engine(f"sqlite:///{self.db_file}")
        SQLModel.metadata.create_all(engine)
        with Session(engine) as session:
            session.add(Note(text="one decision"))
            session.commit()
        self.set_timer(0.5, self._report)

    def _report(self) -> None:
        self.peak_file.write_text(str(peak_kib()))
        self.exit()


if __name__ == "__main__":
    with tempfile.TemporaryDirectory(prefix="workshop-floor-") as folder:
        db = Path(sys.argv[2]) if len(sys.argv) > 2 else Path(folder) / "floor.db"
        StackFloorApp(Path(sys.argv[1]), db).run()
