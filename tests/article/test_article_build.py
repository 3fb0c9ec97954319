"""Doc-to-record conversion (``pipeline/article/build.py``): names inside an amount. Sentences invented here."""

from __future__ import annotations

from support import entity_record, event_record, make_block_doc

from pipeline.article.build import block_records, kept_arguments, kept_subjects
from pipeline.schema.records import QuantityRecord, Subject


def test_currency_code_and_unit_inside_an_amount_are_no_names(nlp):
    doc = make_block_doc(nlp, "Four firms plan to invest IDR 45.5 trillion in smelters fed by a 150 MW plant.")
    records = block_records(doc, sentence_base=0)
    assert not any(record.text in {"IDR", "MW"} for record in records.entities)
    assert any(record.text.startswith("IDR 45.5") for record in records.quantities)


def test_arguments_naming_a_dropped_entity_go_and_others_stay():
    event = event_record(40, "supply_disruption", ("agent", "Wenna", "d#entity:10-15"), ("quantity", "5 t", "d#quantity:20-23"),
                         ("agent", "Ostra", "d#entity:0-5"))
    kept = kept_arguments([event], {"d#entity:10-15"})[0]
    assert [(a.text, a.ref) for a in kept.arguments] == [("5 t", "d#quantity:20-23"), ("Ostra", "d#entity:0-5")]
    assert kept_arguments([event], set())[0] is event


def test_subject_naming_a_dropped_entity_loses_its_id():
    kept_entity = entity_record("tin", 30, label="COMMODITY")
    quantities = [QuantityRecord.model_construct(id="d#quantity:0-3", subject=Subject(text="Wenna", entity_id="d#entity:10-15")),
                  QuantityRecord.model_construct(id="d#quantity:5-8", subject=Subject(text="tin", entity_id=kept_entity.id))]
    kept = kept_subjects(quantities, [kept_entity])
    assert [q.subject.entity_id for q in kept] == [None, kept_entity.id]
