"""Time the notes board: showing a part's notes, and adding one, at 10 to 1,000 notes.

In-process, headless (100x30): the time of ``NotesBoard.show`` plus drawing
every row in view (what the next frame asks of it), the median of
``--repeats``; and how many notes were wrapped to draw it. A board that
draws only what is in view costs the same at any count.

    .venv/bin/python benchmarks/notes_board_bench.py [--repeats 7] [--counts 10 100 1000]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import statistics
import time

from textual.app import App, ComposeResult

from workshop_tui.boards.notes import NotesBoard, NotesScroll
from workshop_tui.domain.read_models.notes import NoteLine, NotesView

TEXT = "what the room said about the opening, and what it means for the partnership"


def notes(count: int) -> tuple[NoteLine, ...]:
    return tuple(NoteLine("10:42", f"Note {number}: {TEXT}") for number in range(count))


class BoardApp(App[None]):
    def compose(self) -> ComposeResult:
        yield NotesBoard(NotesView(()))


def shown_in(board: NotesBoard, view: NotesView) -> float:
    """Milliseconds to show ``view`` and draw the rows in view."""
    scroll = board.query_one(NotesScroll)
    started = time.perf_counter()
    board.show(view)
    for y in range(scroll.size.height):
        scroll.render_line(y)
    return (time.perf_counter() - started) * 1000


async def measure(counts: list[int], repeats: int) -> list[dict[str, object]]:
    app = BoardApp()
    results: list[dict[str, object]] = []
    async with app.run_test(size=(100, 30)) as pilot:
        board = app.query_one(NotesBoard)
        scroll = board.query_one(NotesScroll)
        for count in counts:
            shows, adds = [], []
            for _ in range(repeats):
                board.show(NotesView(()))
                await pilot.pause()
                shows.append(shown_in(board, NotesView(notes(count))))
                await pilot.pause()
                wrapped = scroll.rendered
                adds.append(shown_in(board, NotesView((*notes(count), NoteLine("10:43", TEXT)))))
                await pilot.pause()
            results.append(
                {
                    "notes": count,
                    "show_ms": round(statistics.median(shows), 2),
                    "add_one_ms": round(statistics.median(adds), 2),
                    "notes_wrapped": wrapped,
                }
            )
    return results


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=7)
    parser.add_argument("--counts", type=int, nargs="+", default=[10, 100, 1000])
    args = parser.parse_args()
    for row in asyncio.run(measure(args.counts, args.repeats)):
        print(json.dumps(row))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
