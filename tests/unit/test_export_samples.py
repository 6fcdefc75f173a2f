"""Hand-built sessions for the export tests: a small script and a rich snapshot of a run of it.

``sample_script()`` and ``sample_session()`` are imported by the other export
tests and by the golden test; the tests here only check the sample itself
covers what the export must show.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, timedelta

from markdown_it import MarkdownIt
from markdown_it.token import Token

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

START = datetime(2026, 11, 21, 9, 0, tzinfo=UTC)


def at(minutes: float) -> datetime:
    """A moment ``minutes`` after the workshop began."""
    return START + timedelta(minutes=minutes)


SCRIPT_DATA: dict[str, object] = {
    "id": "sample-agreement",
    "title": "Sample Working Agreement",
    "purpose": "Agree how supplier and customer work together.",
    "duration": "2h",
    "parts": [
        {"id": "opening", "name": "Opening", "duration": "10m"},
        {
            "id": "classify",
            "name": "Classify the work",
            "duration": "20m",
            "activity": {"kind": "cynefin", "items": ["Billing", "Onboarding"]},
        },
        {
            "id": "promises",
            "name": "Promises",
            "duration": "30m",
            "activity": {
                "kind": "promises",
                "parties": [
                    {"name": "Supplier", "promises": ["Demo every sprint"]},
                    {"name": "Customer", "promises": ["Answer within a day"]},
                ],
            },
        },
        {
            "id": "decide",
            "name": "Decide",
            "duration": "15m",
            "activity": {
                "kind": "decisions",
                "questions": [
                    {
                        "question": "Which cadence?",
                        "method": "dot_voting",
                        "options": ["Weekly", "Fortnightly"],
                    }
                ],
            },
        },
        {
            "id": "sign",
            "name": "Sign the agreement",
            "duration": "15m",
            "activity": {
                "kind": "signoff",
                "signatories": ["Sponsor", "Lead"],
                "sections": [
                    {"id": "scope", "title": "Scope", "text": "What we build."},
                    {
                        "id": "ways",
                        "title": "Ways of working",
                        "text": "How we work.",
                        "initials_by": ["Sponsor", "Lead", "Coach"],
                    },
                    {
                        "id": "supplier",
                        "title": "Supplier promises",
                        "text": "The supplier keeps its promises.",
                        "presents": [{"promises": "Supplier"}],
                    },
                    {
                        "id": "terms",
                        "title": "Terms",
                        "presents": [
                            "agility",
                            {"decision": "Which cadence?"},
                            {"text": "Both sides review these terms in a month."},
                        ],
                    },
                ],
            },
        },
        {
            "id": "actions",
            "name": "Next steps",
            "duration": "10m",
            "activity": {"kind": "actions", "suggested": ["Send the notes"]},
        },
        {"id": "closing", "name": "Closing", "duration": "5m"},
    ],
    "takeaways": ["Promises are kept by people, not documents.", "Revisit in a month."],
}


def sample_script() -> Script:
    """The small script every sample session is a run of."""
    return Script.model_validate(SCRIPT_DATA)


def sample_timings() -> list[PartTiming]:
    """Done, over time, extended, cut short, skipped, paused and not reached parts."""
    return [
        PartTiming("opening", 600, elapsed_seconds=720, started_at=at(0), finished_at=at(12)),
        PartTiming("classify", 1200, elapsed_seconds=1100.4, started_at=at(12), finished_at=at(31)),
        PartTiming(
            "promises", 1800, 300, elapsed_seconds=2250, started_at=at(31), finished_at=at(69)
        ),
        PartTiming("decide", 900, elapsed_seconds=0, skipped=True),
        PartTiming(
            "sign",
            900,
            -300,
            elapsed_seconds=1000,
            started_at=at(69),
            finished_at=at(86),
            removed_seconds=360,
        ),
        PartTiming("actions", 600, elapsed_seconds=185, started_at=at(86)),
        PartTiming("closing", 300),
    ]


SCOPE = "What we build."
WAYS = "How we work."
SUPPLIER_EARLIER = (
    "The supplier keeps its promises.\n\nSupplier makes no promise yet.\n\n"
    "Still open:\n- Demo every sprint (not decided yet)"
)
SUPPLIER_NOW = (
    "The supplier keeps its promises.\n\nSupplier promises:\n"
    "- Demo every two weeks (owner: Linus); note: Unless a holiday falls\non the demo day"
)


def initial(
    minute: float,
    section: str,
    person: str,
    role: str,
    initials: str,
    wording: str,
    reason: str = "",
) -> SignOff:
    """A sign-off row of the sample's sign-off part."""
    titles = {"scope": "Scope", "ways": "Ways of working", "supplier": "Supplier promises"}
    title = titles.get(section, "Terms")
    return SignOff(
        "sign", at(minute), section, title, person, role, initials, wording=wording, reason=reason
    )


