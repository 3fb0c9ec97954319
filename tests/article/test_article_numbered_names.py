"""Short forms of numbered company names (``pipeline.article.numbered_names``): "<word> <number>" after a company
named so is that company, whatever the model read on it. Sentences invented for these tests."""

from __future__ import annotations

from support import entity_record

from pipeline.article.numbered_names import numbered_short_forms


def test_short_form_read_as_a_metal_becomes_the_company():
    text = 'Lithium 31 Holdings Ltd. ("Lithium 31") said Lithium 31 shareholders approved the lithium sale.'
    records = [entity_record("Lithium 31 Holdings Ltd.", 0), entity_record("Lithium", text.index('Lithium 31")')),
               entity_record("Lithium", text.index("Lithium 31 share")),
               entity_record("lithium", text.index("lithium sale"))]
    records = [record if record.label == "ORG" and index == 0 else record.model_copy(update={"label": "COMMODITY"})
               for index, record in enumerate(records)]
    result = numbered_short_forms(records, text)
    assert [(record.text, record.label, record.normalized) for record in result] == [
        ("Lithium 31 Holdings Ltd.", "ORG", "Lithium 31 Holdings Ltd."),
        ("Lithium 31", "ORG", "Lithium 31 Holdings Ltd."),
        ("Lithium 31", "ORG", "Lithium 31 Holdings Ltd."),
        ("lithium", "COMMODITY", "lithium")]


def test_decimal_or_thousands_after_the_word_is_no_short_form():
    text = "Zinc 12 Corp. reported. Zinc 12.5 percent and Zinc 12,000 tonnes were quoted."
    records = [entity_record("Zinc 12 Corp.", 0),
               entity_record("Zinc", text.index("Zinc 12.5"), label="COMMODITY"),
               entity_record("Zinc", text.index("Zinc 12,000"), label="COMMODITY")]
    assert [record.label for record in numbered_short_forms(records, text)] == ["ORG", "COMMODITY", "COMMODITY"]


def test_article_without_a_numbered_company_is_unchanged():
    text = "Cobalt prices rose as Orsk Mining Ltd sold 20 tonnes."
    records = [entity_record("Cobalt", 0, label="COMMODITY"), entity_record("Orsk Mining Ltd", text.index("Orsk"))]
    assert numbered_short_forms(records, text) == records
