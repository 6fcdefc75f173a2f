"""The commands that open the console: the picker, run, resume and renegotiate.

Each builds a ``Launch`` from the options and runs the app until it is closed; the app draws
its first frame before it loads a script or opens the store.
"""

from __future__ import annotations

import argparse
from dataclasses import replace

from workshop_tui.app.launch import Launch
from workshop_tui.app.workshop_app import WorkshopApp
from workshop_tui.locations import StoreLocation, config_dir, store_location, team_location
from workshop_tui.printable import printable
from workshop_tui.settings import load_settings


def launch_of(args: argparse.Namespace, **asked: object) -> Launch:
    """What the options ask of the console, with ``asked`` on top."""
    launch = Launch(
        store=store_location(args.db),
        scripts_dirs=tuple(args.scripts_dirs),
        exports_dir=getattr(args, "exports_dir", None),
        facilitator=load_settings(config_dir()).facilitator or "",
        team=team_location(),
    )
    return replace(launch, **asked)  # type: ignore[arg-type]


def run_console(launch: Launch) -> int:
    """Run the console; however it ends, its store lets go of the session it held."""
    app = WorkshopApp(launch)
    try:
        app.run()
    finally:
        if app.store is not None:
            app.store.close()
    if launch.team is not None and launch.location.path is not None:  # a laptop's own file
        _push_what_is_left(launch.location, launch.team)
    if app.room_instead is not None:  # the session is open elsewhere: its room view instead
        from workshop_tui.cli.room import run_room  # late: the boards load only for the room

        return run_room(launch.store, app.room_instead)
    return app.return_code or 0


def _push_what_is_left(local: StoreLocation, team: StoreLocation) -> None:
    # late: the database layer, only once the console has closed
    from workshop_tui.app.pushing import final_push

    print(printable(final_push(local, team)))


def cmd_open(args: argparse.Namespace) -> int:
    """No command: the picker of scripts and unfinished sessions."""
    return run_console(launch_of(args))


def cmd_run(args: argparse.Namespace) -> int:
    """``workshop run SCRIPT``: straight to set-up.

    The script is found and checked by the app, in a worker behind its first frame. A
    missing or broken script ends the app at once with exit status 2 and its problem on
    stderr.
    """
    return run_console(launch_of(args, script_ref=args.script))


def cmd_resume(args: argparse.Namespace) -> int:
    """``workshop resume [SESSION]``: the given session, or the latest unfinished one."""
    if args.session is None:
        return run_console(launch_of(args, resume_latest=True))
    return run_console(launch_of(args, session_id=args.session))


def cmd_renegotiate(args: argparse.Namespace) -> int:
    """``workshop renegotiate SESSION [--current-script]``: set-up of the next version."""
    asked = launch_of(args, renegotiate=args.session, current_script=args.current_script)
    return run_console(asked)
