"""Markdown as an outline of headings, and the plain text of its blocks.

markdown-it-py parses the text (CommonMark, with tables so a table is seen as
one); the blocks are then grouped under the heading they follow, headings
under the heading one level up. Everything a script holds is read as plain
text: emphasis, links and code keep their words, never their markup.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from markdown_it import MarkdownIt
from markdown_it.tree import SyntaxTreeNode

from workshop_tui.content.markdown.format import placeholder
from workshop_tui.content.problems import Problem, Severity

Loc = tuple[str | int, ...]
_FORMATTING = {"em", "strong", "link", "code_inline", "image", "s"}
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f]")
_BLOCK_NAMES = {
    "paragraph": "a paragraph",
    "bullet_list": "a list",
    "ordered_list": "a numbered list",
    "blockquote": "a quote",
    "fence": "a code block",
    "code_block": "an indented code block",
    "table": "a table",
    "html_block": "HTML",
}


def _keep(url: str) -> str:
    return url


def _allow(url: str) -> bool:
    return True


def _parser() -> MarkdownIt:
    # without text_join, a backslash escape stays a token of its own: "\\[sic\\]" is
    # text the writer meant literally, never a placeholder left from the template
    parser = MarkdownIt("commonmark").enable("table").disable("text_join")
    # a location is kept exactly as written: no percent-encoding, no scheme refused
    parser.normalizeLink = _keep  # type: ignore[method-assign]
    parser.normalizeLinkText = _keep  # type: ignore[method-assign,assignment]
    parser.validateLink = _allow  # type: ignore[method-assign]
    return parser


_PARSER = _parser()


@dataclass(slots=True)
class Heading:
    """A heading, the blocks that follow it, and the headings one level below it."""

    level: int
    node: SyntaxTreeNode | None
    line: int
    blocks: list[SyntaxTreeNode] = field(default_factory=list)
    children: list[Heading] = field(default_factory=list)

    @property
    def inline(self) -> SyntaxTreeNode | None:
        return self.node.children[0] if self.node is not None and self.node.children else None


def control_character(text: str) -> tuple[int, str] | None:
    """The line and code of the first control character a script may not hold."""
    found = _CONTROL.search(text)
    if found is None:
        return None
    return text.count("\n", 0, found.start()) + 1, f"#x{ord(found.group(0)):04x}"


def outline(text: str) -> Heading:
    """The document as a tree of headings; the root (level 0) holds what precedes them all."""
    root = Heading(0, None, 1)
    stack = [root]
    for node in SyntaxTreeNode(_PARSER.parse(text)).children:
        if node.type != "heading":
            stack[-1].blocks.append(node)
            continue
        level = int(node.tag[1:])
        while stack[-1].level >= level:
            stack.pop()
        heading = Heading(level, node, line_of(node))
        stack[-1].children.append(heading)
        stack.append(heading)
    return root


def line_of(node: SyntaxTreeNode) -> int:
    """The first line of a block, counted from 1."""
    return node.map[0] + 1 if node.map else 1


def block_name(node: SyntaxTreeNode) -> str:
    """What a block is, in words: "a paragraph", "a list"."""
    return _BLOCK_NAMES.get(node.type, node.type.replace("_", " "))


def is_ignored(node: SyntaxTreeNode) -> bool:
    """A rule (---) or an HTML comment: nothing a script holds."""
    return node.type == "hr" or is_comment(node)


def is_comment(node: SyntaxTreeNode) -> bool:
    return node.type == "html_block" and node.content.lstrip().startswith("<!--")


def plain(node: SyntaxTreeNode) -> str:
    """The text of an inline node: hard line breaks kept, soft ones read as spaces."""
    return plain_of(node.children)


def plain_of(nodes: list[SyntaxTreeNode], escaped: str | None = None) -> str:
    """The text of a run of inline nodes; ``escaped`` stands for each backslash-escaped one."""
    pieces: list[str] = []
    after_comment = False
    for child in nodes:
        if _is_inline_comment(child):
            after_comment = True
            continue
        if escaped is not None and child.type == "text_special" and child.info == "escape":
            piece = escaped
        elif child.type in ("text", "text_special", "code_inline", "html_inline"):
            piece = child.content
        elif child.type in ("softbreak", "hardbreak"):
            piece = " " if child.type == "softbreak" else "\n"
        else:
            piece = plain_of(child.children, escaped)
        if after_comment and pieces and pieces[-1].endswith(" "):
            piece = piece.lstrip(" ")  # "a <!-- note --> b" reads "a b"
        after_comment = False
        pieces.append(piece)
    return "".join(pieces)


def _is_inline_comment(node: SyntaxTreeNode) -> bool:
    return node.type == "html_inline" and node.content.startswith("<!--")


def has_comment(node: SyntaxTreeNode) -> bool:
    """True if an inline node holds an HTML comment (which is not part of its text)."""
    return any(_is_inline_comment(child) or has_comment(child) for child in node.children)


def formatted(node: SyntaxTreeNode) -> bool:
    """True if an inline node holds emphasis, a link, an image or code."""
    return formatted_of(node.children)


def formatted_of(nodes: list[SyntaxTreeNode]) -> bool:
    return any(child.type in _FORMATTING or formatted_of(child.children) for child in nodes)


class Reading:
    """What reading one Markdown script found: problems, where each field is, and notes."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.problems: list[Problem] = []
        self.warnings: list[Problem] = []
        self.places: dict[Loc, tuple[int, str]] = {}
        self.comments: list[int] = []
        self.flattened: list[int] = []
        """Lines whose formatting (bold, links, code) was read as plain text."""
        self.meant: set[str] = set()
        """Fields a misspelt or misplaced heading seems meant for: not reported missing."""

    def error(self, line: int, place: str, message: str) -> None:
        self.problems.append(Problem(self.name, line, place, message))

    def warn(self, line: int, place: str, message: str) -> None:
        self.warnings.append(Problem(self.name, line, place, message, Severity.WARNING))

    def place(self, loc: Loc, line: int, place: str) -> None:
        self.places[loc] = (line, place)

    def text(self, node: SyntaxTreeNode | None, line: int, place: str) -> str:
        """The plain text of an inline node; a placeholder left in is an error."""
        if node is None:
            return ""
        if formatted(node):
            self.flattened.append(line)
        if has_comment(node):
            self.comments.append(line)
        self.check(node, line, place)
        return plain(node)

    def check(self, node: SyntaxTreeNode, line: int, place: str) -> None:
        """A placeholder left from the template (``[name]``, ``Item 1``) is an error."""
        if (left := placeholder(plain_of(node.children, escaped="\ufffc"))) is not None:
            self.error(line, place, f'"{left}" is left from the template; write your own words')

    def skipped(self, node: SyntaxTreeNode) -> bool:
        """True for a block that holds nothing (a rule or a comment); comments are noted."""
        if is_comment(node):
            self.comments.append(line_of(node))
            if not node.content.rstrip().endswith("-->"):
                last = line_of(node) + node.content.rstrip().count("\n")
                message = (
                    "text after an HTML comment on its closing line is not read "
                    "(start it on a line of its own)"
                )
                self.error(last, "", message)
        return is_ignored(node)

    def paragraphs(self, blocks: list[SyntaxTreeNode], place: str, what: str) -> str:
        """The text of paragraphs, joined by blank lines; any other block is an error."""
        texts: list[str] = []
        for node in blocks:
            if self.skipped(node):
                continue
            if node.type != "paragraph":
                self.unexpected(node, place, what)
                continue
            texts.append(self.text(node.children[0], line_of(node), place))
        return "\n\n".join(texts)

    def items(
        self, blocks: list[SyntaxTreeNode], place: str, what: str
    ) -> list[tuple[SyntaxTreeNode, int]]:
        """The items of the one list among ``blocks``; anything else is an error."""
        found: list[tuple[SyntaxTreeNode, int]] = []
        for node in blocks:
            if self.skipped(node):
                continue
            if node.type not in ("bullet_list", "ordered_list"):
                self.unexpected(node, place, what)
                continue
            found.extend((item, line_of(item)) for item in node.children)
        return found

    def item_text(self, item: SyntaxTreeNode, place: str) -> str:
        """The text of a list item: its paragraphs, joined by blank lines."""
        return self.paragraphs(item.children, place, "one line of text per item")

    def texts(self, blocks: list[SyntaxTreeNode], loc: Loc, place: str) -> list[str]:
        """A list of texts, each placed at its item's line."""
        texts = []
        for index, (item, line) in enumerate(self.items(blocks, place, "a list")):
            self.place((*loc, index), line, place)
            texts.append(self.item_text(item, place))
        return texts

    def unexpected(self, node: SyntaxTreeNode, place: str, what: str) -> None:
        message = f"{block_name(node)} is not read here ({place} holds {what})"
        if node.type in ("bullet_list", "ordered_list") and what == "one line of text per item":
            message = "a list inside a list item is not read (give each its own item)"
        self.error(line_of(node), place, message)
