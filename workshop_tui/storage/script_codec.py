"""A facilitation script as the store keeps it: validated JSON plus a content hash.

``Script.model_dump_json()`` writes durations as plain seconds, while the
schema reads a plain number as *minutes*, so a dump would come back sixty
times longer. Until the schema serialises its durations, this writes them as
"600s", which reads back exactly.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

from workshop_tui.content.model import Script


def script_to_json(script: Script) -> str:
    """``script`` as JSON that ``script_from_json`` turns back into an equal Script."""
    data = script.model_dump(mode="json")
    _seconds_as_text(data)
    for part in data["parts"]:
        _seconds_as_text(part)
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def script_from_json(text: str) -> Script:
    """The Script stored by ``script_to_json``; no YAML is parsed."""
    return Script.model_validate_json(text)


def content_hash(source: str, model_json: str) -> str:
    """A digest of the script as run, to store each distinct copy once."""
    digest = hashlib.sha256()
    for piece in (source, model_json):
        digest.update(piece.encode("utf-8"))
        digest.update(b"\0")
    return digest.hexdigest()


def _seconds_as_text(data: dict[str, Any]) -> None:
    if isinstance(data.get("duration"), int):
        data["duration"] = f"{data['duration']}s"
