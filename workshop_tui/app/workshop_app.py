"""The console: wires the store, the engine and the screens together.

The first frame is drawn before the database layer, the script readers and the session
screens are imported: scripts and the store are opened in worker threads while the opening
screen shows, so start-up feels instant, and nothing is shown as done before it is
committed. Those imports are the late ones below, each marked ``late:``.
"""

from __future__ import annotations

from collections.abc import Iterable
from contextlib import suppress
from pathlib import Path
from typing import TYPE_CHECKING

from rich.text import Text
from textual import work
from textual.app import SystemCommand
from textual.binding import Binding
from textual.content import Content
from textual.screen import Screen

from workshop_tui.app.launch import Launch
from workshop_tui.app.messages import (
    DraftKept,
    PickerRequested,
    RenegotiationChosen,
    ScriptChosen,
    SessionChosen,
    SessionMoved,
    SessionRequested,
    SyncChanged,
)
from workshop_tui.app.quitting import QUIT, confirm_quit, quit_app
from workshop_tui.app.themes import DARK, other_theme, register_themes
from workshop_tui.dialogs.key_hold import HoldsKeys, dialog_flow
from workshop_tui.domain.clock import Clock, SystemClock
from workshop_tui.domain.phrasing import counted
from workshop_tui.domain.ports import SessionInUse, SessionStore, StoreError
from workshop_tui.printable import printable
from workshop_tui.screens.help import HelpScreen, key_commands
from workshop_tui.screens.opening import OpeningScreen
from workshop_tui.textual_fixes import release_removed_widgets
from workshop_tui.widgets.plain_text import notify, visible

if TYPE_CHECKING:
    from workshop_tui.app.pushing import Pusher
    from workshop_tui.app.sync_state import SyncState
    from workshop_tui.content.loaded import LoadedScript
    from workshop_tui.domain.engine import Resumed, SessionEngine
    from workshop_tui.domain.snapshot import SessionSummary


