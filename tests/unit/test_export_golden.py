"""Golden export of the rich sample session, compared byte for byte with tests/golden/.

To accept a deliberate change of the export, regenerate the golden files with
``UPDATE_GOLDENS=1 .venv/bin/pytest tests/unit/test_export_golden.py`` and review
the diff in git before committing it.
"""

from __future__ import annotations

from tests.golden_files import assert_golden
from tests.unit.test_export_samples import sample_script, sample_session
from workshop_tui.export.markdown import render_markdown


def test_rich_sample_session_matches_its_golden_file() -> None:
    assert_golden("sample-session", render_markdown(sample_script(), sample_session()))
