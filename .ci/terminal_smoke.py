"""Start installed commands in a pseudo-terminal and wait for their first useful screen.

    python3 .ci/terminal_smoke.py BIN_DIR WORK_DIR

BIN_DIR holds the installed ``workshop`` command (a venv's bin/); WORK_DIR gets the database.
The set-up screen is filled in and the workshop started, as a facilitator would by keys; the
session is then exported, and the room view opened on it. Exits 1 with what the screen showed
when an expected text does not appear.
"""

from __future__ import annotations

import fcntl
import os
import pty
import re
import select
import signal
import struct
import subprocess
import sys
import termios
import time
from pathlib import Path

ESCAPES = re.compile(rb"\x1b(\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(\x07|\x1b\\)|[()][0-9A-B]|[=>78])")
WAIT = 30.0


class Terminal:
    """One command in a 100x30 pseudo-terminal; what it wrote, without escape sequences."""

    def __init__(self, argv: list[str], env: dict[str, str]) -> None:
        self.pid, self.fd = pty.fork()
        if self.pid == 0:  # the child: become the command
            os.execvpe(argv[0], argv, env)
        os.set_blocking(self.fd, False)
        fcntl.ioctl(self.fd, termios.TIOCSWINSZ, struct.pack("HHHH", 30, 100, 0, 0))
        self.seen = b""

    def read(self, seconds: float) -> None:
        ready, _, _ = select.select([self.fd], [], [], seconds)
        if ready:
            try:
                self.seen += ESCAPES.sub(b"", os.read(self.fd, 65536))
            except OSError:  # the command has ended
                time.sleep(seconds)

    def wait_for(self, text: str) -> None:
        deadline = time.monotonic() + WAIT
        while text.encode() not in self.seen:
            if time.monotonic() > deadline:
                tail = self.seen[-3000:].decode(errors="replace")
                sys.exit(f"'{text}' did not appear within {WAIT:.0f} s; the screen showed:\n{tail}")
            self.read(0.1)

    def type(self, text: str) -> None:
        os.write(self.fd, text.encode())

    def exit_status(self) -> int:
        deadline = time.monotonic() + WAIT
        while time.monotonic() < deadline:
            self.read(0.1)
            pid, status = os.waitpid(self.pid, os.WNOHANG)
            if pid:
                return os.waitstatus_to_exitcode(status)
        os.kill(self.pid, signal.SIGKILL)
        sys.exit("the command did not end within 30 s of being asked to quit")


def main(bin_dir: Path, work: Path) -> None:
    workshop = str(bin_dir / "workshop")
    env = {**os.environ, "TERM": "xterm-256color", "WORKSHOP_DB": str(work / "store.db")}
    env.pop("CI", None)  # a real user's terminal

    console = Terminal([workshop, "run", "customer-working-agreement"], env)
    console.wait_for("set-up")
    console.type("Acme Health")
    console.wait_for("Acme Health")
    console.type("\x13")  # Ctrl+S starts the workshop
    console.wait_for("Part 1 of 6")
    print("workshop run: the set-up screen, then part 1 of the workshop")
    console.type("\x11")  # Ctrl+Q
    if (status := console.exit_status()) != 0:
        sys.exit(f"workshop run ended with status {status}")

    notes = work / "notes.md"
    subprocess.run([workshop, "export", "1", "-o", str(notes)], env=env, check=True)
    if "Acme Health" not in notes.read_text(encoding="utf-8"):
        sys.exit("the exported notes do not name the customer")
    print(f"workshop export: {notes.stat().st_size} bytes of notes")

    room = Terminal([workshop, "room"], env)
    room.wait_for("Opening")
    print("workshop room: the session's first part")
    room.type("q")
    if (status := room.exit_status()) != 0:
        sys.exit(f"workshop room ended with status {status}")


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]))
