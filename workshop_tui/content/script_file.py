"""What a path given as a script really is, and reading it without ever blocking.

A named pipe, a socket, a device or a loop of symbolic links is no script
file; each is said as what it is. A script is opened without blocking and
checked to be a regular file before a byte is read, so a FIFO never stalls
the process and ``/dev/zero`` is never read.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

from workshop_tui.content.problems import Problem, ScriptInvalid

FOLDER = "a folder"
_KINDS = (
    (stat.S_ISDIR, FOLDER),
    (stat.S_ISFIFO, "a named pipe (FIFO)"),
    (stat.S_ISSOCK, "a socket"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
)
_NONBLOCK = getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
MISSING = "missing"
"""What ``what_is`` says of a path where there is nothing at all."""


def what_is(path: Path) -> str | None:
    """None for a regular file, ``MISSING`` for nothing there, else what it is in words."""
    try:
        mode = os.stat(path).st_mode
    except OSError as error:
        return _unreachable(path, error)
    if stat.S_ISREG(mode):
        return None
    return next((words for test, words in _KINDS if test(mode)), "not a regular file")


def _unreachable(path: Path, error: OSError) -> str:
    if error.errno == errno.ELOOP:
        return "a symbolic link that loops back on itself"
    if error.errno in (errno.ENOENT, errno.ENOTDIR):
        if os.path.islink(path):
            try:
                target = os.readlink(path)
            except OSError:
                target = "?"
            return f'a broken symbolic link (its target "{target}" does not exist)'
        return MISSING
    return f"a path that cannot be looked at ({error.strerror or error})"


def read_script_bytes(path: Path, limit: int) -> tuple[bytes, int]:
    """The first ``limit + 1`` bytes of a regular file and its size; ScriptInvalid otherwise."""
    name = str(path)
    try:
        descriptor = os.open(path, os.O_RDONLY | _NONBLOCK)
    except OSError as error:
        what = what_is(path)
        if what in (None, MISSING):
            reason = error.strerror or str(error)
            raise ScriptInvalid(
                [Problem(name, None, "", f"cannot read the file ({reason})")]
            ) from None
        raise ScriptInvalid([_not_a_file(name, what)]) from None
    try:
        status = os.fstat(descriptor)
        if not stat.S_ISREG(status.st_mode):
            what = next(
                (words for test, words in _KINDS if test(status.st_mode)), "not a regular file"
            )
            raise ScriptInvalid([_not_a_file(name, what)])
        with os.fdopen(descriptor, "rb", closefd=False) as stream:
            return stream.read(limit + 1), status.st_size
    except OSError as error:
        reason = error.strerror or str(error)
        raise ScriptInvalid([Problem(name, None, "", f"cannot read the file ({reason})")]) from None
    finally:
        os.close(descriptor)


def _not_a_file(name: str, what: str) -> Problem:
    return Problem(name, None, "", f"cannot read the file: it is {what}, not a script file")
