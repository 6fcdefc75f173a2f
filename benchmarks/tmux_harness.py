"""Time a terminal app the way a person sees it: in a real terminal, through tmux.

Library (for benchmarks/ui_bench.py) and command line. Every measurement runs
on a private tmux server (its own socket, no user config), in sessions with
unique names, and every session is killed when the measurement ends.

- :func:`startup_times`: launch to the first frame that contains a text.
- :func:`keypress_latencies`: a key sent to the pane until the pane changes
  (or shows a text).
- :func:`median`, :func:`p95`, :func:`summary` for the figures.

Run alone it measures benchmarks/bare_app.py::

    .venv/bin/python benchmarks/tmux_harness.py [--runs 10] [--presses 50]
"""

from __future__ import annotations

import argparse
import itertools
import os
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path

HERE = Path(__file__).resolve().parent
BARE_APP = HERE / "bare_app.py"
BARE_TITLE = "Bare reference app"  # the title benchmarks/bare_app.py shows in its Header

DEFAULT_SIZE = (100, 30)
DEFAULT_POLL = 0.0005  # seconds between two looks at the pane
DEFAULT_TIMEOUT = 15.0

_counter = itertools.count()


class HarnessError(RuntimeError):
    """A measurement that could not be taken; the message says why."""


def unique_name(prefix: str = "bench") -> str:
    """A tmux-safe name no other run (or other process) uses."""
    return f"{prefix}-{os.getpid()}-{next(_counter)}-{uuid.uuid4().hex[:6]}"


