"""Living agreements over the store: renegotiate a session, read a session's lineage.

The domain knows chains, changes and carry-overs as functions of snapshots;
this module reads those snapshots from the store (and the script file, when
the facilitator wants its current version) for the CLI and the app.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from workshop_tui.content.catalog import find_script
from workshop_tui.content.loaded import LoadedScript
from workshop_tui.content.loader import load_script
from workshop_tui.content.model import Script
from workshop_tui.content.problems import ScriptInvalid, ScriptNotFound
from workshop_tui.domain.kinds import SessionState
from workshop_tui.domain.living import chain
from workshop_tui.domain.living.lineage import Lineage, lineage_of
from workshop_tui.domain.living.part_stats import part_figures
from workshop_tui.domain.living.renegotiation import (
    Baseline,
    CarryOver,
    carry_over,
    prefilled_setup,
)
from workshop_tui.domain.ports import SessionStore, StoreError
from workshop_tui.domain.snapshot import PartTiming, SessionSetup, SessionSnapshot, SessionSummary


class CannotRenegotiate(StoreError):
    """The session cannot be renegotiated (not finished, or renegotiated already)."""


@dataclass(frozen=True)
class Renegotiation:
    """Everything a renegotiation's set-up needs: the script, what it opens on, the prefill."""

    loaded: LoadedScript
    baseline: Baseline
    carried: CarryOver | None
    setup: SessionSetup
    script_note: str
    """One sentence: which script is used and whether the file differs from the stored copy."""
    file_differs: bool = False
    """The script's current file differs from the copy stored with the session."""

    @property
    def version(self) -> int:
        """The version the new session will be."""
        return self.baseline.version + 1


def prepare_renegotiation(
    store: SessionStore,
    session_id: int,
    scripts_dirs: Sequence[Path] = (),
    *,
    current_script: bool = False,
) -> Renegotiation:
    """What renegotiating ``session_id`` starts from; ``CannotRenegotiate`` says why not."""
    script, session = store.load_session(session_id)
    summaries = store.list_sessions()
    if session.state is not SessionState.FINISHED:
        raise CannotRenegotiate(
            f"session {session_id} is not finished: finish it (workshop resume {session_id}) "
            "before renegotiating its agreement"
        )
    later = chain.successors(summaries).get(session_id)
    if later is not None:
        raise CannotRenegotiate(
            f"session {session_id} was renegotiated already by session {later}: "
            f"renegotiate the latest version (workshop history {session.setup.customer!r})"
        )
    version = chain.versions(summaries)[session_id]
    stored = LoadedScript(script, store.script_source(session_id), Path(f"session-{session_id}"))
    loaded, note, differs = _choose_script(stored, session_id, scripts_dirs, current_script)
    baseline = Baseline(script, session, version)
    last = chain.last_of_customer(summaries, session.setup.customer)
    carried = None
    if last is not None:
        last_session = session if last.id == session_id else store.load_session(last.id)[1]
        carried = carry_over(last_session)
    return Renegotiation(loaded, baseline, carried, prefilled_setup(baseline), note, differs)


def _choose_script(
    stored: LoadedScript, session_id: int, dirs: Sequence[Path], current: bool
) -> tuple[LoadedScript, str, bool]:
    """The stored copy unless ``current``; the sentence says whether the file differs."""

    script_id = stored.script.id
    try:
        path = find_script(script_id, list(dirs))
        on_file = load_script(path)
    except (ScriptNotFound, ScriptInvalid, OSError, ValueError):
        if current:
            raise CannotRenegotiate(
                f"the current version of script {script_id!r} cannot be found or read; "
                "leave out --current-script to use the copy stored with the session"
            ) from None
        return (
            stored,
            f"Using the script as stored with session {session_id} "
            f"(no readable file of {script_id!r} to compare it with).",
            False,
        )
    same = on_file.script == stored.script
    if current:
        said = "the same as" if same else "different from"
        note = f"Using the current file {path}, {said} the copy stored with the session."
        return on_file, note, not same
    if same:
        note = f"Using the script as stored with session {session_id}; {path} is the same."
        return stored, note, False
    note = (
        f"Using the script as stored with session {session_id}; {path} differs from it "
        "(choose the current version to use the file)."
    )
    return stored, note, True


def fork_of(store: SessionStore, session_id: int) -> list[SessionSummary]:
    """Every end of the fork ``session_id`` is one end of, it included, oldest first (none:
    its chain is a line)."""
    summaries = store.list_sessions()
    others = chain.siblings(summaries, session_id)
    if not others:
        return []
    return sorted([*others, *(s for s in summaries if s.id == session_id)], key=lambda s: s.id)


def carried_into(store: SessionStore, customer: str) -> CarryOver | None:
    """The open actions of the customer's last session, for a new session with them."""
    last = chain.last_of_customer(store.list_sessions(), customer)
    if last is None:
        return None
    found = carry_over(store.load_session(last.id)[1])
    return found if found.actions else None


# -- reading the chain -----------------------------------------------------------------------


def lineage_for(
    store: SessionStore,
    script: Script,
    session: SessionSnapshot,
    summaries: Sequence[SessionSummary] | None = None,
    *,
    loaded: dict[int, tuple[Script, SessionSnapshot]] | None = None,
    figures: bool = True,
) -> Lineage:
    """``session``'s lineage, reading the earlier version and the carried sessions' dates.

    ``loaded`` keeps the sessions read (a history reads each version once, though each is
    the earlier version of the next); without ``figures`` the planned-against-actual
    figures of the script's sessions are left out (they read every session's timings).
    """
    summaries = store.list_sessions() if summaries is None else summaries
    loaded = {} if loaded is None else loaded
    numbers = chain.versions(summaries)
    earlier = None
    if session.renegotiates is not None:
        if session.renegotiates not in loaded:
            loaded[session.renegotiates] = store.load_session(session.renegotiates)
        earlier_script, earlier_session = loaded[session.renegotiates]
        earlier = (earlier_script, earlier_session, numbers.get(session.renegotiates, 1))
    dates = {s.id: _when(s) for s in summaries}
    found = tuple(part_figures(_runs_of(store, script, session, summaries))) if figures else ()
    return lineage_of(script, session, numbers.get(session.id, 1), earlier, dates, found)


def _runs_of(
    store: SessionStore,
    script: Script,
    session: SessionSnapshot,
    summaries: Sequence[SessionSummary],
) -> list[tuple[Script, list[PartTiming]]]:
    """The versions of ``session``'s agreement up to it (it and the versions it
    renegotiates, oldest first), ``session``'s timings as given (it may be live)."""
    links = {s.id: s.renegotiates for s in summaries}
    versions = {session.id}
    earlier = session.renegotiates
    while earlier is not None and earlier not in versions:
        versions.add(earlier)
        earlier = links.get(earlier)
    return [
        (script, session.timings) if run.session_id == session.id else (run.script, run.timings)
        for run in store.timing_runs(script.id)
        if run.session_id in versions
    ]


def _when(summary: SessionSummary) -> datetime:
    return summary.started_at or summary.created_at
