"""The README's two commands, CI and the lock file agree, and the lock is within our ranges."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name
from packaging.version import Version

REPO = Path(__file__).resolve().parents[2]
README = (REPO / "README.md").read_text(encoding="utf-8")
CI_RUN = (REPO / ".ci" / "run").read_text(encoding="utf-8")
PYPROJECT = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))


def readme_commands() -> list[str]:
    """The lines of the README's first code block."""
    block = re.search(r"```bash\n(.*?)```", README, re.S)
    assert block is not None and README.index("```bash") < README.index("\n## ")
    return block.group(1).strip().splitlines()


def locked() -> dict[str, str]:
    """Package name -> version pinned in constraints.txt."""
    pins: dict[str, str] = {}
    for line in (REPO / "constraints.txt").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            name, version = line.split("==")
            pins[canonicalize_name(name)] = version.strip()
    return pins


def test_the_readme_starts_with_two_commands_that_install_the_locked_versions() -> None:
    setup_and_run, setup_and_test = readme_commands()
    locked_install = "python3 -m venv .venv && .venv/bin/pip install -q -c constraints.txt"
    for command in (setup_and_run, setup_and_test):
        assert command.startswith(locked_install)
    assert setup_and_run.endswith(".venv/bin/workshop run customer-working-agreement")
    assert setup_and_test.endswith(".venv/bin/pytest")


def test_ci_runs_the_readmes_test_command() -> None:
    setup_and_test = readme_commands()[1]
    assert f"{setup_and_test} -p no:cacheprovider" in CI_RUN


def test_every_dependency_is_locked_within_its_declared_range() -> None:
    pins = locked()
    declared = [*PYPROJECT["project"]["dependencies"]]
    for extra in ("test", "dev"):
        declared += PYPROJECT["project"]["optional-dependencies"][extra]
    for text in declared:
        requirement = Requirement(text)
        name = canonicalize_name(requirement.name)
        assert name in pins, f"{requirement.name} is not in constraints.txt"
        assert requirement.specifier.contains(pins[name], prereleases=True), (
            f"{requirement.name}=={pins[name]} is outside {requirement.specifier}"
        )


def test_what_the_code_imports_is_declared_not_only_pulled_in() -> None:
    names = {canonicalize_name(Requirement(t).name) for t in PYPROJECT["project"]["dependencies"]}
    assert {"textual", "sqlmodel", "sqlalchemy", "pydantic", "pyyaml", "platformdirs"} <= names


def test_the_oldest_versions_ci_can_run_are_the_declared_lower_bounds() -> None:
    oldest: dict[str, str] = {}
    for line in (REPO / ".ci" / "oldest.txt").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            name, version = line.split("==")
            oldest[canonicalize_name(name)] = version.strip()
    for text in PYPROJECT["project"]["dependencies"]:
        requirement = Requirement(text)
        (lower,) = [s.version for s in requirement.specifier if s.operator == ">="]
        pinned = oldest[canonicalize_name(requirement.name)]
        assert Version(pinned) == Version(lower) or pinned.startswith(f"{lower}."), (
            f"{requirement.name}: .ci/oldest.txt runs {pinned}, pyproject says >={lower}"
        )
