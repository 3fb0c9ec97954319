"""A loan's agent is its lender: a loan record whose agent is the borrowing company takes the lender its sentence names.

News tells a loan from the borrower's side ("Marlin Metals has met the first conditions for a $90 million loan, the
Fenwick Export-Import Bank said"; "Marlin received a letter of support from the bank for a loan"), so the event stage
reads the borrower as the sentence's subject. The guide's agent of a financing is the lender (docs/annotation.md,
docs/realnews.md: "loans name the lender only"). When the record's trigger is a loan word (``loan_nouns``), its agent
is an organisation that lends nothing (no public body, no bank) and lends to no one named (no beneficiary: "provided a
loan to X" keeps its company), and its sentence names exactly one organisation that does, that organisation becomes
the agent and the borrower the beneficiary; when its sentence names none, the one lender of the next sentence in its
section ("Marlin gets a loan to double output. The Fenwick Development Bank committed to provide the funds."; a lender
named before the loan more often made an earlier one). Two lenders, or none, leave the record as it is: which one
lends is then not for this rule to guess.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from pipeline.article.event_actors import WORD, name_key
from pipeline.article.event_policy import is_public_body
from pipeline.resources.events import DocumentPolicy
from pipeline.schema.records import Argument, EntityRecord, EventRecord

NEXT = (1,)  # the sentence after a loan's, which may name its lender when its own names none


def lenders_as_agents(records: Sequence[EventRecord], entities: Sequence[EntityRecord],
                      policy: DocumentPolicy) -> list[EventRecord]:
    """The records, each loan record whose agent borrows given the one lender its sentence names."""
    if not policy.loan_nouns:
        return list(records)
    by_id = {entity.id: entity for entity in entities}
    return [_lender_agent(record, entities, by_id, policy) for record in records]


def is_lender(entity: EntityRecord, policy: DocumentPolicy) -> bool:
    """An organisation that lends: a public body (``government_words``) or one whose name holds a ``lender_words``
    word ("Fenwick Development Bank")."""
    if entity.label != "ORG":
        return False
    words = {word.lower() for word in WORD.findall(f"{entity.normalized} {entity.text}")}
    return is_public_body(entity, policy) or not words.isdisjoint(policy.lender_words)


def is_loan(record: EventRecord, policy: DocumentPolicy) -> bool:
    """Whether the record is a ``lender_types`` record whose trigger names a loan (``loan_nouns``)."""
    if record.event_type not in policy.lender_types:
        return False
    trigger = " ".join(word.lower() for word in WORD.findall(record.trigger.text))
    return any(re.search(rf"\b{re.escape(noun)}\b", trigger) for noun in policy.loan_nouns)


def _lender_agent(record: EventRecord, entities: Sequence[EntityRecord], by_id: dict[str, EntityRecord],
                  policy: DocumentPolicy) -> EventRecord:
    if not is_loan(record, policy):
        return record
    index = next((i for i, argument in enumerate(record.arguments) if argument.role == "agent"), None)
    borrower = by_id.get(record.arguments[index].ref or "") if index is not None else None
    if borrower is None or borrower.label != "ORG" or is_lender(borrower, policy) or any(
            argument.role == "beneficiary" for argument in record.arguments):
        return record  # a company that lends to someone ("provided a loan to X") keeps its record
    lender = _named_lender(record, entities, borrower, policy, (0,)) or _named_lender(
        record, entities, borrower, policy, NEXT)
    if lender is None:
        return record
    key = name_key(lender.normalized)
    others = [argument for i, argument in enumerate(record.arguments) if i != index and name_key(argument.text) != key
              and not (argument.ref in by_id and name_key(by_id[argument.ref].normalized) == key)]
    arguments = [Argument(role="agent", text=lender.text, ref=lender.id), *others]
    if not any(argument.role == "beneficiary" for argument in others):
        arguments.append(Argument(role="beneficiary", text=borrower.text, ref=borrower.id))
    return record.model_copy(update={"arguments": arguments})


def _named_lender(record: EventRecord, entities: Sequence[EntityRecord], borrower: EntityRecord,
                  policy: DocumentPolicy, offsets: tuple[int, ...]) -> EntityRecord | None:
    """The one lender named in the sentences at ``offsets`` from the record's, in its zone and section (None when
    there are none or several)."""
    sentences = {record.sentence + offset for offset in offsets}
    lenders = {name_key(entity.normalized): entity for entity in entities
               if entity.sentence in sentences and entity.zone == record.zone and entity.section == record.section
               and is_lender(entity, policy) and name_key(entity.normalized) != name_key(borrower.normalized)}
    return next(iter(lenders.values())) if len(lenders) == 1 else None
