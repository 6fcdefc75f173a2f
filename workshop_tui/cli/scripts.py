"""The commands on scripts: list the ones you can run, check them, convert between formats."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from workshop_tui.cli.output import USER_ERROR, error, print_problems, say, write_new
from workshop_tui.content.catalog import find_script, list_scripts
from workshop_tui.content.convert import MARKDOWN, YAML, convert, format_of
from workshop_tui.content.durations import format_duration
from workshop_tui.content.loader import load_script
from workshop_tui.content.problems import ScriptInvalid, ScriptNotFound
from workshop_tui.locations import user_scripts_dir
from workshop_tui.printable import printable


def cmd_validate(args: argparse.Namespace) -> int:
    """Check each script given; print ``ok:`` lines, problems and warnings on stderr."""
    invalid = 0
    for ref in args.refs:
        try:
            loaded = load_script(find_script(ref, args.scripts_dirs))
        except ScriptNotFound as missing:
            error(str(missing))
            invalid += 1
            continue
        except ScriptInvalid as invalid_script:
            print_problems(invalid_script.problems)
            invalid += 1
            continue
        print_problems(loaded.warnings)
        script = loaded.script
        count = len(script.parts)
        say(
            f"ok: {loaded.path} ({script.title}, {count} part{'s' * (count != 1)}, "
            f"{format_duration(script.duration)})"
        )
    if invalid and len(args.refs) > 1:
        error(f"{invalid} of {len(args.refs)} scripts have problems")
    return USER_ERROR if invalid else 0


def cmd_scripts(args: argparse.Namespace) -> int:
    """An aligned table of the scripts; broken ones follow with their first problem."""
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
        write_new(destination, conversion.text, replace=args.force)
    except FileExistsError:
        return _exists(destination)
    print(printable(f"wrote {destination} ({target} script)"))
    return 0


SCRIPT_SUFFIXES = (".md", ".markdown", ".yaml", ".yml")


def _exists(path: Path) -> int:
    error(f"{path} already exists (add --force to replace it, or choose another with -o)")
    return USER_ERROR
