"""The facilitation screen's own keys: timing, moving between parts, notes and the rest.

Kept as data, declared once: the footer, the help screen and the command
palette all read them from the screen's BINDINGS.
"""

from __future__ import annotations

from textual.binding import Binding, BindingType

MOVE = Binding.Group("Next/Back")
EXTEND = Binding.Group("+1m/+5m")

FACILITATE_KEYS: list[BindingType] = [
    Binding(
        "space",
        "toggle_timer",
        "Timer",
        priority=True,
        tooltip="Start the part's timer, or pause it",
    ),
    Binding(
        "pagedown,greater_than_sign",
        "next_part",
        "Next part",
        priority=True,
        group=MOVE,
        key_display="PgDn",
        tooltip="Close this part and go to the next",
    ),
    Binding(
        "pageup,less_than_sign",
        "previous_part",
        "Previous part",
        priority=True,
        group=MOVE,
        key_display="PgUp",
        tooltip="Go back to the previous part",
    ),
    Binding("e", "extend(60)", "+1 minute", tooltip="Give this part one more minute", group=EXTEND),
    Binding(
        "E",
        "extend(300)",
        "+5 minutes",
        tooltip="Give this part five more minutes",
        group=EXTEND,
    ),
    Binding("n", "note", "Note", tooltip="Capture a note on this part"),
    Binding(
        "p",
        "note(True)",
        "Private note",
        show=False,
        tooltip="Take a note the room does not see (never on the room view or the agreement)",
    ),
    Binding(
        "P",
        "people",
        "People",
        show=False,
        tooltip="Someone joins, leaves or takes another's place; name a delegate once",
    ),
    Binding(
        "ctrl+z",
        "undo",
        "Undo",
        show=False,
        tooltip="Take back the last action (a placement, a status, an initial, a note, a vote)",
    ),
    Binding(
        "N",
        "part_notes",
        "Notes",
        show=False,
        tooltip="Show the notes on this part (c there corrects or retracts one)",
    ),
    Binding(
        "z",
        "full_timer",
        "Big timer",
        tooltip="Fill the whole terminal with the countdown (z or Esc comes back)",
    ),
    Binding(
        "C",
        "correct_note",
        "Correct a note",
        show=False,
        tooltip="Correct or retract a note already taken (its history is kept)",
    ),
    Binding(
        "shift+pagedown",
        "scroll_brief(1)",
        "Scroll steps",
        show=False,
        tooltip="Scroll the prompts and steps down",
    ),
    Binding(
        "shift+pageup",
        "scroll_brief(-1)",
        "Scroll steps up",
        show=False,
        tooltip="Scroll the prompts and steps up",
    ),
    Binding(
        "q",
        "app.request_quit",
        "Quit",
        show=False,
        tooltip="Quit; the timer is paused and everything is saved",
    ),
    Binding(
        "t",
        "toggle_private",
        "Tips",
        show=False,
        tooltip="Show or hide the facilitator's private notes",
    ),
    Binding("x", "export", "Export", show=False, tooltip="Export the notes so far to Markdown"),
    Binding(
        "X",
        "export(True)",
        "Export agreement",
        show=False,
        tooltip="Export the agreement so far (without the session's notes) to Markdown",
    ),
    Binding("g", "go_to", "Go to", show=False, tooltip="Jump to any part, earlier or later"),
    Binding(
        "b", "toggle_bell", "Bell", show=False, tooltip="Ring the terminal bell when time is up"
    ),
    Binding(
        "B",
        "blank_room",
        "Blank room view",
        show=False,
        tooltip="Blank the room view on the projector, or show the session on it again",
    ),
    Binding(
        "s",
        "next_prompt",
        "Prompt in play",
        show=False,
        tooltip="Put the part's next prompt in play: the room view shows it under the part's name",
    ),
    Binding(
        "W",
        "room_break",
        "Break",
        show=False,
        tooltip="A break (the room waits): the room view says when it comes back (W ends it)",
    ),
    Binding(
        "ctrl+e",
        "extend_by",
        "Extend by…",
        show=False,
        tooltip="Give this part any amount of time (or take some away)",
    ),
    Binding("ctrl+k", "skip", "Skip part", show=False, tooltip="Skip this part and go to the next"),
    Binding("f", "finish", "Finish", show=False, tooltip="End the workshop and see the summary"),
]
