"""What keeps a long session's memory down: one malloc arena, small SQLite caches."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from workshop_tui import malloc_arenas
from workshop_tui.storage.database import PAGE_CACHE_KIB, make_engine, sqlite_url


def test_glibc_agrees_to_one_arena_in_a_process_of_its_own() -> None:
    code = "from workshop_tui.process import own_the_process as o; o()\n"
    code += "from workshop_tui.malloc_arenas import share_one_arena as s; print(s())"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    glibc = sys.platform.startswith("linux") and "glibc" in " ".join(_libc())
    assert done.stdout.strip() == str(glibc)


def _libc() -> tuple[str, str]:
    import platform

    return platform.libc_ver()


def test_off_glibc_nothing_is_asked(monkeypatch: pytest.MonkeyPatch) -> None:
    def unknown(name: str) -> str:
        raise ValueError(f"unrecognized configuration name {name!r}")

    monkeypatch.setattr(malloc_arenas.os, "confstr", unknown)
    assert malloc_arenas.share_one_arena() is False


def test_every_connection_has_a_small_page_cache(tmp_path: Path) -> None:
    for readonly in (False, True):
        if readonly:
            assert (tmp_path / "s.db").exists()
        engine = make_engine(sqlite_url(tmp_path / "s.db", readonly=readonly))
        with engine.connect() as connection:
            size = connection.exec_driver_sql("PRAGMA cache_size").scalar_one()
        engine.dispose()
        assert size == -PAGE_CACHE_KIB
