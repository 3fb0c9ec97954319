"""A loan's agent is its lender (``pipeline.article.event_lenders``, issue 12): hand-built records and sentences in our
own words."""

from __future__ import annotations

import pytest
from support import event_record
from support import policy_entity as entity

from pipeline.article.event_lenders import is_lender, lenders_as_agents
from pipeline.resources.events import load_event_cues
from pipeline.resources.files import ResourceReader
from pipeline.schema.records import Trigger


@pytest.fixture(scope="module")
def policy():
    return load_event_cues(ResourceReader()).document


MARLIN = entity(10, "Marlin Metals", sentence=3)
BANK = entity(60, "Fenwick Export-Import Bank", sentence=3)
LENDER = entity(120, "Kestrel Savings Bank", sentence=3)
ELSEWHERE = entity(300, "Norland Development Bank", sentence=7)


def loan(trigger="loan", event_type="financing", agent=MARLIN, *others):
    record = event_record(90, event_type, ("agent", agent.text, agent.id), *others, sentence=3)
    return record.model_copy(update={"trigger": Trigger(text=trigger, start=90, end=90 + len(trigger))})


def roles(record):
    return [(a.role, a.text) for a in record.arguments]


def test_the_lender_its_sentence_names_is_the_agent(policy):
    # "The Fenwick Export-Import Bank said Marlin Metals met the first conditions for a loan"
    [record] = lenders_as_agents([loan()], [MARLIN, BANK], policy)
    assert roles(record) == [("agent", "Fenwick Export-Import Bank"), ("beneficiary", "Marlin Metals")]


def test_a_lender_named_as_counterparty_moves_to_agent(policy):
    # "Marlin received a letter from the bank for a loan": the bank was read as the counterparty
    record = loan("development loan", "financing", MARLIN, ("counterparty", BANK.text, BANK.id))
    [moved] = lenders_as_agents([record], [MARLIN, BANK], policy)
    assert roles(moved) == [("agent", "Fenwick Export-Import Bank"), ("beneficiary", "Marlin Metals")]


def test_else_the_one_lender_of_the_next_sentence(policy):
    # "Marlin gets a loan to double output. The Fenwick Development Bank committed to provide the funds."
    after = entity(200, "Fenwick Development Bank", sentence=4)
    [record] = lenders_as_agents([loan()], [MARLIN, after], policy)
    assert roles(record)[0] == ("agent", "Fenwick Development Bank")
    # the same sentence comes first: its lender wins over a neighbour's
    [record] = lenders_as_agents([loan()], [MARLIN, BANK, after], policy)
    assert roles(record)[0] == ("agent", "Fenwick Export-Import Bank")


@pytest.mark.parametrize(("record", "entities"), [
    (loan(), [MARLIN, BANK, LENDER]),  # two lenders: which one lends is not guessed
    (loan(), [MARLIN, ELSEWHERE]),  # the lender is named only three sentences on
    (loan(), [MARLIN, entity(0, "Fenwick Development Bank", sentence=2)]),  # before the loan: an earlier one's lender
    (loan(), [MARLIN, entity(200, "Fenwick Development Bank", sentence=4, section="Other news")]),  # another item
    (loan("loan", "financing", MARLIN, ("beneficiary", "Kestrel Tin", None)), [MARLIN, BANK]),  # Marlin lends
    (loan("funding"), [MARLIN, BANK]),  # a funding round is no loan: the company raises it
    (loan("loan", "investment"), [MARLIN, BANK]),  # not a financing type
    (loan("loan", "financing", BANK), [BANK, LENDER]),  # the agent already lends
])
def test_otherwise_the_record_stays(policy, record, entities):
    assert lenders_as_agents([record], entities, policy) == [record]


def test_a_bank_or_a_public_body_lends(policy):
    assert is_lender(BANK, policy) and is_lender(entity(0, "Norland Energy Department"), policy)
    assert not is_lender(MARLIN, policy)
    assert not is_lender(entity(0, "Fenwick", "GPE"), policy)


def test_the_extractor_names_the_lender(extractor):
    text = ("Marlin Metals clears first loan hurdle\n\nThe Fenwick Export-Import Bank said on Monday that Marlin "
            "Metals Corp. qualified for a $90 million loan to build its Kestrel tin mine.\n\nMarlin "
            "Metals also signed a $20 million loan agreement to fund drilling, the company said.")
    records = [r for r in extractor.extract(text, doc_id="t", published="2026-03-02") if r.type == "event"]
    lenders = [[a.text for a in r.arguments if a.role == "agent"] for r in records if r.event_type == "financing"]
    assert lenders == [["Fenwick Export-Import Bank"], ["Marlin Metals"]]
