"""Load a facilitation script from a file or a stored copy, in YAML or Markdown.

Both readers return a ``LoadedScript`` or raise ``ScriptInvalid`` naming every problem
with its file and line; this module reads the bytes, refuses what is too large or not
UTF-8, and hands the text to the reader of its format.
"""

from __future__ import annotations

from pathlib import Path

from workshop_tui.content.loaded import LoadedScript
from workshop_tui.content.markdown.format import SUFFIXES as MARKDOWN_SUFFIXES
from workshop_tui.content.markdown.format import looks_like_markdown
from workshop_tui.content.problems import Problem, ScriptInvalid
from workshop_tui.content.script_file import read_script_bytes
from workshop_tui.content.yaml.reader import parse_yaml_text

YAML_SUFFIXES = (".yaml", ".yml")
MAX_BYTES = 512 * 1024
"""Scripts larger than this are refused before they are parsed."""


def load_script(path: Path) -> LoadedScript:
    """Read and validate the script at ``path``; raise ScriptInvalid naming every problem.

    A file whose name ends in ``.md`` or ``.markdown`` is read as a Markdown script.
    """
    data, size = read_script_bytes(path, MAX_BYTES)
    if len(data) > MAX_BYTES:
        raise ScriptInvalid([_too_large(str(path), max(size, len(data)))])
    return parse_script_bytes(data, str(path), path)


def parse_script_bytes(data: bytes, name: str, path: Path | None = None) -> LoadedScript:
    """Validate a script held as bytes (a bundled resource, say); ``name`` names it in messages."""
    if len(data) > MAX_BYTES:
        raise ScriptInvalid([_too_large(name, len(data))])
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        message = (
            f"byte 0x{data[error.start]:02x} at offset {error.start} is not UTF-8 "
            "(save the file as UTF-8)"
        )
        raise ScriptInvalid([Problem(name, line, "", message)]) from None
    return parse_script_text(text, name, path)


def parse_script_text(text: str, name: str, path: Path | None = None) -> LoadedScript:
    """Validate a script held as text (a copy stored in the database, say).

    The text is read as Markdown when ``name`` ends in ``.md`` or ``.markdown``, or
    when it has no YAML suffix and holds a Markdown section heading (``### Purpose``):
    a template saved as ``.txt`` is still read as what it is.
    """
    try:
        size = len(text.encode("utf-8"))
    except UnicodeEncodeError as error:
        line = text.count("\n", 0, error.start) + 1
        message = f"the character at offset {error.start} is not valid Unicode text"
        raise ScriptInvalid([Problem(name, line, "", message)]) from None
    if size > MAX_BYTES:
        raise ScriptInvalid([_too_large(name, size)])
    lowered = name.lower()
    if lowered.endswith(MARKDOWN_SUFFIXES) or (
        not lowered.endswith(YAML_SUFFIXES) and looks_like_markdown(text)
    ):
        # late: markdown-it and the Markdown reader load only for a Markdown script
        from workshop_tui.content.markdown.reader import parse_markdown_text

        return parse_markdown_text(text, name, path)
    return parse_yaml_text(text, name, path)


def _too_large(name: str, size: int) -> Problem:
    message = f"the file is {size / 1024:.0f} KiB; scripts over {MAX_BYTES // 1024} KiB are refused"
    return Problem(name, None, "", message)
