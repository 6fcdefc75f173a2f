"""Whatever a facilitator types must come back as plain text and never change the structure.

Each hostile text is put into every field a person can type (and every script
field), both documents (the session notes and the agreement) are parsed with
markdown-it as GitHub reads it, and the tests check there is no HTML, every
table keeps its columns, the headings and list items are exactly the ones the
session calls for, and the text reads back.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from markdown_it.token import Token

from tests.unit.test_export_samples import headings, list_items, parse, tables
from workshop_tui.content.model import Script
from workshop_tui.domain.kinds import (
    CynefinDomain,
    DecisionMethod,
    EventKind,
    InitialKind,
    PromiseStatus,
    SessionState,
)
from workshop_tui.domain.records import (
    ActionItem,
    Classification,
    Decision,
    Note,
    Objection,
    Participant,
    Promise,
    SessionEvent,
    SignOff,
)
from workshop_tui.domain.rules.agility import AGILITY_QUESTION
from workshop_tui.domain.snapshot import PartTiming, SessionSetup, SessionSnapshot
from workshop_tui.export import escape
from workshop_tui.export.markdown import render_agreement, render_markdown

HOSTILE = [
    "Pipe | in | the | middle",
    "| --- | --- |",
    "Line one\nLine two\n\n   indented line\r\nwindows line",
    "`code` and ```fence``` and ~~~tilde~~~",
    "<script>alert('x')</script>",
    "<!-- comment --> <b>bold</b> <div>",
    "# Leading hash ##",
    "- leading dash",
    "+ leading plus",
    "1. leading number",
    "12) leading paren",
    "> leading quote",
    "-",
    "***",
    "===",
    "Title\n---",
    "*stars* and _underscores_ and **bold** and __strong__",
    "[x](y) and ![img](z.png) and [ref]: /url and <https://example.com>",
    "&amp; &lt;b&gt; &#x3C; &copy;",
    "Emoji 👍🏽🎉 and 👩‍👩‍👧",
    "עברית ו-العربية mixed with English",
    "\u202eoverride\u202c and \u200bzero width",
    "trailing backslash \\",
    "\\| escaped pipe and \\*",
    "~~strike~~ and ~one~",
    "tab\there and bell\x07 and nul\x00",
    "- [ ] task\n- [x] done",
    "\\\nbackslash line",
    "www.example.com and https://example.com/a_b",
    "$x$ and {curly} and :smile: and @someone and #12",
]
HOSTILE_ALL = "\n".join(HOSTILE)

T0 = datetime(2026, 11, 21, 9, 0, tzinfo=UTC)


def _lines(text: str) -> list[str]:
    kept = []
    for line in text.splitlines():
        line = "".join(ch for ch in line.replace("\t", " ") if ch >= " " and ch != "\x7f").strip()
        if line:
            kept.append(line)
    return kept


def as_inline(text: str) -> str:
    return " ".join(_lines(text))


def as_block(text: str) -> str:
    return "\n".join(_lines(text))


def as_cell(text: str) -> str:
    return " / ".join(_lines(text))


def hostile_script(text: str) -> Script:
    return Script.model_validate(
        {
            "id": "hostile",
            "title": text,
            "purpose": text,
            "duration": "1h",
            "parts": [
                {
                    "id": "first",
                    "name": text,
                    "duration": "30m",
                    "activity": {
                        "kind": "promises",
                        "parties": [
                            {"name": text, "promises": [{"text": f"old {text}", "detail": text}]},
                            {"name": "Plain"},
                        ],
                    },
                },
                {
                    "id": "second",
                    "name": f"Second {text}",
                    "duration": "30m",
                    "activity": {
                        "kind": "signoff",
                        "signatories": [text, "Lead"],
                        "sections": [
                            {
                                "id": "s1",
                                "title": text,
                                "text": text,
                                "presents": [{"promises": text}, {"text": text}],
                            }
                        ],
                    },
                },
            ],
            "takeaways": [text],
        }
    )


def hostile_session(text: str) -> SessionSnapshot:
    def at(minutes: int) -> datetime:
        return T0 + timedelta(minutes=minutes)

    return SessionSnapshot(
        id=1,
        script_id="hostile",
        script_title=text,
        setup=SessionSetup(
            customer=text,
            facilitator=text,
            participants=(Participant(text, text), Participant("Plain", "Role")),
        ),
        state=SessionState.FINISHED,
        current_part=1,
        created_at=T0,
        last_seen_at=at(60),
        started_at=T0,
        finished_at=at(60),
        timings=[
            PartTiming("first", 1800, elapsed_seconds=1800, started_at=T0, finished_at=at(30)),
            PartTiming("second", 1800, elapsed_seconds=1800, started_at=at(30), finished_at=at(60)),
        ],
        notes=[
            Note("first", at(5), text, key="n1"),
            Note("first", at(6), "plain", key="n2"),
            Note("first", at(7), f"now {text}", key="n2", reason=text),
        ],
        classifications=[
            Classification("first", at(7), "c1", text, CynefinDomain.COMPLEX, text),
            Classification("first", at(8), "c1", text, CynefinDomain.CLEAR, text),
        ],
        promises=[
            Promise("first", at(9), "p1", text, f"old {text}"),
            Promise("first", at(10), "p1", text, text, PromiseStatus.AGREED, text, text),
            Promise("first", at(10), "p2", "Plain", text, PromiseStatus.DECLINED, reason=text),
        ],
        decisions=[
            Decision(
                "first",
                at(11),
                "ag",
                AGILITY_QUESTION,
                DecisionMethod.FACILITATOR,
                outcome=f"Overruled: {text}",
                agreed=True,
                advised=text,
            ),
            Decision(
                "first",
                at(11),
                "d1",
                text,
                DecisionMethod.DOT_VOTING,
                outcome=text,
                agreed=True,
                votes={text: 3, "Plain": 1},
                rounds=({"5": 2, text: 1},),
                objections=(Objection(text, text),),
            ),
        ],
        signoffs=[
            SignOff("second", at(40), "s1", text, text, text, text, wording=f"earlier {text}"),
            SignOff(
                "second",
                at(41),
                "s1",
                text,
                "Plain",
                "Lead",
                "",
                kind=InitialKind.HELD,
                reason=text,
            ),
        ],
        actions=[
            ActionItem("first", at(12), "a1", text, text, date(2026, 12, 1)),
            ActionItem("first", at(13), "a1", text, text, date(2026, 12, 2), reason=text),
        ],
        events=[
            SessionEvent("second", at(61), EventKind.REOPENED, text, reopened_finish=at(60)),
            SessionEvent("second", at(62), EventKind.REVIEW_DATE, text, date(2027, 1, 4)),
        ],
    )


def all_tokens(tokens: list[Token]) -> list[Token]:
    found = []
    for token in tokens:
        found.append(token)
        found.extend(token.children or [])
    return found


@pytest.fixture(params=[*HOSTILE, HOSTILE_ALL], ids=[*map(repr, HOSTILE), "all"])
def text(request: pytest.FixtureRequest) -> str:
    return request.param


@pytest.fixture(params=["commonmark", "gfm-like"])
def preset(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture
def tokens(preset: str, text: str) -> list[Token]:
    return parse(render_markdown(hostile_script(text), hostile_session(text)), preset)


@pytest.fixture
def agreement(preset: str, text: str) -> list[Token]:
    return parse(render_agreement(hostile_script(text), hostile_session(text)), preset)


def test_no_html_reaches_the_reader(tokens: list[Token], agreement: list[Token]) -> None:
    for document in (tokens, agreement):
        kinds = {token.type for token in all_tokens(document)}
        assert not kinds & {"html_inline", "html_block", "code_block", "fence", "code_inline", "hr"}


def test_headings_are_exactly_the_structural_ones(
    tokens: list[Token], agreement: list[Token], text: str
) -> None:
    inline = as_inline(text)
    assert headings(tokens) == [
        ("h1", f"{inline} — {inline}"),
        ("h2", "Participants"),
        ("h2", "Agenda"),
        ("h2", "Notes"),
        ("h3", f"1. {inline}"),
        ("h2", "Cynefin board"),
        ("h3", "Clear (1)"),
        ("h2", "Type of work and level of agility"),
        ("h2", "Promises"),
        ("h3", inline),
        ("h3", "Plain"),
        ("h2", "Decisions"),
        ("h3", "How much agility does the work call for?"),
        ("h3", inline),
        ("h2", "Sign-off"),
        ("h3", inline),
        ("h2", "Action items"),
        ("h2", "Corrections after the session"),
        ("h2", "Intended outcomes and what came out"),
    ]
    assert headings(agreement) == [
        ("h1", f"Agreement: {inline} — {inline}"),
        ("h2", "What is still open"),
        ("h2", "Parties and people"),
        ("h2", "Type of work and level of agility"),
        ("h2", "Promises"),
        ("h3", inline),
        ("h3", "Plain"),
        ("h2", "Decisions"),
        ("h2", "Sign-off"),
        ("h3", inline),
        ("h2", "Action items"),
    ]


SIGNOFF_HEADERS = ["Role", "Person", "Initials", "Wording", "Time"]


def test_tables_keep_their_columns_and_cells(
    tokens: list[Token], agreement: list[Token], text: str
) -> None:
    cell = as_cell(text)
    participants, agenda, votes, rounds, signoffs, actions = tables(tokens)
    assert participants == [["Name", "Role"], [cell, cell], ["Plain", "Role"]]
    assert [len(row) for row in agenda] == [9, 9, 9, 9]
    assert [row[1] for row in agenda] == ["Part", cell, as_cell(f"Second {text}"), "Total"]
    assert votes == [["Option", "Dots"], [cell, "3"], ["Plain", "1"]]
    assert [len(row) for row in rounds] == [8, 8] and rounds[0][-1] == f"{cell} fingers"
    assert signoffs == [
        SIGNOFF_HEADERS,
        [cell, cell, cell, "version 1, an earlier wording", "09:40"],
        ["Lead", "Plain", "", f"held: {cell}", "09:41"],
    ]
    assert actions == [
        ["#", "Action", "Owner", "Due", "Status"],
        ["1", cell, cell, "2026-12-02", "Open"],
    ]
    people, decided, signed, listed = tables(agreement)
    assert people == participants
    assert decided == [
        ["Question", "Decided by", "Outcome"],
        [cell, "Dot voting", f"Agreed: {cell}"],
    ]
    assert signed == signoffs
    assert listed == actions


def test_list_items_are_exactly_the_recorded_ones(
    tokens: list[Token], agreement: list[Token], text: str
) -> None:
    inline, block = as_inline(text), as_block(text)
    facts = [
        "Date: 2026-11-21",
        f"Customer: {inline}",
        f"Facilitator: {inline}",
    ]
    after_facts = [
        "Status: Finished",
        "Review date: 2027-01-04",
        "Reopened to correct it: once, last on 2026-11-21 at 10:01",
    ]
    type_of_work = [
        f"Agreed level of agility: {block}",
        f"The Cynefin board advised: {block}",
        f"Clear (1): {inline}",
    ]
    promised = f"{inline} — owner: {inline}\nNote: {block}"
    declined = f"{inline} — declined: {inline}"
    assert list_items(tokens) == [
        *facts,
        "Time: 09:00–10:00",
        *after_facts,
        f"09:05 — {block}",
        f"09:06 — now {block}\nCorrected at 09:07 ({inline}); it read: plain",
        f"{inline} — {block}\nEarlier: Complex",
        *type_of_work,
        f"{promised}\nThe script describes it as: {block}",
        f"09:09 proposed: {as_inline('old ' + text)}",
        f"09:10 agreed: {inline}; owner: {inline}; note: {inline}",
        declined,
        "Method: Facilitator's call",
        f"Advised by the Cynefin board: {block}",
        f"Outcome: The room chose — {block}",
        "Method: Dot voting",
        f"Objection: {block}\nResolution: {block}",
        f"Outcome: Agreed — {block}",
        f"{block} (owner: {block}); note: {block}",
        f"09:13 action 1: due date was 2026-12-01 ({inline})",
        f"Reopened on 2026-11-21 at 10:01 (it had finished at 10:00): {block}",
        block,
        f"Promises: 1 promised ({inline}: 1), 0 still open, 1 declined",
        "Level of agility: agreed",
        "Decisions: 1 recorded, 0 not decided",
        "Sign-off: 0 of 1 sections complete",
        "Actions: 1 (1 open), 1 with an owner and a due date",
        "Notes: 2",
        "Review date: 2027-01-04",
    ]
    assert list_items(agreement) == [
        *facts,
        *after_facts,
        "0 of 1 sections complete",
        f"Held: {inline} (Lead: {inline})",
        f"Open actions: {inline}",
        *type_of_work,
        promised,
        declined,
        f"{block} (owner: {block}); note: {block}",
    ]


def test_signoff_status_reads_back(tokens: list[Token], agreement: list[Token], text: str) -> None:
    for document in (tokens, agreement):
        paragraphs = [
            document[index + 1].content
            for index, t in enumerate(document)
            if t.type == "paragraph_open"
        ]
        assert any(p.startswith("**Incomplete** (version 2") for p in paragraphs)


def test_script_tag_comes_back_as_text() -> None:
    markdown = render_markdown(hostile_script("<script>x</script>"), hostile_session("<script>"))
    texts = [child.content for token in parse(markdown) for child in token.children or []]
    assert "<script>" in texts
    assert "<script>" not in markdown  # escaped in the source too


@pytest.mark.parametrize(
    ("raw", "escaped"),
    [
        ("a|b", "a\\|b"),
        ("1. x", "1\\. x"),
        ("- x", "\\- x"),
        ("<b>", "\\<b\\>"),
        ("&amp;", "\\&amp;"),
        ("C:\\", "C:\\\\"),
        ("plain text, e.g. this (one).", "plain text, e.g. this (one)."),
        ("# x and #12", "\\# x and #12"),
        ("snake_case and _emphasis_", "snake_case and \\_emphasis\\_"),
        ("Q&A & more", "Q&A & more"),
    ],
)
def test_inline_escapes_only_what_markdown_would_read(raw: str, escaped: str) -> None:
    assert escape.inline(raw) == escaped


def test_headings_escape_every_hash() -> None:
    assert escape.heading("Title ##") == "Title \\#\\#"


def test_blank_text_never_leaves_an_empty_marker() -> None:
    assert escape.heading(" \n\t ") == escape.EMPTY
    assert escape.strong("") == f"**{escape.EMPTY}**"
    assert escape.block("a\n\n\nb  \n", "  ") == "a \\\n  b"
