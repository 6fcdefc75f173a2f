"""The picker's finished agreements: the latest version of each, to renegotiate (n) or read."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from rich.table import Table
from rich.text import Text
from textual.content import Content
from textual.widgets.option_list import Option

from workshop_tui.widgets.plain_text import plain, plain_rich

if TYPE_CHECKING:
    from workshop_tui.domain.snapshot import SessionSummary


def finished_options(
    finished: Sequence[tuple[SessionSummary, int]], into: dict[str, SessionSummary]
) -> list[Option | None]:
    """The heading and one option per finished agreement; ``into`` learns each option's id."""
    if not finished:
        return []
    options: list[Option | None] = [
        None,
        Option(Text("Finished agreements (n: renegotiate)", style="bold"), disabled=True),
    ]
    for summary, version in finished:
        option_id = f"finished-{summary.id}"
        into[option_id] = summary
        when = (summary.finished_at or summary.last_seen_at).astimezone().strftime("%d %b %Y")
        table = Table.grid(expand=True, padding=(0, 1))
        table.add_column(ratio=1, no_wrap=True, overflow="ellipsis")
        table.add_column(justify="right", no_wrap=True, width=4)
        table.add_column(justify="right", no_wrap=True, width=12)
        table.add_row(
            plain_rich(f"#{summary.id} {summary.customer} · {summary.script_title}"),
            Text(f"v{version}", style="dim"),
            Text(when, style="dim"),
        )
        options.append(Option(table, id=option_id))
    return options


def describe_finished(summary: SessionSummary) -> Content:
    """The details pane of a finished agreement."""
    started = summary.created_at.astimezone().strftime("%A %d %B %Y, %H:%M")
    review = (
        f"Review on {summary.review_on.isoformat()}\n" if summary.review_on else "No review date\n"
    )
    return Content.assemble(
        plain(summary.customer, "bold"),
        "\n",
        plain(summary.script_title),
        f"\n\nStarted {started} · finished\n",
        review,
        "\nn: renegotiate (a new session opening on this agreement)\n",
        "Enter: read its summary and export it",
    )
