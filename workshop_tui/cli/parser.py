"""The ``workshop`` command line.

Each subcommand is one ``add_parser`` entry in ``build_parser`` and one
``cmd_*`` function taking the parsed arguments and returning the exit status.
Handlers import what they need inside themselves, so ``workshop --help``
starts fast and never loads textual or sqlmodel.

Exit status: 0 done, 2 for a problem the user can fix (an invalid script, a
missing file, a store error), 1 for anything unexpected. No tracebacks; set
``WORKSHOP_DEBUG=1`` to see them. Whatever is printed of stored, typed or
script text goes through ``printable`` first, error messages included.
"""

from __future__ import annotations

import argparse
import os
import sys
import typing
from collections.abc import Sequence
from pathlib import Path

from workshop_tui import __version__
from workshop_tui.printable import printable

USER_ERROR = 2
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
    """The parser for every subcommand; each sets ``handler`` to its ``cmd_*`` function.

    ``--db`` and ``--scripts-dir`` are accepted before the command and after
    it. After it they land in ``sub_db`` and ``sub_scripts_dirs`` (argparse
    would otherwise let the command's empty default overwrite what was given
    before it); ``parse_args`` merges the two.
    """
    parser = Parser(
        prog="workshop",
        description="Run facilitation workshops on a projector, from Markdown or YAML scripts. "
        "With no command, open the app to pick a script or an unfinished session.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    _add_global_options(parser, prefix="")
    from workshop_tui.cli.sessions import add_session_commands, cmd_open

    parser.set_defaults(handler=cmd_open)
    commands = parser.add_subparsers(title="commands", metavar="COMMAND")
    add_session_commands(commands)  # run, resume, sessions, export
    from workshop_tui.cli.room import add_room_command
    from workshop_tui.cli.sessions import _session_id

    add_room_command(commands, _session_id)

    validate = commands.add_parser(
        "validate",
        help="check scripts and report every problem",
        description="Check scripts; exit 2 if any is invalid. Warnings do not fail.",
    )
    validate.add_argument("refs", nargs="+", metavar="PATH", help="a script file (or a script id)")
    validate.set_defaults(handler=cmd_validate)

    scripts = commands.add_parser("scripts", help="list the scripts you can run")
    scripts.set_defaults(handler=cmd_scripts)

    convert = commands.add_parser(
        "convert",
        help="turn a Markdown script into YAML, or a YAML script into Markdown",
        description="Write a script in the other format and say what could not be carried "
        "over (comments, formatting). Never overwrites a file unless --force is given.",
    )
    convert.add_argument("ref", metavar="FILE", help="a script file (or a script id)")
    convert.add_argument(
        "-o",
        "--output",
        metavar="OUT",
        help="where to write: a .md, .yaml or .yml file (its suffix picks the format), "
        "or - for standard output (default: FILE with the other suffix; for a script id, "
        "ID.md or ID.yaml in the current folder)",
    )
    convert.add_argument("--force", action="store_true", help="replace OUT if it exists")
    convert.set_defaults(handler=cmd_convert)
    for command in commands.choices.values():
        _add_global_options(command, prefix="sub_")
    return parser


def _add_global_options(parser: argparse.ArgumentParser, *, prefix: str) -> None:
    """``--db`` and ``--scripts-dir``; a command's own copies default to nothing at all."""
    options = parser.add_argument_group("options of every command")
    defaults: dict[str, object] = {} if prefix else {"db": None, "scripts_dirs": []}
    options.add_argument(
        "--db",
        metavar="PATH",
        dest=f"{prefix}db",
        default=defaults.get("db", argparse.SUPPRESS),
        help="the database file (default: $WORKSHOP_DB, or one in the data folder)",
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


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line and return its exit status."""
    args = parse_args(argv)
    try:
        status: int = args.handler(args)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # e.g. `workshop scripts | head`
        _silence_stdout()
        return 0
    except Exception as error:
        if os.environ.get(DEBUG_ENV):
            raise
        return _report(error)
    return status


def cmd_validate(args: argparse.Namespace) -> int:
    """Check each script given; print ``ok:`` lines, problems and warnings on stderr."""
    from workshop_tui.content.catalog import find_script
    from workshop_tui.content.durations import format_duration
    from workshop_tui.content.loader import load_script
    from workshop_tui.content.problems import ScriptInvalid, ScriptNotFound

    invalid = 0
    for ref in args.refs:
        try:
            loaded = load_script(find_script(ref, args.scripts_dirs))
        except ScriptNotFound as error:
            _error(str(error))
            invalid += 1
            continue
        except ScriptInvalid as error:
            _print_problems(error.problems)
            invalid += 1
            continue
        _print_problems(loaded.warnings)
        script = loaded.script
        count = len(script.parts)
        print(
            printable(
                f"ok: {loaded.path} ({script.title}, {count} part{'s' * (count != 1)}, "
                f"{format_duration(script.duration)})"
            )
        )
    if invalid and len(args.refs) > 1:
        _error(f"{invalid} of {len(args.refs)} scripts have problems")
    return USER_ERROR if invalid else 0


def cmd_scripts(args: argparse.Namespace) -> int:
    """An aligned table of the scripts; broken ones follow with their first problem."""
    from workshop_tui.content.catalog import list_scripts
    from workshop_tui.content.durations import format_duration
    from workshop_tui.locations import user_scripts_dir

    entries = list_scripts(args.scripts_dirs)
    folders = [*args.scripts_dirs, user_scripts_dir()]
    where = printable("Your scripts: " + ", ".join(str(folder) for folder in folders))
    if not entries:
        print(f"No scripts found.\n{where}")
        return 0
    header = ("ID", "TITLE", "DURATION", "PARTS", "ORIGIN")
    rows = [
        (printable(e.id), printable(e.title), format_duration(e.duration), str(e.parts), e.origin)
        for e in entries
        if e.ok
    ]
    widths = [max(len(row[column]) for row in [header, *rows]) for column in range(len(header))]
    for row in [header, *rows]:
        cells = (cell.ljust(width) for cell, width in zip(row, widths, strict=True))
        print("  ".join(cells).rstrip())
    for entry in entries:
        if not entry.ok:
            more = len(entry.problems) - 1
            extra = f" (and {more} more: workshop validate {entry.path})" if more else ""
            first = entry.problems[0]
            name = printable(entry.id).ljust(widths[0])
            print(printable(f"{name}  BROKEN ({entry.origin}): {first}{extra}"))
    print(f"\n{where}")
    return 0


def cmd_convert(args: argparse.Namespace) -> int:
    """Write the script in the other format; warnings name what was not carried over."""
    from workshop_tui.content.catalog import find_script
    from workshop_tui.content.convert import MARKDOWN, YAML, convert, format_of
    from workshop_tui.content.loader import load_script

    path = find_script(args.ref, args.scripts_dirs)
    loaded = load_script(path)
    output: str | None = args.output
    if output is not None and output != "-" and Path(output).suffix.lower() in SCRIPT_SUFFIXES:
        target = format_of(output)
    else:
        target = YAML if format_of(str(path)) == MARKDOWN else MARKDOWN
    if output is None:
        suffix = ".md" if target == MARKDOWN else ".yaml"
        given_as_path = Path(args.ref).expanduser() == path
        output = str(path.with_suffix(suffix) if given_as_path else Path(path.stem + suffix))
    destination = Path(output)
    if output != "-" and not args.force and os.path.lexists(destination):
        return _exists(destination)
    conversion = convert(loaded, target)
    for note in conversion.notes:
        print(printable(str(note)), file=sys.stderr)
    if output == "-":
        sys.stdout.write(conversion.text)
        return 0
    try:
        _write(destination, conversion.text, replace=args.force)
    except FileExistsError:
        return _exists(destination)
    print(printable(f"wrote {destination} ({target} script)"))
    return 0


SCRIPT_SUFFIXES = (".md", ".markdown", ".yaml", ".yml")


def _exists(path: Path) -> int:
    _error(f"{path} already exists (add --force to replace it, or choose another with -o)")
    return USER_ERROR


def _write(path: Path, text: str, *, replace: bool) -> None:
    """Write ``text`` to a new file, or replace an old one in one step when ``replace``."""
    if not replace:
        with path.open("x", encoding="utf-8", newline="\n") as stream:
            stream.write(text)
        return
    partial = path.with_name(f".{path.name}.partial")
    partial.write_text(text, encoding="utf-8", newline="\n")
    os.replace(partial, path)


def _folder(text: str) -> Path:
    """An existing folder, for ``--scripts-dir``."""
    path = Path(text).expanduser()
    if not path.is_dir():
        raise argparse.ArgumentTypeError(f'"{text}" is not a folder')
    return path


def _report(error: Exception) -> int:
    """One line on stderr for an error, and the exit status it deserves."""
    from workshop_tui.content.problems import ScriptInvalid, ScriptNotFound
    from workshop_tui.domain.ports import StoreError

    if isinstance(error, ScriptInvalid):
        _print_problems(error.problems)
        return USER_ERROR
    if isinstance(error, OSError):
        where = f" ({error.filename})" if error.filename else ""
        _error(f"{error.strerror or error}{where}")
        return USER_ERROR
    if isinstance(error, StoreError | ScriptNotFound):
        _error(str(error))
        return USER_ERROR
    _error(f"unexpected {type(error).__name__}: {error} (set {DEBUG_ENV}=1 to see where)")
    return UNEXPECTED


def _error(message: str) -> None:
    print(f"workshop: {printable(message)}", file=sys.stderr)


def _print_problems(problems: Sequence[object]) -> None:
    """A script's problems or warnings on stderr, one printable line each."""
    for problem in problems:
        print(printable(str(problem)), file=sys.stderr)


def _silence_stdout() -> None:
    """After a broken pipe, keep Python from complaining while it flushes stdout at exit."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