def sample_session() -> SessionSnapshot:
    """A rich, paused run of ``sample_script()`` with every kind of record and some revisions."""
    return SessionSnapshot(
        id=7,
        script_id="sample-agreement",
        script_title="Sample Working Agreement",
        setup=SessionSetup(
            customer="Acme & Sons",
            facilitator="Ada Lovelace",
            participants=(
                Participant("Grace Hopper", "Sponsor"),
                Participant("Linus | Torvalds", "Lead"),
                Participant("Noor", ""),
            ),
            materials_checked=("Sticky notes",),
        ),
        state=SessionState.PAUSED,
        current_part=5,
        created_at=START - timedelta(minutes=15),
        last_seen_at=at(90),
        started_at=at(0),
        timings=sample_timings(),
        notes=[
            Note("opening", at(2), "Everyone arrived on time.", key="n1"),
            Note(
                "opening", at(8), "Concern: *budget* is tight\nSecond line: see [doc](x)", key="n2"
            ),
            Note("promises", at(40), "Customer asked about weekends.", key="n3"),
            Note("retired-part", at(45), "A note from a part no longer in the script.", key="n4"),
            Note("opening", at(46), "Concern: budget is 10% short", key="n2", reason="typo"),
            Note("opening", at(47), "Said in jest", key="n5"),
            Note("opening", at(48), "Said in jest", key="n5", retracted=True, reason="off record"),
        ],
        classifications=[
            Classification("classify", at(13), "c1", "Billing", CynefinDomain.COMPLEX, "New law"),
            Classification("classify", at(14), "c2", "Onboarding", CynefinDomain.CLEAR),
            Classification(
                "classify", at(16), "c1", "Billing", CynefinDomain.COMPLEX, "New law, new team"
            ),
            Classification(
                "classify", at(20), "c1", "Billing", CynefinDomain.COMPLICATED, "Experts exist"
            ),
            Classification("classify", at(22), "c3", "Outage response", CynefinDomain.CHAOTIC),
        ],
        promises=[
            Promise("promises", at(32), "p1", "Supplier", "Demo every sprint"),
            Promise("promises", at(33), "p2", "Customer", "Answer within a day"),
            Promise(
                "promises",
                at(35),
                "p1",
                "Supplier",
                "Demo every two weeks",
                PromiseStatus.AMENDED,
                reason="Sprints are two weeks",
            ),
            Promise(
                "promises",
                at(38),
                "p1",
                "Supplier",
                "Demo every two weeks",
                PromiseStatus.AGREED,
                owner="Linus",
                note="Unless a holiday falls\non the demo day",
            ),
            Promise(
                "promises",
                at(50),
                "p3",
                "Customer",
                "Name one decider",
                PromiseStatus.PARKED,
                reason="The board names one in March",
            ),
            Promise(
                "promises",
                at(55),
                "p4",
                "Regulator",
                "Review yearly",
                PromiseStatus.DECLINED,
                reason="Not a party to this agreement",
            ),
        ],
        decisions=[
            Decision(
                "classify",
                at(25),
                "ag",
                AGILITY_QUESTION,
                DecisionMethod.FACILITATOR,
                outcome="Overruled: Moderate agility, fixed first release",
                agreed=True,
                advised="Plan with experts, then deliver in increments.",
            ),
            Decision(
                "decide",
                at(60),
                "d1",
                "Which cadence?",
                DecisionMethod.DOT_VOTING,
                votes={"Fortnightly": 4, "Weekly": 7},
            ),
            Decision(
                "decide",
                at(62),
                "d1",
                "Which cadence?",
                DecisionMethod.DOT_VOTING,
                outcome="Weekly demos",
                agreed=True,
                votes={"Fortnightly": 4, "Weekly": 9},
            ),
            Decision(
                "decide",
                at(64),
                "d2",
                "Start in January?",
                DecisionMethod.FIST_OF_FIVE,
                outcome="Start on 12 January",
                agreed=True,
                rounds=({"1": 2, "3": 1, "5": 3}, {"3": 1, "4": 2, "5": 3}),
            ),
            Decision(
                "decide",
                at(66),
                "d3",
                "Share the backlog?",
                DecisionMethod.CONSENT,
                agreed=False,
                objections=(
                    Objection("Contains salaries", "Redact the HR epics"),
                    Objection("Too early"),
                ),
            ),
        ],
        signoffs=[
            initial(75, "scope", "Grace Hopper", "Sponsor", "GH", SCOPE),
            initial(76, "scope", "Linus Torvalds", "Lead", "LT", SCOPE),
            initial(78, "ways", "Grace Hopper", "Sponsor", "G", WAYS),
            initial(79, "ways", "Grace Hopper", "sponsor", "GH", WAYS, reason="G was a typo"),
            replace(
                initial(80, "ways", "Linus Torvalds", "Lead", "", WAYS),
                kind=InitialKind.HELD,
                reason="Needs HR to agree first",
            ),
            initial(81, "supplier", "Grace Hopper", "Sponsor", "GH", SUPPLIER_EARLIER),
            initial(82, "supplier", "Linus Torvalds", "Lead", "LT", SUPPLIER_NOW),
            initial(83, "terms", "Noor", "Sponsor", "N", "An old wording"),
            replace(
                initial(84, "terms", "Noor", "Sponsor", "N", "An old wording"),
                kind=InitialKind.WITHDRAWN,
                reason="Signed for the wrong role",
            ),
        ],
        actions=[
            ActionItem("actions", at(87), "a1", "Send the notes", owner="Ada"),
            ActionItem("actions", at(88), "a2", "Book the review", due=date(2026, 12, 19)),
            ActionItem(
                "actions",
                at(89),
                "a1",
                "Send the notes",
                owner="Ada",
                due=date(2026, 11, 23),
                reason="Ada leaves on the 24th",
            ),
            ActionItem(
                "actions",
                at(90),
                "a1",
                "Send the notes",
                owner="Ada",
                due=date(2026, 11, 23),
                done=True,
            ),
        ],
        events=[
            SessionEvent("actions", at(89.5), EventKind.REVIEW_DATE, "", date(2026, 12, 21)),
            SessionEvent(
                "actions", at(91), EventKind.REOPENED, "Forgot the review", reopened_finish=at(90)
            ),
        ],
    )


