"""The house's rules, read from the code: layers, cycles, private names and late imports.

Every module of the package is parsed (not imported), so a rule holds for all of them, also
for an import inside a function or under ``TYPE_CHECKING``.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pytest

from tests.conftest import REPO

PACKAGE = REPO / "workshop_tui"

UI = ("textual", "rich", "textual_plotext", "plotext")
DATABASE = ("sqlmodel", "sqlalchemy", "sqlite3", "psycopg", "alembic")
PARSERS = ("yaml", "markdown_it")
CONSOLE_LAYERS = tuple(
    f"workshop_tui.{name}"
    for name in ("app", "cli", "boards", "controls", "dialogs", "screens", "console", "room")
)
WIDGETS = ("workshop_tui.widgets", "workshop_tui.textual_fixes")
ENGINE = ("workshop_tui.domain.engine",)
STORE = ("workshop_tui.storage",)
EXPORT = ("workshop_tui.export",)
SCRIPT_READERS = (
    "workshop_tui.content.loader",
    "workshop_tui.content.catalog",
    "workshop_tui.content.markdown",
    "workshop_tui.content.yaml",
    "workshop_tui.content.convert",
)

RULES: dict[str, tuple[str, ...]] = {
    # The domain knows nothing of the screen, the database or a file format; it reads the
    # script's model only.
    "workshop_tui.domain": UI
    + DATABASE
    + PARSERS
    + CONSOLE_LAYERS
    + WIDGETS
    + STORE
    + EXPORT
    + SCRIPT_READERS,
    # What a board draws, the rules and the living agreements need no engine: a reader of the
    # store (the room view, the export) builds them from a snapshot alone.
    "workshop_tui.domain.read_models": ENGINE,
    "workshop_tui.domain.rules": ENGINE,
    "workshop_tui.domain.living": ENGINE,
    "workshop_tui.content": UI + DATABASE + CONSOLE_LAYERS + WIDGETS + STORE + EXPORT + ENGINE,
    "workshop_tui.storage": UI + CONSOLE_LAYERS + WIDGETS + EXPORT + ENGINE,
    "workshop_tui.export": UI + DATABASE + CONSOLE_LAYERS + WIDGETS + STORE + ENGINE,
    # Generic widgets know nothing of workshops.
    "workshop_tui.widgets": DATABASE
    + CONSOLE_LAYERS
    + ("workshop_tui.domain", "workshop_tui.content")
    + STORE
    + EXPORT,
    # Boards draw views: no engine, dialog, control or screen.
    "workshop_tui.boards": DATABASE
    + ENGINE
    + STORE
    + tuple(layer for layer in CONSOLE_LAYERS if layer != "workshop_tui.boards"),
    # Dialogs sit below every widget that opens them.
    "workshop_tui.dialogs": DATABASE
    + ENGINE
    + STORE
    + tuple(layer for layer in CONSOLE_LAYERS if layer != "workshop_tui.dialogs"),
    # Controls drive boards through the engine; screens compose controls, never the reverse.
    "workshop_tui.controls": DATABASE
    + STORE
    + (
        "workshop_tui.screens",
        "workshop_tui.console",
        "workshop_tui.room",
        "workshop_tui.app",
        "workshop_tui.cli",
    ),
    "workshop_tui.screens": DATABASE
    + STORE
    + ("workshop_tui.room", "workshop_tui.app.workshop_app", "workshop_tui.cli"),
    "workshop_tui.console": DATABASE + STORE + ("workshop_tui.room", "workshop_tui.cli"),
    # The room view composes boards only: no engine, control, dialog or console screen can
    # reach the projector.
    "workshop_tui.room": DATABASE
    + ENGINE
    + (
        "workshop_tui.controls",
        "workshop_tui.dialogs",
        "workshop_tui.screens",
        "workshop_tui.console",
        "workshop_tui.app.workshop_app",
        "workshop_tui.cli",
    ),
    "workshop_tui.app": DATABASE + ("workshop_tui.cli",),
    # Process-wide things at the top know no layer above them.
    "workshop_tui.printable": ("workshop_tui.",),
    "workshop_tui.locations": ("workshop_tui.",),
}


@dataclass(frozen=True)
class Import:
    module: str
    """The module that imports."""
    target: str
    """What it imports (a module, or ``module.name`` for ``from module import name``)."""
    names: tuple[str, ...]
    line: int
    top_level: bool
    type_only: bool


def module_name(path: Path) -> str:
    parts = path.relative_to(REPO).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def package_of(module: str, path: Path) -> str:
    return module if path.name == "__init__.py" else module.rpartition(".")[0]


@cache
def every_import() -> tuple[Import, ...]:
    found: list[Import] = []
    for path in sorted(PACKAGE.rglob("*.py")):
        module = module_name(path)
        tree = ast.parse(path.read_text(encoding="utf-8"))
        found.extend(_imports(tree, module, package_of(module, path)))
    return tuple(found)


def _imports(tree: ast.AST, module: str, package: str) -> Iterator[Import]:
    def walk(node: ast.AST, top: bool, type_only: bool) -> Iterator[Import]:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.Import):
                for alias in child.names:
                    yield Import(module, alias.name, (), child.lineno, top, type_only)
            elif isinstance(child, ast.ImportFrom):
                base = child.module or ""
                if child.level:
                    base = ".".join(package.split(".")[: len(package.split(".")) - child.level + 1])
                    base = f"{base}.{child.module}" if child.module else base
                names = tuple(alias.name for alias in child.names)
                yield Import(module, base, names, child.lineno, top, type_only)
            elif isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda):
                yield from walk(child, False, type_only)
            elif isinstance(child, ast.If) and "TYPE_CHECKING" in ast.unparse(child.test):
                yield from walk(child, top, True)
            else:
                yield from walk(child, top, type_only)

    yield from walk(tree, True, False)


def _is_under(name: str, prefix: str) -> bool:
    return name == prefix or name.startswith(prefix if prefix.endswith(".") else f"{prefix}.")


def _targets(found: Import) -> list[str]:
    """The modules an import names: ``from a import b`` may name module ``a.b``."""
    return [found.target, *(f"{found.target}.{name}" for name in found.names)]


@pytest.mark.parametrize("layer", sorted(RULES))
def test_a_layer_imports_nothing_it_must_not(layer: str) -> None:
    broken = []
    for found in every_import():
        if not _is_under(found.module, layer):
            continue
        rules = [forbidden for owner, forbidden in RULES.items() if _is_under(found.module, owner)]
        for forbidden in (prefix for rule in rules for prefix in rule):
            if _is_under(found.module, forbidden.rstrip(".")):
                continue  # a layer may import itself
            if any(_is_under(target, forbidden) for target in _targets(found)):
                broken.append(f"{found.module}:{found.line} imports {found.target}")
                break
    assert broken == []


def test_no_module_takes_a_private_name_of_another() -> None:
    taken = [
        f"{found.module}:{found.line} takes {found.target}.{name}"
        for found in every_import()
        if found.target.startswith("workshop_tui") and found.target != found.module
        for name in found.names
        if name.startswith("_") and not name.startswith("__")
    ]
    assert taken == []


def test_there_is_no_import_cycle() -> None:
    modules = {module_name(path) for path in PACKAGE.rglob("*.py")}
    graph: dict[str, set[str]] = {module: set() for module in modules}
    for found in every_import():
        for target in _targets(found):
            if target in modules and target != found.module:
                graph[found.module].add(target)
    cycles = [sorted(group) for group in _strongly_connected(graph) if len(group) > 1]
    assert cycles == []


def _strongly_connected(graph: dict[str, set[str]]) -> list[list[str]]:
    """Tarjan's algorithm, iterative."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    groups: list[list[str]] = []
    for root in sorted(graph):
        if root in index:
            continue
        work = [(root, iter(sorted(graph[root])))]
        index[root] = low[root] = len(index)
        stack.append(root)
        on_stack.add(root)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is None:
                work.pop()
                if work:
                    low[work[-1][0]] = min(low[work[-1][0]], low[node])
                if low[node] == index[node]:
                    group = []
                    while True:
                        member = stack.pop()
                        on_stack.discard(member)
                        group.append(member)
                        if member == node:
                            break
                    groups.append(group)
            elif child not in index:
                index[child] = low[child] = len(index)
                stack.append(child)
                on_stack.add(child)
                work.append((child, iter(sorted(graph[child]))))
            elif child in on_stack:
                low[node] = min(low[node], index[child])
    return groups


