"""Every SQLite connection keeps a small page cache: the defaults held the file twice over."""

from __future__ import annotations

from pathlib import Path

from workshop_tui.storage.database import PAGE_CACHE_KIB, make_engine, sqlite_url


def test_every_connection_has_a_small_page_cache(tmp_path: Path) -> None:
    for readonly in (False, True):
        if readonly:
            assert (tmp_path / "s.db").exists()
        engine = make_engine(sqlite_url(tmp_path / "s.db", readonly=readonly))
        with engine.connect() as connection:
            size = connection.exec_driver_sql("PRAGMA cache_size").scalar_one()
        engine.dispose()
        assert size == -PAGE_CACHE_KIB
