"""A section's wording and progress, from the script and a snapshot alone (as the room view reads).

No engine and no store: what a board in a second process computes from a
snapshot loaded from the file is what the facilitator's screen shows.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from tests.unit.engine_fixtures import agreement_script
from workshop_tui.content.activities import SignoffSection
from workshop_tui.domain.kinds import (
    CynefinDomain,
    DecisionMethod,
    InitialKind,
    PromiseStatus,
    SessionState,
)
from workshop_tui.domain.records import ActionItem, Classification, Decision, Promise, SignOff
from workshop_tui.domain.rules.agility import AGILITY_QUESTION
from workshop_tui.domain.rules.sections import RoleState, signoff_progress
from workshop_tui.domain.rules.signoff_state import part_progress
from workshop_tui.domain.rules.wording import section_wording, wording_digest
from workshop_tui.domain.snapshot import SessionSetup, SessionSnapshot

T0 = datetime(2026, 11, 21, 9, 0, tzinfo=UTC)
SCRIPT = agreement_script()
SIGN = SCRIPT.parts[SCRIPT.part_index("sign-off")]


def at(minute: int) -> datetime:
    return T0 + timedelta(minutes=minute)


def section(section_id: str) -> SignoffSection:
    return next(s for s in SIGN.activity.sections if s.id == section_id)  # type: ignore[union-attr]


def snapshot(**records: object) -> SessionSnapshot:
    return SessionSnapshot(
        id=1,
        script_id=SCRIPT.id,
        script_title=SCRIPT.title,
        setup=SessionSetup("Acme"),
        state=SessionState.RUNNING,
        current_part=3,
        created_at=T0,
        last_seen_at=T0,
        **records,  # type: ignore[arg-type]
    )


def promise(minute: int, key: str, text: str, status: PromiseStatus, **more: str) -> Promise:
    return Promise("promises", at(minute), key, "Supplier", text, status, **more)


def test_promises_as_they_stand_declined_never_as_promised_parked_as_open() -> None:
    session = snapshot(
        promises=[
            promise(1, "a", "Demo every sprint", PromiseStatus.PROPOSED),
            promise(2, "a", "Demo every two weeks", PromiseStatus.AMENDED),
            promise(3, "b", "A Scrum Master", PromiseStatus.DECLINED, reason="They have one"),
            promise(4, "c", "Weekend support", PromiseStatus.PARKED, reason="Ask the union"),
            promise(5, "d", "Fix bugs first", PromiseStatus.AGREED, owner="Cy", note="P1 only"),
            promise(6, "e", "Docs", PromiseStatus.PROPOSED),
            Promise("promises", at(7), "f", "Customer", "A Product Owner", PromiseStatus.AGREED),
        ]
    )
    wording = section_wording(SCRIPT, session, section("supplier"))
    assert wording.plain == (
        "The supplier keeps these promises.\n\n"
        "Supplier promises:\n"
        "- Demo every two weeks\n"
        "- Fix bugs first (owner: Cy); note: P1 only\n\n"
        "Still open:\n"
        "- Weekend support (parked: Ask the union)\n"
        "- Docs (not decided yet)\n\n"
        "Declined, so not promised:\n"
        "- A Scrum Master (declined: They have one)"
    )
    assert "Demo every sprint" not in wording.plain and "Product Owner" not in wording.plain
    assert wording.digest == wording_digest(wording.plain) and len(wording.digest) == 8


def test_nothing_promised_yet_is_said_so() -> None:
    wording = section_wording(SCRIPT, snapshot(), section("supplier"))
    assert wording.plain == "The supplier keeps these promises.\n\nSupplier makes no promise yet."


def test_agility_decision_and_fixed_text_in_their_order() -> None:
    session = snapshot(
        classifications=[
            Classification("type-of-work", at(1), "k", "Billing", CynefinDomain.CLEAR)
        ],
        decisions=[
            Decision(
                "type-of-work",
                at(2),
                "ag",
                AGILITY_QUESTION,
                DecisionMethod.FACILITATOR,
                "Overruled: Full agility",
                True,
                advised="Low agility: a fixed plan",
            ),
        ],
    )
    assert section_wording(SCRIPT, session, section("agility")).plain == (
        "Agreed level of agility: Full agility "
        "(the Cynefin board advised: Low agility: a fixed plan)"
        "\n\nOn the Cynefin board:\n- 1 of 1 items are Clear"
        "\n\nRelease monthly? Not decided yet."
        "\n\nIt goes into the Statement of Work."
    )
    decided = snapshot(
        decisions=[
            Decision("decide", at(3), "d", "Release monthly?", DecisionMethod.CONSENT, "", False)
        ]
    )
    assert (
        "Release monthly? Not agreed." in section_wording(SCRIPT, decided, section("agility")).plain
    )
    assert section_wording(SCRIPT, decided, section("agility")).plain.startswith(
        "Level of agility: not decided yet."
    )


def test_a_section_of_fixed_text_reads_exactly_its_text() -> None:
    assert section_wording(SCRIPT, snapshot(), section("alive")).plain == "We revisit it."


def test_actions_and_the_board_as_presented_items() -> None:
    from workshop_tui.content.activities import PresentedItem
    from workshop_tui.domain.rules.wording import presented

    session = snapshot(
        actions=[ActionItem("next-steps", at(1), "a", "Send notes", "Kim", date(2026, 12, 1))],
        classifications=[
            Classification("type-of-work", at(1), "k", "Billing", CynefinDomain.COMPLEX),
            Classification("type-of-work", at(2), "j", "Payroll", CynefinDomain.COMPLEX),
        ],
    )
    actions = presented(SCRIPT, session, PresentedItem(actions=True))
    assert [b.plain for b in actions] == ["Actions:\n- Send notes (Kim, due 2026-12-01)"]
    board = presented(SCRIPT, session, PresentedItem(cynefin=True))
    assert [b.plain for b in board] == [
        "The work as placed on the Cynefin board:\n- Complex: Billing; Payroll"
    ]
    assert [b.plain for b in presented(SCRIPT, snapshot(), PresentedItem(actions=True))] == [
        "No action has been recorded."
    ]


def test_progress_from_the_snapshot_alone_knows_stale_held_and_withdrawn() -> None:
    current = section_wording(SCRIPT, snapshot(), section("supplier")).plain

    def row(minute: int, role: str, wording: str, kind: InitialKind = InitialKind.INITIALLED):
        return SignOff(
            "sign-off",
            at(minute),
            "supplier",
            "Supplier promises",
            "X",
            role,
            "X",
            wording=wording,
            kind=kind,
            reason="why",
        )

    session = snapshot(
        signoffs=[
            row(1, "Sponsor", "an earlier wording"),
            row(2, "Product Owner", current),
            row(3, "Lead", current),
            row(4, "Lead", current, InitialKind.WITHDRAWN),
            SignOff(
                "other-part", at(5), "supplier", "Supplier", "X", "Sponsor", "X", wording=current
            ),
        ]
    )
    supplier = next(p for p in part_progress(SCRIPT, session, SIGN) if p.section_id == "supplier")
    assert [r.state for r in supplier.roles] == [
        RoleState.STALE,
        RoleState.INITIALLED,
        RoleState.WITHDRAWN,
    ], "a sign-off of another part does not count here"
    assert supplier.missing == ("Sponsor", "Lead") and not supplier.complete
    assert supplier.versions == ("an earlier wording", current)
    assert supplier.version_of(current) == 2 and supplier.version_of("unknown") == 0
    assert supplier.role("lead") is not None and supplier.role("lead").reason == "why"  # type: ignore[union-attr]


def test_without_wordings_every_initial_counts_as_before() -> None:
    rows = [SignOff("s", at(1), "scope", "Scope", "Ana", "Lead", "A", wording="whatever")]
    (scope,) = signoff_progress([("scope", "Scope", ["Lead"])], rows)
    assert scope.complete and scope.roles[0].state is RoleState.INITIALLED
    (held,) = signoff_progress(
        [("scope", "Scope", ["Lead"])],
        [*rows, SignOff("s", at(2), "scope", "Scope", "Ana", "Lead", "", kind=InitialKind.HELD)],
    )
    assert not held.complete and held.roles[0].state is RoleState.HELD
