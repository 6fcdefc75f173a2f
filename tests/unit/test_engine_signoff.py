"""Sign-off in the engine: initials bound to the wording, stale after a change, holds, the room."""

from __future__ import annotations

import pytest

from tests.unit.engine_fixtures import agreement_engine, new_engine, reload
from workshop_tui.domain.engine import EngineError, SessionEngine
from workshop_tui.domain.kinds import CynefinDomain, DecisionMethod, InitialKind
from workshop_tui.domain.rules.sections import RoleState, SectionProgress
from workshop_tui.domain.snapshot import SessionSetup
from workshop_tui.locations import StoreLocation
from workshop_tui.storage import open_store


def at_signoff(engine: SessionEngine) -> SessionEngine:
    engine.timing.go_to(engine.script.part_index("sign-off"))
    return engine


def supplier_promise(engine: SessionEngine, text: str = "A usable increment") -> str:
    here = engine.index
    engine.timing.go_to(engine.script.part_index("promises"))
    key = engine.promises.add("Supplier", text).key
    engine.promises.agree(key)
    engine.timing.go_to(here)
    return key


def section(engine: SessionEngine, section_id: str) -> SectionProgress:
    """A section of the sign-off part, wherever the session is."""
    part = engine.script.parts[engine.script.part_index("sign-off")]
    return next(p for p in engine.signoff.progress(part) if p.section_id == section_id)


def test_an_initial_stores_exactly_the_wording_read(store_location: StoreLocation) -> None:
    engine, _ = agreement_engine(store_location)
    supplier_promise(engine)
    at_signoff(engine)
    row = engine.signoff.sign("supplier", "Ana Ruiz", "Product Owner", "AR")
    assert row.wording == (
        "The supplier keeps these promises.\n\nSupplier promises:\n- A usable increment"
    )
    assert row.kind is InitialKind.INITIALLED
    role = section(engine, "supplier").role("Product Owner")
    assert role is not None and role.state is RoleState.INITIALLED


def test_initials_go_stale_when_the_wording_changes_and_count_again_once_redone(
    store_location: StoreLocation,
) -> None:
    engine, clock = agreement_engine(store_location)
    key = supplier_promise(engine)
    at_signoff(engine)
    assert len(engine.signoff.sign_for_everyone("supplier")) == 3
    assert section(engine, "supplier").complete

    engine.timing.go_to(engine.script.part_index("promises"))
    engine.promises.amend(key, "A usable increment every Sprint", reason="the room asked")
    progress = section(engine, "supplier")
    assert not progress.complete
    assert [r.state for r in progress.roles] == [RoleState.STALE] * 3
    assert progress.missing == ("Sponsor", "Product Owner", "Lead")
    assert progress.signoffs == (), "an initial for an earlier wording does not stand"
    assert len(progress.versions) == 2 and progress.version_of(progress.wording) == 2

    at_signoff(engine)
    engine.signoff.sign("supplier", "Bo Chen", "Sponsor", "BC")
    again = reload(store_location, engine, clock)  # the same, read back from the file
    progress = next(p for p in again.signoff.progress() if p.section_id == "supplier")
    assert [r.state for r in progress.roles] == [
        RoleState.INITIALLED,
        RoleState.STALE,
        RoleState.STALE,
    ]
    assert "A usable increment every Sprint" in progress.wording


def test_a_section_with_only_text_never_goes_stale(store_location: StoreLocation) -> None:
    engine, _ = agreement_engine(store_location)
    at_signoff(engine).signoff.sign_for_everyone("alive")
    supplier_promise(engine, "Something else entirely")
    assert section(engine, "alive").complete


def test_the_agility_section_changes_with_the_board_and_the_decision(
    store_location: StoreLocation,
) -> None:
    engine, _ = agreement_engine(store_location)
    engine.board.classify("Billing", CynefinDomain.COMPLEX)
    engine.decisions.accept_agility()
    at_signoff(engine)
    engine.signoff.sign_for_everyone("agility")
    wording = section(engine, "agility").wording
    assert wording.startswith("Agreed level of agility: High agility")
    assert "Release monthly? Not decided yet." in wording
    assert wording.endswith("It goes into the Statement of Work.")

    engine.timing.go_to(engine.script.part_index("decide"))
    engine.decisions.record("Release monthly?", DecisionMethod.CONSENT, outcome="Yes", agreed=True)
    progress = section(engine, "agility")
    assert len(progress.stale) == 3
    assert "Release monthly? Agreed: Yes" in progress.wording


