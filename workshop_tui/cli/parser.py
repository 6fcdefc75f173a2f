"""The ``workshop`` command line: parse it, run the one command asked for, say what went wrong.

Every command is declared in ``commands`` (argparse only) and runs in the module of its
group (``console``, ``sessions``, ``agreements``, ``scripts``), which is imported only when
that command runs: ``workshop --help`` loads neither Textual nor SQLAlchemy, and ``workshop
run`` draws its first frame before the database layer is imported.

Exit status: 0 done, 2 for a problem the user can fix (an invalid script, a missing file, a
store error), 1 for anything unexpected. No tracebacks; set ``WORKSHOP_DEBUG=1`` to see
them. Whatever is printed of stored, typed or script text goes through ``printable`` first,
error messages included.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
import typing
from collections.abc import Sequence
from pathlib import Path

from workshop_tui import __version__
from workshop_tui.cli.commands import declare_commands
from workshop_tui.cli.output import USER_ERROR, error, print_problems
from workshop_tui.content.problems import ScriptInvalid, ScriptNotFound
from workshop_tui.domain.ports import StoreError
from workshop_tui.printable import printable
from workshop_tui.settings import SettingsError

UNEXPECTED = 1
DEBUG_ENV = "WORKSHOP_DEBUG"

GLOBAL_OPTIONS = ("db", "scripts_dirs")
"""Options every command takes, before or after its name (``workshop sessions --db X``)."""


class Parser(argparse.ArgumentParser):
    """argparse, but a usage error echoes what was typed only in printable form."""

    def error(self, message: str) -> typing.NoReturn:
        self.print_usage(sys.stderr)
        self.exit(USER_ERROR, f"{self.prog}: error: {printable(message)}\n")


def build_parser() -> argparse.ArgumentParser:
    """The parser for every command; each names the function that runs it.

    ``--db`` and ``--scripts-dir`` are accepted before the command and after it. After it
    they land in ``sub_db`` and ``sub_scripts_dirs`` (argparse would otherwise let the
    command's empty default overwrite what was given before it); ``parse_args`` merges them.
    """
    parser = Parser(
        prog="workshop",
        description="Run facilitation workshops on a projector, from Markdown or YAML scripts. "
        "With no command, open the app to pick a script or an unfinished session.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    _add_global_options(parser, prefix="")
    parser.set_defaults(command="console:cmd_open")
    commands = parser.add_subparsers(title="commands", metavar="COMMAND")
    for command in declare_commands(commands):
        _add_global_options(command, prefix="sub_")
    return parser


def _add_global_options(parser: argparse.ArgumentParser, *, prefix: str) -> None:
    """``--db`` and ``--scripts-dir``; a command's own copies default to nothing at all."""
    options = parser.add_argument_group("options of every command")
    defaults: dict[str, object] = {} if prefix else {"db": None, "scripts_dirs": []}
    options.add_argument(
        "--db",
        metavar="PATH|URL",
        dest=f"{prefix}db",
        default=defaults.get("db", argparse.SUPPRESS),
        help=(
            "a SQLite file, or a team store's postgresql:// URL (default: $WORKSHOP_DB, "
            "the config file's db, or a file in the data folder)"
        ),
    )
    options.add_argument(
        "--scripts-dir",
        metavar="DIR",
        dest=f"{prefix}scripts_dirs",
        action="append",
        type=_folder,
        default=defaults.get("scripts_dirs", argparse.SUPPRESS),
        help="a folder of your own scripts, searched before the others (repeatable)",
    )


def _folder(text: str) -> Path:
    """An existing folder, for ``--scripts-dir``."""
    path = Path(text).expanduser()
    if not path.is_dir():
        raise argparse.ArgumentTypeError(f'"{text}" is not a folder')
    return path


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    """The parsed command line, with global options given after the command merged in."""
    args = build_parser().parse_args(argv)
    if (db := getattr(args, "sub_db", None)) is not None:
        args.db = db  # the one typed last wins, as with any repeated option
    args.scripts_dirs = [*args.scripts_dirs, *getattr(args, "sub_scripts_dirs", [])]
    for name in GLOBAL_OPTIONS:
        if hasattr(args, f"sub_{name}"):
            delattr(args, f"sub_{name}")
    return args


def handler_of(args: argparse.Namespace) -> typing.Callable[[argparse.Namespace], int]:
    """The function that runs the command, from the module of its group."""
    module_name, _, function = args.command.partition(":")
    # late: a command's module (and Textual or the database layer with it) loads only to run it
    module = importlib.import_module(f"workshop_tui.cli.{module_name}")
    handler: typing.Callable[[argparse.Namespace], int] = getattr(module, function)
    return handler


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line and return its exit status."""
    args = parse_args(argv)
    try:
        status: int = handler_of(args)(args)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # e.g. `workshop scripts | head`
        _silence_stdout()
        return 0
    except Exception as problem:
        if os.environ.get(DEBUG_ENV):
            raise
        return _report(problem)
    return status


def _report(problem: Exception) -> int:
    """One line on stderr for an error, and the exit status it deserves."""
    if isinstance(problem, ScriptInvalid):
        print_problems(problem.problems)
        return USER_ERROR
    if isinstance(problem, OSError):
        where = f" ({problem.filename})" if problem.filename else ""
        error(f"{problem.strerror or problem}{where}")
        return USER_ERROR
    if isinstance(problem, StoreError | ScriptNotFound | SettingsError):
        error(str(problem))
        return USER_ERROR
    error(f"unexpected {type(problem).__name__}: {problem} (set {DEBUG_ENV}=1 to see where)")
    return UNEXPECTED


def _silence_stdout() -> None:
    """After a broken pipe, keep Python from complaining while it flushes stdout at exit."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
