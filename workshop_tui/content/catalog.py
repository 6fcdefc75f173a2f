"""Which scripts there are: bundled ones, the user's own, and any given folders.

Folders are searched in this order, and the first script with an id wins:
each ``--scripts-dir`` in the order given, the user's scripts folder
(``locations.user_scripts_dir()``), then the scripts bundled with the package.
So a facilitator adapts a bundled script by copying it into their folder and
keeping its id: their copy shadows the bundled one. Two files with one id in
the same folder are a mistake, and the second is listed as broken.

A YAML and a Markdown file of one id in one folder are a pair of twins when
they hold the same script: one entry is listed, the YAML file's. Twins that
differ are a clash. The bundled Customer Working Agreement ships as both; its
Markdown file is not read to list it (a test holds the two equal).
A folder's ``README.md`` is never taken for a script.

A script that fails to load is listed with its problems (under its file name
as id) and never hides the others. Loaded scripts are remembered by file,
size and modification time, so listing again is cheap.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from importlib.resources import files
from importlib.resources.abc import Traversable
from pathlib import Path

from workshop_tui.content.loaded import LoadedScript
from workshop_tui.content.loader import load_script, parse_script_bytes
from workshop_tui.content.markdown.format import SUFFIXES as MARKDOWN_SUFFIXES
from workshop_tui.content.model import Script
from workshop_tui.content.problems import Problem, ScriptInvalid, ScriptNotFound
from workshop_tui.content.script_file import FOLDER, MISSING, what_is
from workshop_tui.locations import user_scripts_dir

__all__ = [
    "BUNDLED",
    "USER",
    "CatalogEntry",
    "ScriptNotFound",
    "bundled_folder",
    "find_script",
    "list_scripts",
]

BUNDLED_PACKAGE = "workshop_tui.facilitation_scripts"
YAML_SUFFIXES = (".yaml", ".yml")
SUFFIXES = YAML_SUFFIXES + MARKDOWN_SUFFIXES
NOT_SCRIPTS = {"readme.md", "readme.markdown"}
BUNDLED = "bundled"
USER = "user"


@dataclass(frozen=True, slots=True)
class CatalogEntry:
    """One script file as the picker and ``workshop scripts`` show it."""

    id: str
    title: str
    duration: int
    """Planned length in seconds."""
    parts: int
    purpose: str
    path: Path
    origin: str
    """"bundled" or "user" (the user's folder or a ``--scripts-dir``)."""
    problems: tuple[Problem, ...] = ()
    """Why the script failed to load; empty when it loaded."""
    warnings: tuple[Problem, ...] = ()
    script: Script | None = field(default=None, compare=False, repr=False)
    """The loaded script (None for a broken one): tells an equal twin from a clash."""

    @property
    def ok(self) -> bool:
        return not self.problems


def bundled_folder() -> Traversable:
    """The folder of scripts shipped inside the package."""
    return files(BUNDLED_PACKAGE)


def list_scripts(extra_dirs: Iterable[Path] = ()) -> list[CatalogEntry]:
    """Every script, the first of each id in search order, broken ones included."""
    folders: list[tuple[Traversable, str]] = [(Path(folder), USER) for folder in extra_dirs]
    folders += [(user_scripts_dir(), USER), (bundled_folder(), BUNDLED)]
    entries: list[CatalogEntry] = []
    claimed: dict[str, CatalogEntry] = {}
    for folder, origin in folders:
        local: dict[str, CatalogEntry] = {}
        for resource in _script_files(folder, bundled=origin == BUNDLED):
            entry = _entry(resource, origin)
            if not entry.ok:
                entries.append(entry)
            elif entry.id in local:
                _twin_or_clash(entry, local, claimed, entries)
            elif entry.id not in claimed:
                local[entry.id] = claimed[entry.id] = entry
                entries.append(entry)
            else:
                local[entry.id] = entry  # shadowed, but still a twin or a clash in its folder
    return entries


def _twin_or_clash(
    entry: CatalogEntry,
    local: dict[str, CatalogEntry],
    claimed: dict[str, CatalogEntry],
    entries: list[CatalogEntry],
) -> None:
    """A second file of an id in one folder: a YAML or Markdown twin of equal script, or a clash."""
    first = local[entry.id]
    if _is_yaml(entry) == _is_yaml(first) or entry.script != first.script:
        entries.append(_clash(entry, first))
    elif _is_yaml(entry):  # the YAML twin stands for both
        local[entry.id] = entry
        if claimed.get(entry.id) is first:
            claimed[entry.id] = entry
            entries[next(index for index, e in enumerate(entries) if e is first)] = entry


def _is_yaml(entry: CatalogEntry) -> bool:
    return entry.path.name.lower().endswith(YAML_SUFFIXES)


def find_script(ref: str, extra_dirs: Iterable[Path] = ()) -> Path:
    """The file of a script given as a path or as an id; raise ScriptNotFound if none."""
    if "\x00" in ref:  # no file system holds such a name (and os calls refuse it)
        raise ScriptNotFound(f'there is no script file or id "{ref}": it holds a NUL character')
    candidate = Path(ref).expanduser()
    what = what_is(candidate)
    if what is None:
        return candidate
    if what != MISSING:
        raise ScriptNotFound(f'"{ref}" is {what}, not a script file')
    if "/" in ref or "\\" in ref or candidate.suffix.lower() in SUFFIXES:
        raise ScriptNotFound(f'there is no script file "{ref}"')
    entries = list_scripts(extra_dirs)
    for entry in entries:
        if entry.id == ref:
            return entry.path
    known = sorted(entry.id for entry in entries if entry.ok)
    close = difflib.get_close_matches(ref, known, n=1)
    hint = f'did you mean "{close[0]}"? ' if close else ""
    listing = ", ".join(known) if known else "none"
    raise ScriptNotFound(f'there is no script with id "{ref}" ({hint}known ids: {listing})')


def _script_files(folder: Traversable, *, bundled: bool = False) -> list[Traversable]:
    try:
        if not folder.is_dir():
            return []
        found = [
            item
            for item in folder.iterdir()
            if item.name.lower().endswith(SUFFIXES) and item.name.lower() not in NOT_SCRIPTS
        ]
    except OSError:
        return []
    if bundled:
        names = {item.name for item in found}
        found = [item for item in found if not _bundled_twin(item.name, names)]
    return sorted((item for item in found if _listed(item)), key=lambda item: item.name)


def _bundled_twin(name: str, names: set[str]) -> bool:
    """A bundled Markdown script beside a YAML file of its name: the same script (a test
    holds them equal), so listing reads the YAML file alone; the Markdown file stays
    for reading, converting and as an example, by its path."""
    stem, _, suffix = name.rpartition(".")
    is_markdown = f".{suffix.lower()}" in MARKDOWN_SUFFIXES
    return is_markdown and any(f"{stem}{yaml}" in names for yaml in YAML_SUFFIXES)


def _listed(item: Traversable) -> bool:
    """A file, or a FIFO, socket or broken link that is listed as broken, saying what it is."""
    if not isinstance(item, Path):
        return item.is_file()
    return what_is(item) not in (MISSING, FOLDER)


_Outcome = LoadedScript | tuple[Problem, ...]
_cache: dict[str, tuple[tuple[int, int], _Outcome]] = {}


def _load(resource: Traversable) -> _Outcome:
    """The script in a file or its problems, remembered while the file is unchanged."""
    if not isinstance(resource, Path):  # a resource inside a zip, say
        return _attempt(lambda: parse_script_bytes(resource.read_bytes(), resource.name))
    try:
        stat = resource.stat()
    except OSError:
        return _attempt(lambda: load_script(resource))
    version = (stat.st_mtime_ns, stat.st_size)
    cached = _cache.get(str(resource))
    if cached is not None and cached[0] == version:
        return cached[1]
    outcome = _attempt(lambda: load_script(resource))
    _cache[str(resource)] = (version, outcome)
    return outcome


def _attempt(load: Callable[[], LoadedScript]) -> _Outcome:
    try:
        return load()
    except ScriptInvalid as invalid:
        return tuple(invalid.problems)


def _entry(resource: Traversable, origin: str) -> CatalogEntry:
    path = resource if isinstance(resource, Path) else Path(str(resource))
    outcome = _load(resource)
    if not isinstance(outcome, LoadedScript):
        return CatalogEntry(_stem(path), "", 0, 0, "", path, origin, outcome)
    script = outcome.script
    return CatalogEntry(
        id=script.id,
        title=script.title,
        duration=script.duration,
        parts=len(script.parts),
        purpose=script.purpose,
        path=path,
        origin=origin,
        warnings=tuple(outcome.warnings),
        script=script,
    )


def _stem(path: Path) -> str:
    return path.name.rsplit(".", 1)[0]


def _clash(entry: CatalogEntry, first: CatalogEntry) -> CatalogEntry:
    message = f'id "{entry.id}" is already used by {first.path.name} in the same folder'
    if _is_yaml(entry) != _is_yaml(first):
        message += " (a YAML and a Markdown twin must hold the same script)"
    problem = Problem(str(entry.path), None, "id", message)
    return CatalogEntry(_stem(entry.path), "", 0, 0, "", entry.path, entry.origin, (problem,))