def test_sample_session_holds_every_kind_of_record_with_revisions() -> None:
    session = sample_session()
    kinds = [
        session.notes,
        session.classifications,
        session.promises,
        session.signoffs,
        session.decisions,
        session.actions,
        session.events,
    ]
    assert all(kinds)
    assert session.record_count == 38
    assert len({row.key for row in session.promises}) < len(session.promises)


def test_sample_timings_match_the_script_parts() -> None:
    script = sample_script()
    assert [timing.part_id for timing in sample_timings()] == [part.id for part in script.parts]
    assert [timing.planned_seconds for timing in sample_timings()] == [
        part.duration for part in script.parts
    ]


# Reading the Markdown back --------------------------------------------------


def parse(markdown: str, preset: str = "commonmark") -> list[Token]:
    """Block tokens of ``markdown`` as GitHub reads it: CommonMark with tables and strikethrough."""
    if preset == "gfm-like":
        return MarkdownIt("gfm-like").parse(markdown)
    return MarkdownIt("commonmark").enable(["table", "strikethrough"]).parse(markdown)


def text_of(inline: Token) -> str:
    """The text a reader sees in an inline token; line breaks read as newlines."""
    pieces: list[str] = []
    for child in inline.children or []:
        if child.type in ("text", "text_special", "code_inline"):
            pieces.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            if pieces:
                pieces[-1] = pieces[-1].rstrip(" ")  # the space before a hard break
            pieces.append("\n")
    return "".join(pieces)


def headings(tokens: list[Token]) -> list[tuple[str, str]]:
    """Every heading as (tag, text), in order."""
    return [
        (token.tag, text_of(tokens[index + 1]))
        for index, token in enumerate(tokens)
        if token.type == "heading_open"
    ]


def tables(tokens: list[Token]) -> list[list[list[str]]]:
    """Every table as rows of cell texts, the header row first."""
    found: list[list[list[str]]] = []
    for index, token in enumerate(tokens):
        if token.type == "table_open":
            found.append([])
        elif token.type == "tr_open":
            found[-1].append([])
        elif token.type in ("th_open", "td_open"):
            found[-1][-1].append(text_of(tokens[index + 1]))
    return found


def list_items(tokens: list[Token]) -> list[str]:
    """The text of the first paragraph of every list item, nested ones included."""
    return [
        text_of(tokens[index + 2])
        for index, token in enumerate(tokens)
        if token.type == "list_item_open" and tokens[index + 2].type == "inline"
    ]


def section(tokens: list[Token], title: str) -> list[Token]:
    """The tokens under the level-2 heading ``title``, up to the next level-2 heading."""
    start = next(
        index
        for index, token in enumerate(tokens)
        if token.type == "heading_open"
        and token.tag == "h2"
        and text_of(tokens[index + 1]) == title
    )
    end = next(
        (
            index
            for index in range(start + 3, len(tokens))
            if tokens[index].type == "heading_open" and tokens[index].tag == "h2"
        ),
        len(tokens),
    )
    return tokens[start + 3 : end]
