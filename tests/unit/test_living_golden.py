"""Golden files of the second version of an agreement: the agreement and the full notes,
the same bytes from a SQLite file and from a team store.

Regenerate with ``UPDATE_GOLDENS=1 .venv/bin/pytest tests/unit/test_living_golden.py`` and
review the diff before committing it.
"""

from __future__ import annotations

from tests.golden_files import assert_golden
from tests.unit.living_fixtures import two_versions
from workshop_tui.app.living import lineage_for
from workshop_tui.export.markdown import render_agreement, render_markdown
from workshop_tui.locations import StoreLocation
from workshop_tui.storage import open_store


def test_the_second_version_matches_its_golden_files(store_location: StoreLocation) -> None:
    db, _, second = two_versions(store_location)
    with open_store(db, readonly=True) as store:
        script, session = store.load_session(second)
        lineage = lineage_for(store, script, session)
    assert_golden("living-version-2-agreement", render_agreement(script, session, lineage))
    assert_golden("living-version-2-notes", render_markdown(script, session, lineage))