def test_initial_for_everyone_present_is_one_step_and_leaves_who_is_absent(
    store_location: StoreLocation,
) -> None:
    engine, clock = agreement_engine(store_location)
    engine.update_setup(
        SessionSetup("Acme", participants=engine.session.setup.participants[:2])  # no Lead
    )
    at_signoff(engine)
    rows = engine.signoff.sign_for_everyone("alive")
    assert [(r.role, r.person, r.initials) for r in rows] == [
        ("Sponsor", "Bo Chen", "BC"),
        ("Product Owner", "Ana Ruiz", "AR"),
    ]
    assert section(engine, "alive").missing == ("Lead",)
    with pytest.raises(EngineError, match="nobody in the room plays Lead"):
        engine.signoff.sign_for_everyone("alive")
    assert len(reload(store_location, engine, clock).session.signoffs) == 2


def test_initial_for_everyone_is_all_or_nothing(store_location: StoreLocation) -> None:
    store = open_store(store_location)
    engine, clock = agreement_engine(store_location, store=store)
    at_signoff(engine)

    def failing(session_id: int, records: object) -> list[int]:
        raise OSError("disk gone")

    original = store.add_records
    store.add_records = failing  # type: ignore[method-assign]
    with pytest.raises(OSError):
        engine.signoff.sign_for_everyone("alive")
    store.add_records = original  # type: ignore[method-assign]
    assert engine.session.signoffs == []
    assert reload(store_location, engine, clock).session.signoffs == []


def test_a_hold_keeps_the_section_open_with_its_reason_until_that_person_initials(
    store_location: StoreLocation,
) -> None:
    engine, _ = agreement_engine(store_location)
    at_signoff(engine)
    with pytest.raises(EngineError, match="reason"):
        engine.signoff.hold("alive", "Sponsor", "  ")
    held = engine.signoff.hold("alive", "sponsor", "Needs the board's approval first")
    assert (held.kind, held.person, held.role) == (InitialKind.HELD, "Bo Chen", "Sponsor")
    rows = engine.signoff.sign_for_everyone("alive")
    assert {r.role for r in rows} == {"Product Owner", "Lead"}, "a hold is not overridden"
    progress = section(engine, "alive")
    sponsor = progress.role("Sponsor")
    assert sponsor is not None and sponsor.state is RoleState.HELD
    assert sponsor.reason == "Needs the board's approval first"
    with pytest.raises(EngineError, match="Sponsor holds their initial on"):
        engine.signoff.sign_for_everyone("alive")
    engine.signoff.sign("alive", "Bo Chen", "Sponsor", "BC")
    assert section(engine, "alive").complete


def test_withdraw_and_redo_an_initial_need_a_reason_and_keep_the_history(
    store_location: StoreLocation,
) -> None:
    engine, clock = agreement_engine(store_location)
    at_signoff(engine)
    engine.signoff.sign("alive", "Cy Diaz", "Lead", "XX")
    with pytest.raises(EngineError, match="reason"):
        engine.signoff.redo("alive", "Lead", "Cy Diaz", "CD", "")
    engine.signoff.redo("alive", "Lead", "Cy Diaz", "CD", "wrong initials")
    engine.signoff.withdraw("alive", "Lead", "initialled for the wrong section")
    with pytest.raises(EngineError, match="no initial"):
        engine.signoff.withdraw("alive", "Lead", "again")
    with pytest.raises(EngineError, match="no initial"):
        engine.signoff.redo("alive", "Sponsor", "Bo Chen", "BC", "never signed")

    stored = reload(store_location, engine, clock).session.signoffs
    assert [(r.kind, r.initials, r.reason) for r in stored] == [
        (InitialKind.INITIALLED, "XX", ""),
        (InitialKind.INITIALLED, "CD", "wrong initials"),
        (InitialKind.WITHDRAWN, "CD", "initialled for the wrong section"),
    ]
    lead = section(engine, "alive").role("Lead")
    assert lead is not None and lead.state is RoleState.WITHDRAWN and len(lead.history) == 3


def test_sections_of_another_part_are_corrected_by_its_id(store_location: StoreLocation) -> None:
    engine, _ = agreement_engine(store_location)
    at_signoff(engine).signoff.sign("alive", "Cy Diaz", "Lead", "CD")
    engine.timing.next_part()
    with pytest.raises(EngineError, match="no sections to sign"):
        engine.signoff.withdraw("alive", "Lead", "wrong")
    row = engine.signoff.withdraw("alive", "Lead", "wrong", part_id="sign-off")
    assert row.part_id == "sign-off"
    with pytest.raises(EngineError, match='no part "nowhere"'):
        engine.signoff.sign("alive", "Cy", "Lead", "C", part_id="nowhere")


def test_roles_match_ignoring_case_and_the_scripts_spelling_is_stored(
    store_location: StoreLocation,
) -> None:
    engine, _ = new_engine(store_location)
    engine.timing.go_to(3)
    row = engine.signoff.sign("scope", "Ana", " product owner ", "AN")
    assert row.role == "Product Owner"
    assert row.wording == "What is in."