class WorkshopApp(HoldsKeys):
    """workshop-tui: a facilitator's companion on the projector."""

    CSS_PATH = "app.tcss"
    TITLE = "workshop-tui"
    BINDINGS = [
        Binding("question_mark", "help", "Help", tooltip="Show every key of this screen"),
        Binding(
            "ctrl+t", "toggle_theme", "Light/dark", show=False, tooltip="Switch light and dark"
        ),
        Binding("q", "request_quit", "Quit", tooltip=QUIT),
        Binding("ctrl+q", "request_quit", "Quit", show=False, priority=True, tooltip=QUIT),
        Binding(
            "ctrl+r",
            "review_date",
            "Review date",
            show=False,
            tooltip="Set when the agreement is to be reviewed",
        ),
        Binding(
            "ctrl+g",
            "show_changes",
            "What changed",
            show=False,
            tooltip="What changed since the last version of this agreement",
        ),
        Binding(
            "ctrl+o",
            "show_stats",
            "Planned vs actual",
            show=False,
            tooltip="Planned against actual time per part, across sessions",
        ),
    ]

    def __init__(self, launch: Launch, clock: Clock | None = None) -> None:
        super().__init__()
        self.launch = launch
        self.clock: Clock = clock or SystemClock()
        self.store: SessionStore | None = None
        self.engine: SessionEngine | None = None
        self._waiting_request: SessionRequested | None = None
        self._store_problem: str | None = None
        """Why the store could not be opened while set-up is on screen (Ctrl+S retries)."""
        self._kept_draft: Path | None = None
        """Where the set-up typed so far is kept, until the session is created."""
        register_themes(self)
        self.theme = DARK
        self.room_instead: int | None = None
        """A session open elsewhere whose room view was chosen instead (the CLI opens it)."""
        self.sync_state: SyncState | None = None
        """What the team store has of this laptop's sessions (None: no team store is set)."""
        self._pusher: Pusher | None = None

    # -- start-up ------------------------------------------------------------------------
    def on_mount(self) -> None:
        self.push_screen(OpeningScreen(self._opening_text()))
        self.call_after_refresh(self._begin)
        self.set_interval(5.0, release_removed_widgets)

    def _begin(self) -> None:
        """After the first frame: the script first (set-up needs no store), or the store."""
        if self.launch.script_ref:
            self._load_script(self.launch.script_ref)
        else:
            self._open_store()

    def _opening_text(self) -> str:
        if self.launch.script_ref:
            return f"Opening {self.launch.script_ref}…"
        if self.launch.renegotiate is not None:
            return "Opening the agreement to renegotiate…"
        if self.launch.session_id is not None or self.launch.resume_latest:
            return "Opening the session…"
        return "Loading scripts and sessions…"

    @work(thread=True, exclusive=True, group="store")
    def _open_store(self) -> None:
        """Import the database layer and open the store off the UI thread."""
        from workshop_tui.storage.opener import open_store  # late: after the first frame

        try:
            store = open_store(self.launch.store)
        except StoreError as error:
            self.call_from_thread(self._store_failed, str(error))
            return
        self.call_from_thread(self._store_ready, store)

    def _store_failed(self, problem: str) -> None:
        """On set-up, say so there and keep what was typed (Ctrl+S tries again); else stop."""
        from workshop_tui.screens.setup import SetupScreen  # late: after the first frame

        if not isinstance(self.screen, SetupScreen):
            self.fail(problem)
            return
        self._store_problem = problem
        self._waiting_request = None
        self.screen.store_failed(problem)

    def _store_ready(self, store: SessionStore) -> None:
        self.store = store
        launch = self.launch
        if launch.team is not None and launch.location.path is not None:
            self._push_in_the_background()
        if launch.script_ref:  # set-up is on screen already; Ctrl+S may have been pressed
            waiting, self._waiting_request = self._waiting_request, None
            if waiting is not None:
                self.on_session_requested(waiting)
            return
        if launch.renegotiate is not None:
            self.renegotiate(launch.renegotiate, current_script=launch.current_script)
        elif launch.session_id is not None:
            self.open_session(launch.session_id)
        elif launch.resume_latest:
            latest = store.latest_unfinished()
            if latest is None:
                self.fail(
                    "there is no unfinished session to resume; start one with: workshop run SCRIPT"
                )
                return
            self.open_session(latest)
        else:
            self._show_picker(store)

    @work(thread=True, exclusive=True, group="push")
    def _push_in_the_background(self) -> None:
        """Push what this laptop commits to the team store, until the app closes."""
        from workshop_tui.app.pushing import Pusher  # late: with the store, after the first frame
        from workshop_tui.storage.repository import SqlSessionStore  # late: with the store

        assert self.launch.team is not None and isinstance(self.store, SqlSessionStore)
        self._pusher = Pusher(self.store, self.launch.team, self._sync_from_thread)
        self._pusher.run()

    def _sync_from_thread(self, state: SyncState) -> None:
        with suppress(RuntimeError):  # the app closed in between
            self.call_from_thread(self._show_sync, state)

    def _show_sync(self, state: SyncState) -> None:
        if state.refused and state.refused != getattr(self.sync_state, "refused", ""):
            notify(self, state.refused, title="Not pushed", severity="error", timeout=15)
        self.sync_state = state
        self.screen.post_message(SyncChanged(state))

    def on_unmount(self) -> None:
        if self._pusher is not None:
            self._pusher.stop()

    def _show_picker(self, store: SessionStore) -> None:
        from workshop_tui.screens.picker import PickerScreen  # late: after the first frame

        self.switch_screen(PickerScreen(store, self.launch.scripts_dirs))

    def fail(self, message: str) -> None:
        """Stop at start-up with one sentence on stderr and exit status 2, like the CLI."""
        self.error_console.soft_wrap = True  # the terminal wraps it; a pipe gets whole lines
        shown = "\n".join(printable(line) for line in message.split("\n"))
        self.call_after_refresh(self.exit, return_code=2, message=Text(f"workshop: {shown}"))

    # -- flow between screens --------------------------------------------------------------
    def on_script_chosen(self, message: ScriptChosen) -> None:
        self._load_script(message.script_ref)

    def on_renegotiation_chosen(self, message: RenegotiationChosen) -> None:
        self.renegotiate(message.session_id, ask=True)

    def on_session_chosen(self, message: SessionChosen) -> None:
        self.open_session(message.session_id)

    @work(thread=True, exclusive=True, group="script")
    def _load_script(self, ref: str) -> None:
        from workshop_tui.app.script_opening import open_script  # late: YAML and pydantic

        loaded, problem = open_script(ref, self.launch.scripts_dirs)
        if loaded is None:
            self.call_from_thread(self._script_failed, problem)
        else:
            self.call_from_thread(self._show_setup, loaded)

    def _script_failed(self, problems: str) -> None:
        if isinstance(self.screen, OpeningScreen):
            self.fail(problems)
        else:
            notify(self, problems, title="This script cannot be run", severity="error", timeout=12)

    def _show_setup(self, loaded: LoadedScript) -> None:
        from workshop_tui.screens.setup import SetupScreen  # late: after the first frame

        for warning in loaded.warnings:
            notify(self, str(warning), title="Script warning", severity="warning", timeout=8)
        screen = SetupScreen(loaded, self.clock, facilitator=self.launch.facilitator)
        if isinstance(self.screen, OpeningScreen):
            self.switch_screen(screen)
            self._open_store()  # while the facilitator types the names
        else:
            self.push_screen(screen)

    def on_session_requested(self, message: SessionRequested) -> None:
        from workshop_tui.app.living import carried_into  # late: with the store
        from workshop_tui.app.setup_draft import remove_draft  # late: with the store
        from workshop_tui.domain.engine import EngineError, SessionEngine  # late: with the store

        if self.store is None:  # still opening: the session begins as soon as it is open
            self._waiting_request = message
            if self._store_problem is not None:  # it could not be opened: try once more
                self._store_problem = None
                self._open_store()
            return
        plan = message.renegotiation
        try:
            if plan is not None:
                carried = plan.carried
            else:
                carried = carried_into(self.store, message.setup.customer)
            engine = SessionEngine.begin(
                message.loaded.script,
                message.loaded.source,
                message.setup,
                self.store,
                self.clock,
                baseline=plan.baseline if plan is not None else None,
                carried=carried,
            )
        except (EngineError, StoreError) as error:
            notify(self, str(error), title="The session was not created", severity="error")
            return
        if plan is None and carried is not None:
            notify(
                self,
                f"{counted(len(carried.actions), 'open action')} carried over from session "
                f"{carried.session_id}: mark each done, kept or dropped on the actions part.",
                title="Carried over",
                timeout=8,
            )
        remove_draft(message.loaded.script.id)
        self._kept_draft = None
        self._facilitate(engine, None)

    def on_session_moved(self, message: SessionMoved) -> None:
        self._facilitate(message.engine, None)

    def on_picker_requested(self, _: PickerRequested) -> None:
        """Set-up was left: the picker, once the store is open."""
        if self.store is None:
            problem = self._store_problem or "The database is still opening; try again in a moment."
            notify(self, problem, title="The list of sessions cannot be shown", severity="warning")
            return
        self._show_picker(self.store)

    def on_draft_kept(self, message: DraftKept) -> None:
        self._kept_draft = message.path

    def open_session(self, session_id: int) -> None:
        """Reopen a stored session where it was."""
        from workshop_tui.domain.engine import SessionEngine  # late: with the store

        assert self.store is not None
        try:
            engine, resumed = SessionEngine.reopen(session_id, self.store, self.clock)
        except StoreError as error:
            if isinstance(error, SessionInUse):
                self._offer_room_view(session_id, str(error))
            elif isinstance(self.screen, OpeningScreen):
                self.fail(str(error))
            else:
                notify(self, str(error), title="Cannot resume", severity="error")
            return
        self._facilitate(engine, resumed)

    @dialog_flow
    async def _offer_room_view(self, session_id: int, problem: str) -> None:
        """A session another facilitator app holds: offer its room view instead."""
        from workshop_tui.console.room_offer import offer_room_view  # late: rarely needed

        if await offer_room_view(self, problem):
            self.room_instead = session_id
            self.exit(return_code=0)
        elif isinstance(self.screen, OpeningScreen):
            self.fail(problem)

    def renegotiate(
        self,
        session_id: int,
        *,
        current_script: bool = False,
        ask: bool = False,
        fork_chosen: bool = False,
        pulled: bool = False,
    ) -> None:
        """Set up the next version of a finished session's agreement, prefilled.

        With ``ask``, a script file that differs from the stored copy is offered first. A
        version that forked (renegotiated on two laptops offline) asks first which to build on.
        A laptop with a team store pulls the customer's chain first, when it can reach it.
        """
        if not pulled and self.launch.team is not None and self.launch.location.path:
            self._pull_then_renegotiate(session_id, current_script, ask)
            return
        from workshop_tui.app.living import fork_of, prepare_renegotiation  # late: the store's
        from workshop_tui.screens.setup import SetupScreen  # late: after the first frame

        assert self.store is not None
        if not fork_chosen and (ends := fork_of(self.store, session_id)):
            self._choose_fork(session_id, ends, current_script, ask, pulled)
            return
        try:
            plan = prepare_renegotiation(
                self.store, session_id, self.launch.scripts_dirs, current_script=current_script
            )
        except StoreError as error:
            if isinstance(self.screen, OpeningScreen):
                self.fail(str(error))
            else:
                notify(self, str(error), title="Cannot renegotiate", severity="error")
            return
        if ask and plan.file_differs:
            self._ask_script_version(session_id, plan.script_note)
            return
        screen = SetupScreen(plan.loaded, self.clock, plan, facilitator=self.launch.facilitator)
        if isinstance(self.screen, OpeningScreen):
            self.switch_screen(screen)
        else:
            self.push_screen(screen)
        notify(self, plan.script_note, title="Script", timeout=8)

    @dialog_flow
    async def _choose_fork(
        self,
        session_id: int,
        ends: list[SessionSummary],
        current_script: bool,
        ask: bool,
        pulled: bool,
    ) -> None:
        from workshop_tui.app.agreements import choose_fork  # late: rarely needed

        chosen = await choose_fork(self, ends, session_id)
        if chosen is None:
            if isinstance(self.screen, OpeningScreen):
                self.exit(return_code=0)
            return
        self.renegotiate(
            chosen, current_script=current_script, ask=ask, fork_chosen=True, pulled=pulled
        )

    @work(thread=True, exclusive=True, group="pull")
    def _pull_then_renegotiate(self, session_id: int, current_script: bool, ask: bool) -> None:
        """Bring the customer's chain down from the team store (offline: carry on with what
        this laptop has), then set up the renegotiation."""
        from workshop_tui.app.pushing import pull_before  # late: only with a team store

        assert self.launch.team is not None and self.store is not None
        said = pull_before(self.launch.location, self.launch.team, self.store, session_id)
        self.call_from_thread(notify, self, said, title="Team store", timeout=8)
        self.call_from_thread(
            self.renegotiate, session_id, current_script=current_script, ask=ask, pulled=True
        )

    @dialog_flow
    async def _ask_script_version(self, session_id: int, note: str) -> None:
        from workshop_tui.app.agreements import use_current_script  # late: rarely needed

        self.renegotiate(session_id, current_script=await use_current_script(self, note))

    def _facilitate(self, engine: SessionEngine, resumed: Resumed | None) -> None:
        from workshop_tui.screens.facilitate import FacilitateScreen  # late: after the first frame
        from workshop_tui.screens.summary import SummaryScreen  # late: after the first frame

        self.engine = engine
        self.title = visible(engine.script.title)  # also what a screenshot is named
        self.sub_title = visible(engine.session.setup.customer)
        screen: Screen[None] = (
            SummaryScreen(engine, self.launch.exports_dir)
            if engine.finished
            else FacilitateScreen(engine, resumed, self.launch.exports_dir)
        )
        # Whatever led here (opening, picker, set-up) is left behind: the session is the app now.
        while len(self.screen_stack) > 2:  # the bottom one is Textual's own default screen
            self.pop_screen()
        self.switch_screen(screen)

    def format_title(self, title: str, sub_title: str) -> Content:
        """The header's title and subtitle (the script and the customer) as plain text."""
        return super().format_title(visible(title), visible(sub_title))

    # -- app-wide actions ------------------------------------------------------------------
    def action_help(self) -> None:
        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(self.screen))

    def action_toggle_theme(self) -> None:
        self.theme = other_theme(self.theme)

    async def action_quit(self) -> None:
        """Textual's own quit key (Ctrl+Q) quits the way ``q`` does."""
        self.action_request_quit()

    @dialog_flow
    async def action_request_quit(self) -> None:
        """Quit, asking first while a part's timer is running."""
        if await confirm_quit(self, self.engine):
            quit_app(self, self.engine, self._kept_draft, self.launch.script_ref)

    @dialog_flow
    async def action_review_date(self) -> None:
        """Set the review date of the session's agreement (any time, finished or not)."""
        if self.engine is None:
            notify(self, "Open a session first: the review date belongs to its agreement.")
            return
        from workshop_tui.screens.review_date import ask_review_date  # late: with the session

        await ask_review_date(self, self.engine)

    def action_show_changes(self) -> None:
        from workshop_tui.app.agreements import show_changes  # late: the script reader with it

        show_changes(self, self.store, self.engine)

    def action_show_stats(self) -> None:
        from workshop_tui.app.agreements import show_stats  # late: the chart library with it

        show_stats(self, self.store, self.engine)

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        """The palette lists every action of the current screen, as the help screen does."""
        yield from key_commands(screen)  # Textual's own (themes, screenshots) are not ours
