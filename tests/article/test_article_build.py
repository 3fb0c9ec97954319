"""Doc-to-record conversion (``pipeline/article/build.py``): names inside an amount. Sentences invented here."""

from __future__ import annotations

from support import make_block_doc

from pipeline.article.build import block_records


def test_currency_code_and_unit_inside_an_amount_are_no_names(nlp):
    doc = make_block_doc(nlp, "Four firms plan to invest IDR 45.5 trillion in smelters fed by a 150 MW plant.")
    records = block_records(doc, sentence_base=0)
    assert not any(record.text in {"IDR", "MW"} for record in records.entities)
    assert any(record.text.startswith("IDR 45.5") for record in records.quantities)