def test_an_import_inside_a_function_says_why_it_is_late() -> None:
    """Imports are at the top, but where start-up needs one late; the line above says so."""
    unexplained = []
    for found in every_import():
        if found.top_level or found.type_only:
            continue
        path = PACKAGE.parent / (found.module.replace(".", "/") + ".py")
        if not path.exists():
            path = path.with_suffix("") / "__init__.py"
        lines = path.read_text(encoding="utf-8").splitlines()
        above = found.line - 2  # the import's own line, then the block of imports above it
        said = lines[found.line - 1]
        while above >= 0 and lines[above].strip().startswith(("from ", "import ", "#")):
            said += lines[above]
            above -= 1
        if "late:" not in said:
            unexplained.append(f"{found.module}:{found.line} imports {found.target}")
    assert unexplained == []


def test_only_textual_fixes_overrides_textual_internals() -> None:
    """A method of ours named like a private one of a Textual base class overrides it."""
    import importlib
    import inspect
    import pkgutil

    import workshop_tui

    overrides = []
    for info in pkgutil.walk_packages(workshop_tui.__path__, "workshop_tui."):
        if info.name in ("workshop_tui.textual_fixes", "workshop_tui.storage.migrations.env"):
            continue  # the one home of the overrides; Alembic's script, run only by Alembic
        module = importlib.import_module(info.name)
        for cls in vars(module).values():
            if not inspect.isclass(cls) or cls.__module__ != info.name:
                continue
            textual_bases = [b for b in cls.__mro__ if b.__module__.startswith("textual")]
            for name, value in vars(cls).items():
                private = name.startswith("_") and not name.startswith("__")
                ours = inspect.isfunction(value) and value.__module__ == info.name
                if private and ours and any(name in vars(base) for base in textual_bases):
                    overrides.append(f"{info.name}.{cls.__name__}.{name}")
    assert overrides == []


def test_only_textual_fixes_imports_textual_private_modules() -> None:
    found = [
        f"{i.module}:{i.line} imports {i.target}"
        for i in every_import()
        if i.module != "workshop_tui.textual_fixes"
        and any(part.startswith("_") for part in i.target.split(".")[1:])
        and i.target.startswith("textual")
    ]
    assert found == []
