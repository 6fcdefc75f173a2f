"""A script written out as YAML in the bundled scripts' style.

Only what differs from the defaults is written (an id made from the name, a
discussion, the consent method are left out), durations as "12m", long texts
folded over several lines and texts with line breaks as literal blocks.
"""

from __future__ import annotations

from typing import Any

import yaml

from workshop_tui.content.durations import format_duration
from workshop_tui.content.fields import slugify
from workshop_tui.content.model import Script

_WIDTH = 96
_PARAGRAPHS = {"purpose", "audience", "goal", "detail", "text", "note"}
"""Fields that hold a paragraph: written folded (``>-``) when long."""


class _Paragraph(str):
    """A text written folded over several lines."""


class _Dumper(yaml.SafeDumper):
    """Lists indented under their key, as the bundled scripts write them."""

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        super().increase_indent(flow, False)


def _text(dumper: yaml.SafeDumper, text: str) -> yaml.ScalarNode:
    style = "|" if "\n" in text else ">" if isinstance(text, _Paragraph) else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", str(text), style=style)


_Dumper.add_representer(str, _text)
_Dumper.add_representer(_Paragraph, _text)


def script_to_yaml(script: Script) -> str:
    """``script`` as a YAML document that reads back as an equal script."""
    return yaml.dump(
        _plain(script),
        Dumper=_Dumper,
        sort_keys=False,
        allow_unicode=True,
        width=_WIDTH,
    )


def _plain(script: Script) -> dict[str, Any]:
    data = script.model_dump(mode="json", exclude_defaults=True)
    data["duration"] = format_duration(script.duration)
    for part, plain in zip(script.parts, data["parts"], strict=True):
        plain["duration"] = format_duration(part.duration)
        if plain.get("id") == slugify(part.name):
            del plain["id"]
        activity = plain.get("activity", {})
        for section in activity.get("sections", []):
            if section.get("id") == slugify(section["title"]):
                del section["id"]
        for party in activity.get("parties", []):
            party["promises"] = [_short(promise) for promise in party.get("promises", [])]
        if "suggested" in activity:
            activity["suggested"] = [_short(action) for action in activity["suggested"]]
    return _folded(_in_order(data))


def _folded(value: Any, key: str = "") -> Any:
    """Paragraph fields longer than a line marked to be written folded."""
    if isinstance(value, dict):
        return {name: _folded(item, name) for name, item in value.items()}
    if isinstance(value, list):
        return [_folded(item) for item in value]
    if isinstance(value, str) and key in _PARAGRAPHS and len(key) + len(value) > _WIDTH - 12:
        return _Paragraph(value)
    return value


def _short(item: dict[str, Any]) -> Any:
    """A promise or action with nothing but its text, written as that text."""
    return item["text"] if list(item) == ["text"] else item


def _in_order(data: dict[str, Any]) -> dict[str, Any]:
    """The script's fields in the order the bundled scripts use: id and title first."""
    first = ("id", "title", "purpose", "duration")
    return {key: data[key] for key in first if key in data} | {
        key: value for key, value in data.items() if key not in first
    }
