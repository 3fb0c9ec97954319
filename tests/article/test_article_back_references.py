"""The article step that keeps a definite trigger ("the contract") only as the lone record of its type."""

from __future__ import annotations

from pipeline.article.back_references import lone_back_references
from pipeline.schema.records import Argument, EventRecord, Mention, Trigger

TYPES = frozenset({"supply_agreement"})
ROLES = frozenset({"counterparty"})


def event(start: int, event_type: str = "supply_agreement", *, roles: tuple[str, ...] = ("agent", "counterparty")) -> EventRecord:
    arguments = [Argument(role=role, text="Kestrel", ref=None) for role in roles]
    return EventRecord(id=f"d#event:{start}-{start + 4}:{event_type}", doc_id="d", event_type=event_type,
                       trigger=Trigger(text="deal", start=start, end=start + 4), evidence="Kestrel signed the deal.",
                       sentence=1, section=None, zone="body", arguments=arguments, modality="actual",
                       confidence=0.5, mentions=[Mention(start=start, end=start + 4)])


def test_a_back_reference_stays_when_its_type_has_no_other_record() -> None:
    plain, held = event(5, "production_output"), event(40)
    assert lone_back_references([plain, held], {held.id}, TYPES, ROLES) == [plain, held]


def test_a_back_reference_goes_when_the_article_tells_its_type_elsewhere() -> None:
    told, held = event(5), event(40)
    assert lone_back_references([told, held], {held.id}, TYPES, ROLES) == [told]


def test_only_the_first_back_reference_of_a_type_is_kept() -> None:
    later, first = event(90), event(40)
    assert lone_back_references([later, first], {later.id, first.id}, TYPES, ROLES) == [first]


def test_a_back_reference_without_a_named_role_or_outside_the_types_goes() -> None:
    one_sided = event(40, roles=("agent", "date"))
    other = event(60, "financing")
    assert lone_back_references([one_sided, other], {one_sided.id, other.id}, TYPES, ROLES) == []
    two_sided = event(40, roles=("counterparty",))
    assert lone_back_references([two_sided], {two_sided.id}, TYPES, ROLES) == [two_sided]