class TmuxServer:
    """A private tmux server on a socket in a temporary folder, ignoring the user's tmux.conf."""

    def __init__(self, tmux: str | None = None) -> None:
        found = tmux or shutil.which("tmux")
        if not found:
            raise HarnessError("tmux is not installed (looked for it on PATH)")
        self.executable = found
        self._folder = tempfile.TemporaryDirectory(prefix="workshop-bench-")
        self.socket = str(Path(self._folder.name) / "tmux.sock")
        self._keeper: str | None = None
        self._control: subprocess.Popen[str] | None = None

    def run(self, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
        """Run one tmux command against this server."""
        command = [self.executable, "-S", self.socket, "-f", "/dev/null", *args]
        done = subprocess.run(command, capture_output=True, text=True, check=False)
        if check and done.returncode != 0:
            raise HarnessError(f"tmux {args[0]} failed: {done.stderr.strip() or done.returncode}")
        return done

    def start(self) -> None:
        """Start the server with an idle session, so launches don't pay for server start."""
        self._keeper = unique_name("keeper")
        self.run("new-session", "-d", "-s", self._keeper, "-x", "20", "-y", "5", "cat")
        for option, value in (
            ("remain-on-exit", "on"),  # keep a crashed app's last screen for the error message
            ("escape-time", "0"),
            ("default-terminal", "tmux-256color"),
        ):
            self.run("set-option", "-g", option, value)
        self._attach_control_client()

    def _attach_control_client(self) -> None:
        """One client in control mode (``tmux -C``) on the idle session, for the fast path.

        Looking at a pane every 2 ms through a new ``tmux`` process each time
        keeps one CPU busy with process start-ups, and that load lands on the
        apps being measured; one client that stays attached answers the same
        commands over a pipe.
        """
        command = [self.executable, "-S", self.socket, "-f", "/dev/null", "-C"]
        self._control = subprocess.Popen(
            [*command, "attach-session", "-t", f"={self._keeper}"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
            bufsize=1,
        )
        self._read_reply()  # the answer to the attach itself

    def _read_reply(self) -> tuple[bool, list[str]]:
        """The next command's answer on the control client: (succeeded, its lines)."""
        assert self._control is not None and self._control.stdout is not None
        readline = self._control.stdout.readline
        line = readline()
        while line and not line.startswith("%begin"):  # notifications between answers
            line = readline()
        lines: list[str] = []
        for line in iter(readline, ""):
            if line.startswith(("%end", "%error")):
                return line.startswith("%end"), lines
            lines.append(line.rstrip("\n"))
        raise HarnessError("the tmux control client closed its output")

    def command(self, *args: str) -> list[str]:
        """Run one tmux command through the control client; the lines it printed."""
        if self._control is None or self._control.stdin is None:
            done = self.run(*args)
            return done.stdout.splitlines()
        self._control.stdin.write(shlex.join(args) + "\n")
        self._control.stdin.flush()
        succeeded, lines = self._read_reply()
        if not succeeded:
            raise HarnessError(f"tmux {args[0]} failed: {' '.join(lines)}")
        return lines

    def close(self) -> None:
        """Stop this private server (only ours: it has its own socket) and remove the socket."""
        if self._control is not None:
            if self._control.stdin is not None:
                self._control.stdin.close()
            self._control.kill()
            self._control.wait()
            self._control = None
        if self._keeper:
            self.run("kill-server", check=False)
            self._keeper = None
        self._folder.cleanup()

    def __enter__(self) -> TmuxServer:
        self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


class Pane:
    """The one pane of a session running the app under test."""

    def __init__(self, server: TmuxServer, session: str) -> None:
        self.server = server
        self.session = session
        self.target = f"={session}:"

    def capture(self) -> str:
        """The text on screen now."""
        try:
            lines = self.server.command("capture-pane", "-p", "-t", self.target)
        except HarnessError as error:
            raise HarnessError(f"session {self.session} is gone: {error}") from None
        return "".join(line + "\n" for line in lines)

    def send_keys(self, *keys: str) -> None:
        """Press keys, named as tmux names them ("Space", "Enter", "C-p", "a")."""
        self.server.command("send-keys", "-t", self.target, *keys)

    def exit_status(self) -> str | None:
        """The app's exit status if it has ended, else None."""
        done = self.server.run(
            "display-message", "-p", "-t", self.target, "#{pane_dead}:#{pane_dead_status}"
        )
        dead, _, status = done.stdout.strip().partition(":")
        return (status or "?") if dead == "1" else None


@contextmanager
def launched(
    server: TmuxServer,
    command: str,
    *,
    size: tuple[int, int] = DEFAULT_SIZE,
    env: Mapping[str, str] | None = None,
    cwd: Path | None = None,
) -> Iterator[Pane]:
    """Run ``command`` in a new session of ``size`` columns x rows; kill it afterwards."""
    session = unique_name("app")
    width, height = size
    env_args = [arg for key, value in (env or {}).items() for arg in ("-e", f"{key}={value}")]
    args = ["new-session", "-d", "-s", session, "-x", str(width), "-y", str(height)]
    args += ["-c", str(cwd or Path.cwd()), *env_args, command]
    try:
        server.run(*args)
        yield Pane(server, session)
    finally:
        server.run("kill-session", "-t", f"={session}", check=False)


def wait_for(
    pane: Pane,
    done: Callable[[str], bool],
    *,
    timeout: float = DEFAULT_TIMEOUT,
    poll: float = DEFAULT_POLL,
    what: str = "the expected screen",
) -> str:
    """Look at the pane every ``poll`` seconds until ``done(screen)``; return that screen."""
    now = time.perf_counter()
    deadline, next_liveness_check = now + timeout, now + 0.5
    while True:
        screen = pane.capture()
        if done(screen):
            return screen
        now = time.perf_counter()
        status = None
        if now > next_liveness_check:
            status, next_liveness_check = pane.exit_status(), now + 0.5
        if now > deadline or status is not None:
            ended = f" (the app exited with status {status})" if status is not None else ""
            last = "\n".join(line for line in screen.splitlines() if line.strip())[-800:]
            raise HarnessError(f"no {what} within {timeout:g} s{ended}; last screen:\n{last}")
        time.sleep(poll)


def wait_until_still(
    pane: Pane,
    *,
    quiet: float = 0.3,
    timeout: float = DEFAULT_TIMEOUT,
    view: Callable[[str], str] = lambda screen: screen,
) -> str:
    """Wait until ``view`` of the screen has not changed for ``quiet`` seconds; return it."""
    deadline = time.perf_counter() + timeout
    screen = view(pane.capture())
    since = time.perf_counter()
    while time.perf_counter() - since < quiet:
        if time.perf_counter() > deadline:
            raise HarnessError(f"the screen kept changing for {timeout:g} s")
        time.sleep(DEFAULT_POLL)
        now = view(pane.capture())
        if now != screen:
            screen, since = now, time.perf_counter()
    return screen


def launch_time(
    server: TmuxServer,
    command: str,
    expect: str,
    *,
    size: tuple[int, int] = DEFAULT_SIZE,
    env: Mapping[str, str] | None = None,
    timeout: float = DEFAULT_TIMEOUT,
    poll: float = DEFAULT_POLL,
) -> float:
    """Seconds from launching ``command`` to the first frame containing ``expect``."""
    start = time.perf_counter()
    with launched(server, command, size=size, env=env) as pane:
        wait_for(pane, lambda screen: expect in screen, timeout=timeout, poll=poll, what=expect)
        return time.perf_counter() - start


def startup_times(
    command: str,
    expect: str,
    *,
    runs: int = 10,
    size: tuple[int, int] = DEFAULT_SIZE,
    env: Mapping[str, str] | None = None,
    timeout: float = DEFAULT_TIMEOUT,
    poll: float = DEFAULT_POLL,
) -> list[float]:
    """Launch ``command`` ``runs`` times; seconds until ``expect`` first shows, each run."""
    with TmuxServer() as server:
        return [
            launch_time(server, command, expect, size=size, env=env, timeout=timeout, poll=poll)
            for _ in range(runs)
        ]


def keypress_latencies(
    command: str,
    ready: str,
    key: str,
    *,
    presses: int = 50,
    expect: Callable[[int], str] | None = None,
    size: tuple[int, int] = DEFAULT_SIZE,
    env: Mapping[str, str] | None = None,
    timeout: float = DEFAULT_TIMEOUT,
    poll: float = DEFAULT_POLL,
    settle: float = 0.05,
) -> list[float]:
    """Seconds from sending ``key`` to the screen answering, for each of ``presses``.

    The app is launched once and waited for (``ready`` on screen and then a
    still screen). Each press counts until the pane differs from just before the
    press, or, with ``expect``, until it contains ``expect(press_number)``
    (numbered from 1). ``settle`` seconds pass between presses.
    """
    latencies: list[float] = []
    with TmuxServer() as server, launched(server, command, size=size, env=env) as pane:
        wait_for(pane, lambda screen: ready in screen, timeout=timeout, poll=poll, what=ready)
        wait_until_still(pane, timeout=timeout)
        for number in range(1, presses + 1):
            before = pane.capture()
            wanted = expect(number) if expect else None

            def answered(screen: str, before: str = before, wanted: str | None = wanted) -> bool:
                return wanted in screen if wanted is not None else screen != before

            start = time.perf_counter()
            pane.send_keys(key)
            wait_for(pane, answered, timeout=timeout, poll=poll, what=f"answer to {key}")
            latencies.append(time.perf_counter() - start)
            time.sleep(settle)
    return latencies


def tmux_round_trip(samples: int = 50) -> list[float]:
    """Seconds one ``capture-pane`` takes: the resolution of every figure here."""
    with TmuxServer() as server, launched(server, "cat", size=(40, 5)) as pane:
        times = []
        for _ in range(samples):
            start = time.perf_counter()
            pane.capture()
            times.append(time.perf_counter() - start)
    return times


def median(values: Sequence[float]) -> float:
    """The middle value."""
    return statistics.median(values)


def p95(values: Sequence[float]) -> float:
    """The 95th percentile (the value 95 % of samples stay at or under)."""
    if len(values) == 1:
        return values[0]
    return statistics.quantiles(values, n=20, method="inclusive")[-1]


def summary(name: str, values: Sequence[float]) -> str:
    """One line: median, p95, min and max in milliseconds."""
    ms = [value * 1000 for value in values]
    return (
        f"{name}: median {median(ms):.1f} ms, p95 {p95(ms):.1f} ms, "
        f"min {min(ms):.1f} ms, max {max(ms):.1f} ms (n={len(ms)})"
    )


def main(argv: Sequence[str] | None = None) -> int:
    """Measure an app (by default benchmarks/bare_app.py) and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    default_command = f"{shlex.quote(sys.executable)} {shlex.quote(str(BARE_APP))}"
    parser.add_argument("--command", default=default_command, help="shell command to launch")
    parser.add_argument("--expect", default=BARE_TITLE, help="text on the first useful frame")
    parser.add_argument("--key", default="Space", help="key to press, as tmux names it")
    parser.add_argument("--runs", type=int, default=10, help="launches to time")
    parser.add_argument("--presses", type=int, default=50, help="keypresses to time")
    parser.add_argument("--size", default="100x30", help="terminal COLUMNSxROWS")
    args = parser.parse_args(argv)
    width, _, height = args.size.partition("x")
    size = (int(width), int(height))
    try:
        print(f"app: {args.command}  terminal: {args.size}")
        print(summary("tmux capture-pane round trip", tmux_round_trip()))
        print(
            summary(
                "startup to first frame",
                startup_times(args.command, args.expect, runs=args.runs, size=size),
            )
        )
        latencies = keypress_latencies(
            args.command, args.expect, args.key, presses=args.presses, size=size
        )
        print(summary(f"keypress ({args.key}) to screen", latencies))
    except HarnessError as error:
        print(f"benchmark failed: {error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
