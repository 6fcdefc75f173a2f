"""Every test runs with its own data and config folders, never the user's."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.postgres import (
    one_skip_line,
    own_server,
    pg_app_url,
    pg_database,
    pg_server,
    pg_url,
    store_location,
)

__all__ = ["own_server", "pg_app_url", "pg_database", "pg_server", "pg_url", "store_location"]

REPO = Path(__file__).resolve().parents[1]
BUNDLED = REPO / "workshop_tui" / "facilitation_scripts"


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]):  # type: ignore[no-untyped-def]
    report = yield
    one_skip_line(report)
    return report


@pytest.fixture(autouse=True)
def isolated_folders(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Point data, config and the database at a temp folder."""
    home = tmp_path / "home"
    monkeypatch.setenv("WORKSHOP_DATA_DIR", str(home / "data"))
    monkeypatch.setenv("WORKSHOP_CONFIG_DIR", str(home / "config"))
    monkeypatch.delenv("WORKSHOP_DB", raising=False)
    monkeypatch.delenv("WORKSHOP_FACILITATOR", raising=False)
    return home
