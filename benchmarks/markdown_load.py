"""How long a 500-line Markdown script takes to load, against its YAML twin.

Run: ``.venv/bin/python benchmarks/markdown_load.py [runs]``. Builds a script of
every activity kind, writes it as Markdown (padded with parts until it is at
least 500 lines) and as YAML, checks both load as the same script, then loads
each from its file ``runs`` times (default 200, alternating so both see the same
machine) and prints the median and best wall time of each, the median CPU
time, and the ratio Markdown / YAML. The first load of each, which pays the
imports (markdown-it-py, PyYAML), is timed apart.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from workshop_tui.content.loader import load_script
from workshop_tui.content.markdown.writer import script_to_markdown
from workshop_tui.content.model import Script
from workshop_tui.content.yaml.writer import script_to_yaml

LINES = 500
FIRST_LOAD = """
import sys, time
from pathlib import Path
start = time.perf_counter()
from workshop_tui.content.loader import load_script
load_script(Path(sys.argv[1]))
print(time.perf_counter() - start)
"""


def _part(number: int) -> dict[str, object]:
    """One part; the kinds take turns so every reader is exercised."""
    kind = ("discussion", "cynefin", "promises", "signoff", "decisions", "actions")[number % 6]
    part: dict[str, object] = {
        "name": f"Part number {number} of the long workshop",
        "duration": "5m",
        "goal": "Everyone knows what this part is for and what the room leaves it with.",
        "steps": [f"Do step {step} of this part, then check with the room." for step in "abc"],
        "prompts": ["What would make this part worth your time?", "What is missing?"],
        "facilitator_notes": ["Keep it short; park long debates with an owner."],
    }
    activity: dict[str, object] = {"kind": kind}
    if kind == "cynefin":
        activity |= {"items": ["Move the records", "Redesign sign-up"], "domain_prompts": {}}
    elif kind == "promises":
        promise = {"text": "A usable increment every Sprint", "detail": "Starting with the first."}
        activity["parties"] = [{"name": "Team", "promises": [promise]}, {"name": "Customer"}]
    elif kind == "signoff":
        activity |= {
            "signatories": ["Sponsor", "Lead"],
            "sections": [{"title": "Scope", "text": "We agree."}],
        }
    elif kind == "decisions":
        question = {"question": "Which day?", "method": "dot_voting", "options": ["Mon", "Fri"]}
        activity["questions"] = [question]
    elif kind == "actions":
        activity["suggested"] = [{"text": "Send the notes", "owner": "Facilitator"}]
    part["activity"] = activity
    return part


def long_script() -> Script:
    """A script whose Markdown is at least ``LINES`` lines long."""
    parts: list[dict[str, object]] = []
    while True:
        parts.append(_part(len(parts) + 1))
        script = Script.model_validate(
            {
                "id": "long-workshop",
                "title": "Long Workshop",
                "purpose": "Measure how long a long script takes to load.",
                "duration": f"{5 * len(parts)}m",
                "prepared_materials": ["The brief", "Sticky notes"],
                "parts": parts,
                "takeaways": ["A measured loader."],
                "useful_files": [{"title": "Guide", "location": "https://example.com"}],
            }
        )
        if script_to_markdown(script).count("\n") >= LINES:
            return script


def _time(path: Path, runs: int, wall: list[float], cpu: list[float]) -> None:
    for _ in range(runs):
        started, started_cpu = time.perf_counter(), time.process_time()
        load_script(path)
        wall.append(time.perf_counter() - started)
        cpu.append(time.process_time() - started_cpu)


def main(runs: int) -> None:
    script = long_script()
    folder = Path(tempfile.mkdtemp(prefix="markdown-load-"))
    markdown, yaml = folder / "long.md", folder / "long.yaml"
    markdown.write_text(script_to_markdown(script), encoding="utf-8")
    yaml.write_text(script_to_yaml(script), encoding="utf-8")
    assert load_script(markdown).script == load_script(yaml).script == script
    figures: dict[Path, tuple[list[float], list[float]]] = {markdown: ([], []), yaml: ([], [])}
    for _ in range(runs // 10):
        for path, (wall, cpu) in figures.items():
            _time(path, 10, wall, cpu)
    print(f"{len(script.parts)} parts; {runs // 10 * 10} loads of each, alternating\n")
    print(f"{'file':<10} {'lines':>6} {'KiB':>6} {'median':>10} {'best':>10} {'median CPU':>11}")
    medians = {}
    for path, (wall, cpu) in figures.items():
        text = path.read_text(encoding="utf-8")
        medians[path] = statistics.median(wall)
        print(
            f"{path.name:<10} {text.count(chr(10)):>6} {len(text.encode()) / 1024:>6.1f} "
            f"{medians[path] * 1000:>8.2f}ms {min(wall) * 1000:>8.2f}ms "
            f"{statistics.median(cpu) * 1000:>9.2f}ms"
        )
    print(f"\nMarkdown / YAML (median wall): {medians[markdown] / medians[yaml]:.2f}x")
    for path in (markdown, yaml):
        first = subprocess.run(
            [sys.executable, "-c", FIRST_LOAD, str(path)],
            capture_output=True,
            text=True,
            check=True,
        )
        print(
            f"first load in a new process, imports included, {path.name}: "
            f"{float(first.stdout) * 1000:.1f}ms"
        )


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 200)
